package cn.gov.reform.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.ScopedQuery;

/**
 * The developed-town lists ({@code app_developed_town}): every stint of every town, so a list keeps its history. The
 * towns listed by the documents come from {@code developed-towns/list.csv} ({@link DevelopedTownListLoader}); entries
 * after that from approved applications, exits from the provincial government's decisions in an evaluation year.
 */
@Repository
class DevelopedTowns {

  private final JdbcTemplate jdbc;

  DevelopedTowns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The province's towns on the list now, by code. */
  List<ListedTown> current(String provinceCode) {
    return jdbc.query("select * from app_developed_town where province_code = ? and on_list is not null order by township_code",
        DevelopedTowns::map, provinceCode);
  }

  /** The town's open stint, if it is on its province's list. */
  Optional<ListedTown> onList(String townshipCode) {
    return jdbc.query("select * from app_developed_town where on_list = ?", DevelopedTowns::map, townshipCode).stream().findFirst();
  }

  /** Whether the town was ever on a list (the loader writes only towns that never were). */
  boolean everListed(String townshipCode) {
    return jdbc.queryForObject("select count(*) from app_developed_town where township_code = ?", Integer.class, townshipCode) > 0;
  }

  /** The stints the caller may see (their region covers the town; its township's officials), current only or all. */
  List<ListedTown> visible(Jurisdiction caller, String provinceCode, String townshipCode, boolean history) {
    ScopedQuery q = new ScopedQuery().eq("d.province_code", provinceCode).eq("d.township_code", townshipCode);
    if (!history) {
      q.and("d.on_list is not null");
    }
    if (!q.visibleTo(caller, "d", "d.township_code = ?")) {
      return List.of();
    }
    return jdbc.query("select * from app_developed_town d" + q.where() + " order by d.province_code, d.township_code, d.entered_year",
        DevelopedTowns::map, q.args());
  }

  void enter(ListedTown t) {
    jdbc.update("""
        insert into app_developed_town (township_code, township_name, county_code, city_code, province_code, entered_year,
          entry_basis, application_id, on_list, created_at) values (?,?,?,?,?,?,?,?,?,?)""", t.townshipCode(), t.townshipName(),
        t.countyCode(), t.cityCode(), t.provinceCode(), t.enteredYear(), t.entryBasis(), t.applicationId(), t.townshipCode(),
        Timestamp.from(EngineClock.now()));
  }

  /** Closes the town's open stint; false when it was not on the list. */
  boolean leave(String townshipCode, int year, String reason, String decisionNumber, String evaluationId) {
    return jdbc.update("""
        update app_developed_town set left_year = ?, left_reason = ?, left_decision_number = ?, left_evaluation_id = ?,
          left_at = ?, on_list = null where on_list = ?""", year, reason, decisionNumber, evaluationId,
        Timestamp.from(EngineClock.now()), townshipCode) == 1;
  }

  private static ListedTown map(ResultSet rs, int i) throws SQLException {
    Timestamp left = rs.getTimestamp("left_at");
    return new ListedTown(rs.getString("township_code"), rs.getString("township_name"), null, rs.getString("county_code"),
        rs.getString("city_code"), rs.getString("province_code"), rs.getInt("entered_year"), rs.getString("entry_basis"),
        rs.getString("application_id"), rs.getString("on_list") != null, (Integer) rs.getObject("left_year"),
        rs.getString("left_reason"), rs.getString("left_decision_number"), rs.getString("left_evaluation_id"),
        left == null ? null : left.toInstant());
  }
}
