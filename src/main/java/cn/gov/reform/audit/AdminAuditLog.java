package cn.gov.reform.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.engine.EngineClock;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code app_admin_audit}: written by {@link AdminAudit} only (insert, never update or delete — the database refuses
 * both), read by administrators ({@code GET /api/admin/audit}, the page 管理操作记录). The states before and after are
 * small JSON objects read from Camunda's identity and authorization tables.
 */
@Repository
public class AdminAuditLog {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcTemplate jdbc;

  AdminAuditLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One administrative change as the page and API show it. */
  @Schema(description = "一次管理操作")
  public record Entry(
      @Schema(description = "序号（越大越新）", example = "42") long seq,
      @Schema(description = "时间") java.time.Instant at,
      @Schema(description = "操作人（用户 id；system 为系统自身）", example = "admin") String actor,
      @Schema(description = "途径：ADMIN_WEBAPP 管理后台、ENGINE_REST 引擎接口、API 业务接口、APP 系统自身", example = "ADMIN_WEBAPP") String channel,
      @Schema(description = "操作：CREATE 新建、UPDATE 修改、DELETE 删除、UNLOCK 解锁", example = "CREATE") String action,
      @Schema(description = "对象类型：USER、GROUP、MEMBERSHIP、TENANT、TENANT_MEMBERSHIP、AUTHORIZATION", example = "MEMBERSHIP") String entityType,
      @Schema(description = "对象（用户 id、用户组 id、“用户 → 用户组”、授权 id 等）", example = "ciyao → township370921109") String entityId,
      @Schema(description = "变更前的内容（新建时为空；不含密码）", nullable = true) Map<String, Object> before,
      @Schema(description = "变更后的内容（删除时为空；不含密码）", nullable = true) Map<String, Object> after) {}

  void record(String actor, String channel, String action, String entityType, String entityId, Map<String, Object> before,
      Map<String, Object> after) {
    jdbc.update("""
        insert into app_admin_audit (at, actor, channel, action, entity_type, entity_id, before_state, after_state)
        values (?, ?, ?, ?, ?, ?, ?, ?)""", Timestamp.from(EngineClock.now()), actor, channel, action, entityType,
        cut(entityId, 512), json(before), json(after));
  }

  /** A page of entries, the newest first, optionally of one entity type and/or one actor; and how many match. */
  @Schema(description = "一页管理操作记录")
  public record Page(@Schema(description = "本页记录，最新的在前") List<Entry> items,
      @Schema(description = "符合条件的记录总数", example = "120") long total) {}

  public Page page(String entityType, String actor, int page, int size) {
    StringBuilder where = new StringBuilder(" where 1=1");
    List<Object> args = new ArrayList<>();
    if (entityType != null && !entityType.isBlank()) {
      where.append(" and entity_type = ?");
      args.add(entityType);
    }
    if (actor != null && !actor.isBlank()) {
      where.append(" and actor = ?");
      args.add(actor);
    }
    Long total = jdbc.queryForObject("select count(*) from app_admin_audit" + where, Long.class, args.toArray());
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(size);
    pageArgs.add((long) page * size);
    List<Entry> items = jdbc.query("select * from app_admin_audit" + where + " order by seq desc limit ? offset ?",
        (rs, i) -> new Entry(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("channel"),
            rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"), map(rs.getString("before_state")),
            map(rs.getString("after_state"))), pageArgs.toArray());
    return new Page(items, total == null ? 0 : total);
  }

  Map<String, Object> user(String id) {
    return one("select ID_ id, FIRST_ firstName, LAST_ lastName, EMAIL_ email, LOCK_EXP_TIME_ lockedUntil from ACT_ID_USER where ID_ = ?", id);
  }

  Map<String, Object> group(String id) {
    return one("select ID_ id, NAME_ name, TYPE_ type from ACT_ID_GROUP where ID_ = ?", id);
  }

  Map<String, Object> tenant(String id) {
    return one("select ID_ id, NAME_ name from ACT_ID_TENANT where ID_ = ?", id);
  }

  Map<String, Object> authorization(String id) {
    List<Map<String, Object>> rows = jdbc.query("""
        select ID_, TYPE_, USER_ID_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ from ACT_RU_AUTHORIZATION where ID_ = ?""",
        (rs, i) -> authorization(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
            rs.getInt(7)), id);
    return rows.isEmpty() ? null : rows.get(0);
  }

  static Map<String, Object> authorization(String id, int type, String user, String group, int resourceType, String resourceId,
      int permissions) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("type", type == 0 ? "GLOBAL" : type == 1 ? "GRANT" : "REVOKE");
    m.put("userId", user);
    m.put("groupId", group);
    m.put("resource", AdminAudit.resourceName(resourceType));
    m.put("resourceId", resourceId);
    m.put("permissions", permissions);
    return m;
  }

  private Map<String, Object> one(String sql, String id) {
    List<Map<String, Object>> rows = jdbc.query(sql, (rs, i) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
        Object v = rs.getObject(c);
        m.put(label(rs.getMetaData().getColumnLabel(c)), v instanceof Timestamp t ? t.toInstant().toString() : v);
      }
      return m;
    }, id);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Column labels come back upper-case from H2 and lower-case from PostgreSQL: the same camelCase keys from both. */
  private static String label(String column) {
    return switch (column.toLowerCase(java.util.Locale.ROOT)) {
      case "firstname" -> "firstName";
      case "lastname" -> "lastName";
      case "lockeduntil" -> "lockedUntil";
      default -> column.toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String json(Map<String, Object> state) {
    if (state == null) {
      return null;
    }
    try {
      return cut(JSON.writeValueAsString(state), 4000);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> map(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      return Map.of("text", json);
    }
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
