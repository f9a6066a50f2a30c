package cn.gov.reform.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.ScopedQuery;

/** The assessment-item tables (V11__assessment_items.sql). Written only by {@link AssessmentService}. */
@Repository
class AssessmentRepository {

  private static final RowMapper<AssessmentItem> ITEM = AssessmentRepository::map;
  /** A township's officials see the items naming their township. */
  static final String TOWNSHIP_CONDITION =
      "exists (select 1 from app_assessment_township t where t.item_id = a.id and t.township_code = ?)";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  AssessmentRepository(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  record Township(String code, String name) {}

  record Filter(String countyCode, String townshipCode, Collection<AssessmentStatus> statuses, AssessmentKind kind, Boolean overdue) {}

  record Page(List<AssessmentItem> items, long total) {}

  void insert(AssessmentItem a) {
    jdbc.update("""
        insert into app_assessment_item (id, title, department, kind, county_code, city_code, province_code, region_name, status,
          current_version, created_by, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        a.id(), a.title(), a.department(), a.kind().name(), a.countyCode(), a.cityCode(), a.provinceCode(), a.regionName(),
        a.status().name(), a.currentVersion(), a.createdBy(), Timestamp.from(a.createdAt()), Timestamp.from(a.updatedAt()));
  }

  Optional<AssessmentItem> find(String id) {
    return jdbc.query("select * from app_assessment_item a where id = ?", ITEM, id).stream().findFirst();
  }

  /** Locks the row for the rest of the transaction: decisions and revisions of one item are serial. */
  Optional<AssessmentItem> findForUpdate(String id) {
    return jdbc.query("select * from app_assessment_item a where id = ? for update", ITEM, id).stream().findFirst();
  }

  /** A page of the items the caller may see that pass the filter, the most recently changed first. */
  Page list(Filter f, Jurisdiction who, int page, int size) {
    ScopedQuery q = new ScopedQuery().eq("a.county_code", f.countyCode());
    if (f.townshipCode() != null) {
      q.and(TOWNSHIP_CONDITION, f.townshipCode());
    }
    if (f.statuses() != null) {
      q.in("a.status", f.statuses().stream().map(AssessmentStatus::name).toList());
    }
    if (f.kind() != null) {
      q.eq("a.kind", f.kind().name());
    }
    if (f.overdue() != null) {
      q.and(f.overdue() ? "a.overdue_since is not null" : "a.overdue_since is null");
    }
    if (!q.visibleTo(who, "a", TOWNSHIP_CONDITION)) {
      return new Page(List.of(), 0);
    }
    Long total = jdbc.queryForObject("select count(*) from app_assessment_item a" + q.where(), Long.class, q.args());
    return new Page(jdbc.query("select * from app_assessment_item a" + q.where() + " order by a.updated_at desc, a.id limit ? offset ?",
        ITEM, q.pageArgs(page, size)), total == null ? 0 : total);
  }

  void insertVersion(String id, int version, AssessmentRequest request, String actor) {
    jdbc.update("insert into app_assessment_item_version (item_id, version, content, submitted_by, submitted_at) values (?,?,?,?,?)",
        id, version, write(request), actor, Timestamp.from(EngineClock.now()));
    jdbc.update("update app_assessment_item set current_version = ?, title = ?, updated_at = ? where id = ?", version,
        request.title().strip(), Timestamp.from(EngineClock.now()), id);
  }

  AssessmentRequest version(String id, int version) {
    String content = jdbc.queryForObject("select content from app_assessment_item_version where item_id = ? and version = ?",
        String.class, id, version);
    try {
      return json.readValue(content, AssessmentRequest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("assessment item " + id + " version " + version + " unreadable", e);
    }
  }

  void replaceTownships(String id, List<String> codes, List<String> names) {
    jdbc.update("delete from app_assessment_township where item_id = ?", id);
    for (int i = 0; i < codes.size(); i++) {
      jdbc.update("insert into app_assessment_township (item_id, township_code, township_name, position) values (?,?,?,?)",
          id, codes.get(i), names.get(i), i);
    }
  }

  List<Township> townships(String id) {
    return jdbc.query("select township_code, township_name from app_assessment_township where item_id = ? order by position",
        (rs, n) -> new Township(rs.getString(1), rs.getString(2)), id);
  }

  void setProcessInstance(String id, String processInstanceId) {
    jdbc.update("update app_assessment_item set process_instance_id = ? where id = ?", processInstanceId, id);
  }

  void updateStatus(String id, AssessmentStatus status) {
    jdbc.update("update app_assessment_item set status = ?, updated_at = ?, decided_at = ? where id = ?", status.name(),
        Timestamp.from(EngineClock.now()), status.finished() ? Timestamp.from(EngineClock.now()) : null, id);
  }

  void setOverdue(String id, Instant since) {
    jdbc.update("update app_assessment_item set overdue_since = ? where id = ?", since == null ? null : Timestamp.from(since), id);
  }

  private String write(AssessmentRequest request) {
    try {
      return json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static AssessmentItem map(ResultSet rs, int n) throws SQLException {
    return new AssessmentItem(rs.getString("id"), rs.getString("title"), rs.getString("department"),
        AssessmentKind.valueOf(rs.getString("kind")), rs.getString("county_code"), rs.getString("city_code"),
        rs.getString("province_code"), rs.getString("region_name"), AssessmentStatus.valueOf(rs.getString("status")),
        rs.getInt("current_version"), rs.getString("process_instance_id"), instant(rs.getTimestamp("overdue_since")),
        instant(rs.getTimestamp("decided_at")), rs.getString("created_by"), instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("updated_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
