package cn.gov.reform.duty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import cn.gov.reform.approval.CitedDocument;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.ScopedQuery;

/** The duty-access tables (V10__duty_access.sql). Written only by {@link DutyService}. */
@Repository
class DutyRepository {

  private static final RowMapper<Duty> DUTY = DutyRepository::map;
  /** A township's officials see the requests naming their township. */
  static final String TOWNSHIP_CONDITION = "exists (select 1 from app_duty_township t where t.duty_id = d.id and t.township_code = ?)";

  private final JdbcTemplate jdbc;

  DutyRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Duty d) {
    jdbc.update("""
        insert into app_duty_request (id, title, department, county_code, city_code, province_code, region_name, status,
          current_version, process_instance_id, created_by, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        d.id(), d.title(), d.department(), d.countyCode(), d.cityCode(), d.provinceCode(), d.regionName(), d.status().name(),
        d.currentVersion(), d.processInstanceId(), d.createdBy(), Timestamp.from(d.createdAt()), Timestamp.from(d.updatedAt()));
  }

  Optional<Duty> find(String id) {
    return jdbc.query("select * from app_duty_request d where id = ?", DUTY, id).stream().findFirst();
  }

  /** Locks the row for the rest of the transaction: decisions and revisions of one request are serial. */
  Optional<Duty> findForUpdate(String id) {
    return jdbc.query("select * from app_duty_request d where id = ? for update", DUTY, id).stream().findFirst();
  }

  record Filter(String countyCode, String townshipCode, Collection<DutyStatus> statuses, Boolean overdue) {}

  record Page(List<Duty> items, long total) {}

  /** A page of the requests the caller may see that pass the filter, the most recently changed first. */
  Page list(Filter f, Jurisdiction who, int page, int size) {
    ScopedQuery q = new ScopedQuery().eq("d.county_code", f.countyCode());
    if (f.townshipCode() != null) {
      q.and(TOWNSHIP_CONDITION, f.townshipCode());
    }
    if (f.statuses() != null) {
      q.in("d.status", f.statuses().stream().map(DutyStatus::name).toList());
    }
    if (f.overdue() != null) {
      q.and(f.overdue() ? "d.overdue_since is not null" : "d.overdue_since is null");
    }
    if (!q.visibleTo(who, "d", TOWNSHIP_CONDITION)) {
      return new Page(List.of(), 0);
    }
    Long total = jdbc.queryForObject("select count(*) from app_duty_request d" + q.where(), Long.class, q.args());
    return new Page(jdbc.query("select * from app_duty_request d" + q.where() + " order by d.updated_at desc, d.id limit ? offset ?",
        DUTY, q.pageArgs(page, size)), total == null ? 0 : total);
  }

  /** The approved requests on a township's list, the most recently approved first. */
  List<Duty> accepted(String townshipCode) {
    return jdbc.query("select d.* from app_duty_request d join app_duty_township t on t.duty_id = d.id"
        + " where t.township_code = ? and d.status = ? order by d.approved_at desc, d.id", DUTY, townshipCode, DutyStatus.APPROVED.name());
  }

  // --- state ---------------------------------------------------------------------------------------------------

  void setProcessInstance(String id, String processInstanceId) {
    jdbc.update("update app_duty_request set process_instance_id = ? where id = ?", processInstanceId, id);
  }

  void updateStatus(String id, DutyStatus status) {
    jdbc.update("update app_duty_request set status = ?, updated_at = ?, approved_at = case when ? then ? else approved_at end"
        + " where id = ?", status.name(), now(), status == DutyStatus.APPROVED, now(), id);
  }

  void setOverdue(String id, Instant since) {
    jdbc.update("update app_duty_request set overdue_since = ? where id = ?", since == null ? null : Timestamp.from(since), id);
  }

  // --- versions and townships --------------------------------------------------------------------------------------

  void insertVersion(String id, int version, DutyRequest r, String by) {
    CitedDocument b = r.basis();
    jdbc.update("""
        insert into app_duty_request_version (duty_id, version, title, township_codes, goal, content, authority, division,
          deadline, staff, funds, training, forms, basis_name, basis_number, basis_issuer, submitted_by, submitted_at)
        values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", id, version, r.title().strip(), String.join(",", r.townshipCodes()),
        blankToNull(r.goal()), blankToNull(r.content()), blankToNull(r.authority()), blankToNull(r.division()), r.deadline(),
        blankToNull(r.staff()), blankToNull(r.funds()), blankToNull(r.training()),
        r.forms().isEmpty() ? null : String.join(",", r.forms().stream().map(Enum::name).toList()),
        b == null ? null : blankToNull(b.name()), b == null ? null : blankToNull(b.number()),
        b == null || b.issuer() == null ? null : b.issuer().name(), by, now());
    jdbc.update("update app_duty_request set current_version = ?, title = ?, updated_at = ? where id = ?", version, r.title().strip(),
        now(), id);
  }

  /** A version as it was submitted. */
  DutyRequest version(Duty d, int version) {
    return jdbc.queryForObject("select * from app_duty_request_version where duty_id = ? and version = ?", (rs, i) -> {
      String forms = rs.getString("forms");
      String issuer = rs.getString("basis_issuer");
      String name = rs.getString("basis_name");
      String number = rs.getString("basis_number");
      java.sql.Date deadline = rs.getDate("deadline");
      return new DutyRequest(rs.getString("title"), d.countyCode(), d.department(), List.of(rs.getString("township_codes").split(",")),
          rs.getString("goal"), rs.getString("content"), rs.getString("authority"), rs.getString("division"),
          deadline == null ? null : deadline.toLocalDate(), rs.getString("staff"), rs.getString("funds"), rs.getString("training"),
          forms == null ? List.of() : Arrays.stream(forms.split(",")).map(DutyRequest.ShiftedForm::valueOf).toList(),
          name == null && number == null && issuer == null ? null
              : new CitedDocument(name, number, issuer == null ? null : CitedDocument.Issuer.valueOf(issuer)));
    }, d.id(), version);
  }

  /** One affected township with its opinion in the current hearing. */
  record Township(String code, String name, TownshipOpinion opinion, String text, String answeredBy, Instant answeredAt) {}

  /** The affected townships become these, every one waiting for its opinion (a new hearing). */
  void replaceTownships(String id, List<String> codes, List<String> names) {
    jdbc.update("delete from app_duty_township where duty_id = ?", id);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      rows.add(new Object[] {id, codes.get(i), names.get(i), i, TownshipOpinion.PENDING.name()});
    }
    jdbc.batchUpdate("insert into app_duty_township (duty_id, township_code, township_name, position, opinion) values (?,?,?,?,?)", rows);
  }

  /** Every affected township waits for its opinion again (a resubmission is heard anew). */
  void resetOpinions(String id) {
    jdbc.update("update app_duty_township set opinion = ?, opinion_text = null, answered_by = null, answered_at = null where duty_id = ?",
        TownshipOpinion.PENDING.name(), id);
  }

  void setOpinion(String id, String townshipCode, TownshipOpinion opinion, String text, String by) {
    jdbc.update("update app_duty_township set opinion = ?, opinion_text = ?, answered_by = ?, answered_at = ? where duty_id = ? and township_code = ?",
        opinion.name(), text, by, now(), id, townshipCode);
  }

  List<Township> townships(String id) {
    return jdbc.query("select * from app_duty_township where duty_id = ? order by position", (rs, i) -> {
      Timestamp at = rs.getTimestamp("answered_at");
      return new Township(rs.getString("township_code"), rs.getString("township_name"), TownshipOpinion.valueOf(rs.getString("opinion")),
          rs.getString("opinion_text"), rs.getString("answered_by"), at == null ? null : at.toInstant());
    }, id);
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Timestamp now() {
    return Timestamp.from(EngineClock.now());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Duty map(ResultSet rs, int i) throws SQLException {
    return new Duty(rs.getString("id"), rs.getString("title"), rs.getString("department"), rs.getString("county_code"),
        rs.getString("city_code"), rs.getString("province_code"), rs.getString("region_name"), DutyStatus.valueOf(rs.getString("status")),
        rs.getInt("current_version"), rs.getString("process_instance_id"), instant(rs, "overdue_since"), instant(rs, "approved_at"),
        rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"));
  }
}
