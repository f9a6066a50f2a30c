package cn.gov.reform.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.FindingTable;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.ScopedQuery;

/** The plan's own tables (see db/migration): plans, versions, findings. Written only by {@link PlanService}. */
@Repository
public class PlanRepository {

  private static final RowMapper<Plan> PLAN = PlanRepository::mapPlan;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;
  private final FindingTable findingTable;

  public PlanRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.findingTable = new FindingTable(jdbc, "app_plan_finding", "plan_id");
  }

  public void insert(Plan p) {
    jdbc.update("""
        insert into app_plan (id, title, plan_type, county_code, city_code, province_code, status, current_version,
          process_instance_id, deadline, overdue, filing_number, created_by, created_at, updated_at)
        values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        p.id(), p.title(), p.planType().name(), p.countyCode(), p.cityCode(), p.provinceCode(), p.status().name(),
        p.currentVersion(), p.processInstanceId(), p.deadline(), p.overdue(), p.filingNumber(), p.createdBy(),
        Timestamp.from(p.createdAt()), Timestamp.from(p.updatedAt()));
  }

  public Optional<Plan> find(String id) {
    return jdbc.query("select * from app_plan where id = ?", PLAN, id).stream().findFirst();
  }

  /** Locks the plan row for the rest of the transaction (revisions and decisions on one plan are serial). */
  public Optional<Plan> findForUpdate(String id) {
    return jdbc.query("select * from app_plan where id = ? for update", PLAN, id).stream().findFirst();
  }

  public record Page(List<Plan> items, long total) {}

  public record Filter(String countyCode, String cityCode, String provinceCode, PlanStatus status, Boolean overdue) {}

  public Page list(Filter f, Jurisdiction who, int page, int size) {
    ScopedQuery q = new ScopedQuery().eq("county_code", f.countyCode()).eq("city_code", f.cityCode())
        .eq("province_code", f.provinceCode()).eq("status", f.status() == null ? null : f.status().name());
    if (f.overdue() != null) {
      q.and("overdue = ?", f.overdue());
    }
    return page(q, who, "created_at desc, id", page, size);
  }

  /** A page of the plans in one of these statuses the caller may see, the most recently changed first. */
  public Page list(Collection<PlanStatus> statuses, Jurisdiction who, int page, int size) {
    return page(new ScopedQuery().in("status", statuses.stream().map(PlanStatus::name).toList()), who, "updated_at desc, id",
        page, size);
  }

  /** How many plans the caller may see are under way and flagged overdue. */
  public long countOverdue(Collection<PlanStatus> open, Jurisdiction who) {
    ScopedQuery q = new ScopedQuery().in("status", open.stream().map(PlanStatus::name).toList()).and("overdue = ?", true);
    if (!q.visibleTo(who, null)) {
      return 0;
    }
    Long n = jdbc.queryForObject("select count(*) from app_plan" + q.where(), Long.class, q.args());
    return n == null ? 0 : n;
  }

  private Page page(ScopedQuery q, Jurisdiction who, String order, int page, int size) {
    if (!q.visibleTo(who, null)) {
      return new Page(List.of(), 0);
    }
    Long total = jdbc.queryForObject("select count(*) from app_plan" + q.where(), Long.class, q.args());
    List<Plan> items = jdbc.query("select * from app_plan" + q.where() + " order by " + order + " limit ? offset ?", PLAN,
        q.pageArgs(page, size));
    return new Page(items, total == null ? 0 : total);
  }

  public void updateStatus(String id, PlanStatus status) {
    jdbc.update("update app_plan set status = ?, updated_at = ? where id = ?", status.name(), now(), id);
  }

  public void markOverdue(String id) {
    jdbc.update("update app_plan set overdue = true, updated_at = ? where id = ?", now(), id);
  }

  /** A supervisor's new target date (督办后的新期限). */
  public void setDeadline(String id, LocalDate deadline) {
    jdbc.update("update app_plan set deadline = ?, updated_at = ? where id = ?", deadline, now(), id);
  }

  public void setProcessInstance(String id, String processInstanceId) {
    jdbc.update("update app_plan set process_instance_id = ? where id = ?", processInstanceId, id);
  }

  public void setFilingNumber(String id, String filingNumber) {
    jdbc.update("update app_plan set filing_number = ?, updated_at = ? where id = ?", filingNumber, now(), id);
  }

  public boolean filingNumberTaken(String filingNumber) {
    Integer n = jdbc.queryForObject("select count(*) from app_plan where filing_number = ?", Integer.class, filingNumber);
    return n != null && n > 0;
  }

  // --- versions -------------------------------------------------------------------------------

  public void insertVersion(String planId, int version, String content, int townshipCount, String by, Instant at) {
    jdbc.update("insert into app_plan_version (plan_id, version, content, township_count, submitted_by, submitted_at) values (?,?,?,?,?,?)",
        planId, version, content, townshipCount, by, Timestamp.from(at));
  }

  public void setCurrentVersion(String planId, int version, String title, LocalDate deadline) {
    jdbc.update("update app_plan set current_version = ?, title = ?, deadline = ?, updated_at = ? where id = ?",
        version, title, deadline, now(), planId);
  }

  /** A stored version without its content (README "Domain API": GET /api/plans/{id}/versions). */
  public record Version(int version, int townshipCount, String submittedBy, Instant submittedAt) {}

  public List<Version> versions(String planId) {
    return jdbc.query("""
        select version, township_count, submitted_by, submitted_at from app_plan_version where plan_id = ? order by version""",
        (rs, i) -> new Version(rs.getInt("version"), rs.getInt("township_count"), rs.getString("submitted_by"),
            rs.getTimestamp("submitted_at").toInstant()), planId);
  }

  public String content(String planId, int version) {
    return jdbc.queryForObject("select content from app_plan_version where plan_id = ? and version = ?", String.class, planId, version);
  }

  // --- findings -------------------------------------------------------------------------------

  public void replaceFindings(String planId, int version, List<Finding> findings) {
    findingTable.replace(planId, version, findings);
  }

  public List<Finding> findings(String planId, int version) {
    return findingTable.of(planId, version);
  }

  // --- helpers --------------------------------------------------------------------------------

  private static Timestamp now() {
    return Timestamp.from(EngineClock.now());
  }

  private static Plan mapPlan(ResultSet rs, int i) throws SQLException {
    java.sql.Date deadline = rs.getDate("deadline");
    return new Plan(rs.getString("id"), rs.getString("title"), PlanRequest.PlanType.valueOf(rs.getString("plan_type")),
        rs.getString("county_code"), rs.getString("city_code"), rs.getString("province_code"),
        PlanStatus.valueOf(rs.getString("status")), rs.getInt("current_version"), rs.getString("process_instance_id"),
        deadline == null ? null : deadline.toLocalDate(), rs.getBoolean("overdue"), rs.getString("filing_number"),
        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
  }
}
