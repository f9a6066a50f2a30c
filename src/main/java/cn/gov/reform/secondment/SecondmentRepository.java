package cn.gov.reform.secondment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.FindingTable;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.ScopedQuery;

/** The secondment's own tables (V9__secondments.sql). Written only by {@link SecondmentService}. */
@Repository
class SecondmentRepository {

  private static final RowMapper<Secondment> SECONDMENT = SecondmentRepository::map;
  /** A township's officials see the secondments of their township (Jurisdiction.sqlScope). */
  static final String TOWNSHIP_CONDITION = "township_code = ?";

  private final JdbcTemplate jdbc;
  private final FindingTable findings;

  SecondmentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.findings = new FindingTable(jdbc, "app_secondment_finding", "secondment_id");
  }

  void insert(Secondment s) {
    jdbc.update("""
        insert into app_secondment (id, person_id, person_name, township_code, township_name, region_name, county_code, city_code,
          province_code, started_in_township, requesting_body, reason, start_date, end_date, special_justification, status,
          current_version, created_by, created_at, updated_at)
        values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        s.id(), s.personId(), s.personName(), s.townshipCode(), s.townshipName(), s.regionName(), s.countyCode(), s.cityCode(),
        s.provinceCode(), Date.valueOf(s.startedInTownship()), s.requestingBody(), s.reason(), Date.valueOf(s.startDate()),
        Date.valueOf(s.endDate()), s.specialJustification(), s.status().name(), s.currentVersion(), s.createdBy(),
        Timestamp.from(s.createdAt()), Timestamp.from(s.updatedAt()));
  }

  Optional<Secondment> find(String id) {
    return jdbc.query("select * from app_secondment where id = ?", SECONDMENT, id).stream().findFirst();
  }

  /** Locks the row for the rest of the transaction: revisions and decisions on one secondment are serial. */
  Optional<Secondment> findForUpdate(String id) {
    return jdbc.query("select * from app_secondment where id = ? for update", SECONDMENT, id).stream().findFirst();
  }

  /** The person's other secondments with one of these statuses, the latest period first. */
  List<Secondment> ofPerson(String personId, String exceptId, Collection<SecondmentStatus> statuses) {
    ScopedQuery q = new ScopedQuery().eq("person_id", personId).and("id <> ?", exceptId)
        .in("status", statuses.stream().map(SecondmentStatus::name).toList());
    return jdbc.query("select * from app_secondment" + q.where() + " order by end_date desc, id", SECONDMENT, q.args());
  }

  record Filter(String townshipCode, String countyCode, String cityCode, String provinceCode, String personId,
      Collection<SecondmentStatus> statuses) {}

  record Page(List<Secondment> items, long total) {}

  /** A page of the secondments the caller may see that pass the filter, the most recently changed first. */
  Page list(Filter f, Jurisdiction who, int page, int size) {
    ScopedQuery q = new ScopedQuery().eq("township_code", f.townshipCode()).eq("county_code", f.countyCode())
        .eq("city_code", f.cityCode()).eq("province_code", f.provinceCode()).eq("person_id", f.personId());
    if (f.statuses() != null) {
      q.in("status", f.statuses().stream().map(SecondmentStatus::name).toList());
    }
    if (!q.visibleTo(who, null, TOWNSHIP_CONDITION)) {
      return new Page(List.of(), 0);
    }
    Long total = jdbc.queryForObject("select count(*) from app_secondment" + q.where(), Long.class, q.args());
    return new Page(jdbc.query("select * from app_secondment" + q.where() + " order by updated_at desc, id limit ? offset ?",
        SECONDMENT, q.pageArgs(page, size)), total == null ? 0 : total);
  }

  // --- state ---------------------------------------------------------------------------------------------------

  void setProcessInstance(String id, String processInstanceId) {
    jdbc.update("update app_secondment set process_instance_id = ? where id = ?", processInstanceId, id);
  }

  void updateStatus(String id, SecondmentStatus status) {
    jdbc.update("update app_secondment set status = ?, updated_at = ? where id = ?", status.name(), now(), id);
  }

  void revise(String id, int version, SecondmentRequest r) {
    jdbc.update("""
        update app_secondment set current_version = ?, person_id = ?, person_name = ?, started_in_township = ?, requesting_body = ?,
          reason = ?, start_date = ?, end_date = ?, special_justification = ?, updated_at = ? where id = ?""",
        version, r.personId(), r.personName().strip(), Date.valueOf(r.startedInTownship()), r.requestingBody().strip(),
        r.reason().strip(), Date.valueOf(r.startDate()), Date.valueOf(r.endDate()), blankToNull(r.specialJustification()), now(), id);
  }

  void counted(String id, int months, int earlierMonths, String extendsId) {
    jdbc.update("update app_secondment set months = ?, earlier_months = ?, extends_id = ? where id = ?", months, earlierMonths,
        extendsId, id);
  }

  void routed(String id, String routeName) {
    jdbc.update("update app_secondment set route_name = ? where id = ?", routeName, id);
  }

  void approved(String id, LocalDate reminderDate) {
    jdbc.update("update app_secondment set status = ?, reminder_date = ?, updated_at = ? where id = ?",
        SecondmentStatus.SECONDED.name(), Date.valueOf(reminderDate), now(), id);
  }

  void replaceFindings(String id, int version, List<Finding> list) {
    findings.replace(id, version, list);
  }

  List<Finding> findings(String id, int version) {
    return findings.of(id, version);
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Timestamp now() {
    return Timestamp.from(EngineClock.now());
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static Secondment map(ResultSet rs, int i) throws SQLException {
    return new Secondment(rs.getString("id"), rs.getString("person_id"), rs.getString("person_name"), rs.getString("township_code"),
        rs.getString("township_name"), rs.getString("region_name"), rs.getString("county_code"), rs.getString("city_code"),
        rs.getString("province_code"), date(rs, "started_in_township"), rs.getString("requesting_body"), rs.getString("reason"),
        date(rs, "start_date"), date(rs, "end_date"), rs.getString("special_justification"),
        SecondmentStatus.valueOf(rs.getString("status")), rs.getInt("current_version"), (Integer) rs.getObject("months"),
        (Integer) rs.getObject("earlier_months"), rs.getString("extends_id"), rs.getString("route_name"),
        rs.getString("process_instance_id"), date(rs, "reminder_date"), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
  }
}
