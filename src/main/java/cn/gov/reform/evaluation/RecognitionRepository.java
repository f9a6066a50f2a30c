package cn.gov.reform.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.FindingTable;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.ScopedQuery;

/** Applications to enter a list ({@code app_developed_town_application}) and their findings. */
@Repository
class RecognitionRepository {

  private final JdbcTemplate jdbc;
  private final FindingTable findings;

  RecognitionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.findings = new FindingTable(jdbc, "app_developed_town_finding", "application_id");
  }

  void insert(Recognition r) {
    RecognitionRequest.Ranking first = r.rankings().get(0);
    RecognitionRequest.Ranking second = r.rankings().get(1);
    jdbc.update("""
        insert into app_developed_town_application (id, township_code, township_name, county_code, city_code, province_code,
          built_up_population, first_year, first_urbanisation_rank, first_revenue_rank, first_township_count,
          second_urbanisation_rank, second_revenue_rank, second_township_count, relaxed_reason, status, open_township,
          created_by, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", r.id(), r.townshipCode(),
        r.townshipName(), r.countyCode(), r.cityCode(), r.provinceCode(), r.builtUpPopulation(), first.year(),
        first.urbanisationRank(), first.revenueRank(), first.townshipCount(), second.urbanisationRank(), second.revenueRank(),
        second.townshipCount(), r.relaxedReason(), r.status().name(), r.townshipCode(), r.createdBy(),
        Timestamp.from(r.createdAt()), Timestamp.from(r.updatedAt()));
  }

  Optional<Recognition> find(String id) {
    return jdbc.query("select * from app_developed_town_application where id = ?", RecognitionRepository::map, id).stream()
        .findFirst();
  }

  /** The town's application under way, if any. */
  Optional<Recognition> open(String townshipCode) {
    return jdbc.query("select * from app_developed_town_application where open_township = ?", RecognitionRepository::map,
        townshipCode).stream().findFirst();
  }

  void setProcessInstance(String id, String processInstanceId) {
    jdbc.update("update app_developed_town_application set process_instance_id = ?, updated_at = ? where id = ?",
        processInstanceId, now(), id);
  }

  void decided(String id, String decisionNumber) {
    jdbc.update("update app_developed_town_application set decision_number = ?, updated_at = ? where id = ?", decisionNumber,
        now(), id);
  }

  /** Its approval ended: the status, and the town free for a new application. */
  void finished(String id, RecognitionStatus status) {
    jdbc.update("update app_developed_town_application set status = ?, open_township = null, updated_at = ? where id = ?",
        status.name(), now(), id);
  }

  record Page(List<Recognition> items, long total) {}

  Page list(Jurisdiction caller, String provinceCode, Boolean finished, int page, int size) {
    ScopedQuery q = new ScopedQuery().eq("a.province_code", provinceCode);
    if (finished != null) {
      q.and(finished ? "a.status <> 'IN_REVIEW'" : "a.status = 'IN_REVIEW'");
    }
    if (!q.visibleTo(caller, "a", "a.township_code = ?")) {
      return new Page(List.of(), 0);
    }
    long total = jdbc.queryForObject("select count(*) from app_developed_town_application a" + q.where(), Long.class, q.args());
    return new Page(jdbc.query("select a.* from app_developed_town_application a" + q.where()
        + " order by a.updated_at desc, a.id limit ? offset ?", RecognitionRepository::map, q.pageArgs(page, size)), total);
  }

  void replaceFindings(String id, List<Finding> list) {
    findings.replace(id, 1, list);
  }

  List<Finding> findings(String id) {
    return findings.of(id, 1);
  }

  private static Timestamp now() {
    return Timestamp.from(EngineClock.now());
  }

  private static Recognition map(ResultSet rs, int i) throws SQLException {
    int year = rs.getInt("first_year");
    List<RecognitionRequest.Ranking> rankings = List.of(
        new RecognitionRequest.Ranking(year, rs.getInt("first_urbanisation_rank"), rs.getInt("first_revenue_rank"),
            rs.getInt("first_township_count")),
        new RecognitionRequest.Ranking(year + 1, rs.getInt("second_urbanisation_rank"), rs.getInt("second_revenue_rank"),
            rs.getInt("second_township_count")));
    return new Recognition(rs.getString("id"), rs.getString("township_code"), rs.getString("township_name"),
        rs.getString("county_code"), rs.getString("city_code"), rs.getString("province_code"), rs.getInt("built_up_population"),
        rankings, rs.getString("relaxed_reason"), RecognitionStatus.valueOf(rs.getString("status")),
        rs.getString("process_instance_id"), rs.getString("decision_number"), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
  }
}
