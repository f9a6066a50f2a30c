package cn.gov.reform.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.ScopedQuery;

/** Evaluation years, their towns and the scores ({@code app_evaluation}, {@code app_evaluation_town}, {@code app_evaluation_score}). */
@Repository
class EvaluationRepository {

  /** Scores given at the city's self-evaluation and at the province's re-evaluation. */
  enum ScoreStage { SELF, REVIEW }

  private final JdbcTemplate jdbc;

  EvaluationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Evaluation e) {
    jdbc.update("""
        insert into app_evaluation (id, province_code, eval_year, status, sample_size, sample_seed, launched_by, launched_at, updated_at)
        values (?,?,?,?,?,?,?,?,?)""", e.id(), e.provinceCode(), e.year(), e.status().name(), e.sampleSize(), e.seed(),
        e.launchedBy(), Timestamp.from(e.launchedAt()), Timestamp.from(e.updatedAt()));
  }

  void insertTown(EvaluatedTown t) {
    jdbc.update("""
        insert into app_evaluation_town (evaluation_id, township_code, township_name, county_code, city_code, province_code, stage,
          sampled, exit_proposed) values (?,?,?,?,?,?,?,?,?)""", t.evaluationId(), t.townshipCode(), t.townshipName(),
        t.countyCode(), t.cityCode(), t.provinceCode(), t.stage(), t.sampled(), false);
  }

  Optional<Evaluation> find(String id) {
    return jdbc.query("select * from app_evaluation where id = ?", EvaluationRepository::map, id).stream().findFirst();
  }

  Optional<Evaluation> findForUpdate(String id) {
    return jdbc.query("select * from app_evaluation where id = ? for update", EvaluationRepository::map, id).stream().findFirst();
  }

  Optional<Evaluation> ofYear(String provinceCode, int year) {
    return jdbc.query("select * from app_evaluation where province_code = ? and eval_year = ?", EvaluationRepository::map,
        provinceCode, year).stream().findFirst();
  }

  void setProcessInstance(String id, String processInstanceId) {
    jdbc.update("update app_evaluation set process_instance_id = ?, updated_at = ? where id = ?", processInstanceId, now(), id);
  }

  void updateStatus(String id, EvaluationStatus status) {
    jdbc.update("update app_evaluation set status = ?, updated_at = ? where id = ?", status.name(), now(), id);
  }

  void touch(String id) {
    jdbc.update("update app_evaluation set updated_at = ? where id = ?", now(), id);
  }

  /**
   * A page of the years the caller may see: the province's officials all of their province's; a city's or county's those
   * with one of their towns; a township's those that evaluate it.
   */
  record Page(List<Evaluation> items, long total) {}

  Page list(Jurisdiction caller, String provinceCode, Integer year, Boolean finished, int page, int size) {
    ScopedQuery town = new ScopedQuery();
    if (!town.visibleTo(caller, "t", "t.township_code = ?")) {
      return new Page(List.of(), 0);
    }
    ScopedQuery q = new ScopedQuery().eq("e.province_code", provinceCode);
    if (year != null) {
      q.and("e.eval_year = ?", year);
    }
    if (finished != null) {
      q.and(finished ? "e.status = 'FINISHED'" : "e.status <> 'FINISHED'");
    }
    q.and("exists (select 1 from app_evaluation_town t" + town.where() + " and t.evaluation_id = e.id)", town.args());
    long total = jdbc.queryForObject("select count(*) from app_evaluation e" + q.where(), Long.class, q.args());
    List<Evaluation> items = jdbc.query("select e.* from app_evaluation e" + q.where()
        + " order by e.updated_at desc, e.id limit ? offset ?", EvaluationRepository::map, q.pageArgs(page, size));
    return new Page(items, total);
  }

  List<EvaluatedTown> towns(String evaluationId) {
    return jdbc.query("select * from app_evaluation_town where evaluation_id = ? order by township_code",
        EvaluationRepository::town, evaluationId);
  }

  Optional<EvaluatedTown> town(String evaluationId, String townshipCode) {
    return jdbc.query("select * from app_evaluation_town where evaluation_id = ? and township_code = ?",
        EvaluationRepository::town, evaluationId, townshipCode).stream().findFirst();
  }

  void waitingAt(String evaluationId, String townshipCode, String stage, String taskId) {
    jdbc.update("update app_evaluation_town set stage = ?, open_task_id = ? where evaluation_id = ? and township_code = ?",
        stage, taskId, evaluationId, townshipCode);
  }

  void selfEvaluated(String evaluationId, String townshipCode, int total, int max) {
    jdbc.update("""
        update app_evaluation_town set self_total = ?, max_total = ?, open_task_id = null
        where evaluation_id = ? and township_code = ?""", total, max, evaluationId, townshipCode);
  }

  void reEvaluated(String evaluationId, String townshipCode, int total, int max, EvaluationResult result, String source,
      String opinion) {
    jdbc.update("""
        update app_evaluation_town set final_total = ?, max_total = ?, result = ?, result_source = ?, review_opinion = ?,
          stage = ?, open_task_id = null where evaluation_id = ? and township_code = ?""", total, max, result.name(), source,
        opinion, EvaluatedTown.EVALUATED, evaluationId, townshipCode);
  }

  void onsiteChecked(String evaluationId, String townshipCode, String outcome, String opinion) {
    jdbc.update("""
        update app_evaluation_town set onsite_outcome = ?, onsite_opinion = ?, stage = ?, open_task_id = null
        where evaluation_id = ? and township_code = ?""", outcome, opinion, EvaluatedTown.EVALUATED, evaluationId, townshipCode);
  }

  void exitProposed(String evaluationId, String townshipCode, String reason) {
    jdbc.update("update app_evaluation_town set exit_proposed = ?, exit_reason = ? where evaluation_id = ? and township_code = ?",
        true, reason, evaluationId, townshipCode);
  }

  void exitDecided(String evaluationId, String townshipCode, String decision, String number, String opinion) {
    jdbc.update("""
        update app_evaluation_town set exit_decision = ?, exit_decision_number = ?, exit_opinion = ?, stage = ?, open_task_id = null
        where evaluation_id = ? and township_code = ?""", decision, number, opinion, EvaluatedTown.DECIDED, evaluationId,
        townshipCode);
  }

  /** The town's results in its province's finished or running years, newest year first. */
  record YearResult(int year, EvaluationResult result) {}

  List<YearResult> results(String provinceCode, String townshipCode) {
    return jdbc.query("""
        select e.eval_year, t.result from app_evaluation e join app_evaluation_town t on t.evaluation_id = e.id
        where e.province_code = ? and t.township_code = ? order by e.eval_year desc""",
        (rs, i) -> new YearResult(rs.getInt(1), rs.getString(2) == null ? null : EvaluationResult.valueOf(rs.getString(2))),
        provinceCode, townshipCode);
  }

  // --- scores ----------------------------------------------------------------------------------------------------

  void replaceScores(String evaluationId, String townshipCode, ScoreStage stage, List<Score> scores, List<Indicator> indicators) {
    jdbc.update("delete from app_evaluation_score where evaluation_id = ? and township_code = ? and score_stage = ?",
        evaluationId, townshipCode, stage.name());
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < indicators.size(); i++) {
      Indicator indicator = indicators.get(i);
      Score s = scores.stream().filter(x -> x.indicator().strip().equals(indicator.code())).findFirst().orElseThrow();
      rows.add(new Object[] {evaluationId, townshipCode, stage.name(), indicator.code(), i, s.score(), indicator.maxScore(),
          s.note() == null || s.note().isBlank() ? null : s.note().strip()});
    }
    jdbc.batchUpdate("""
        insert into app_evaluation_score (evaluation_id, township_code, score_stage, indicator, position, score, max_score, note)
        values (?,?,?,?,?,?,?,?)""", rows);
  }

  List<Score> scores(String evaluationId, String townshipCode, ScoreStage stage) {
    return jdbc.query("""
        select indicator, score, note from app_evaluation_score where evaluation_id = ? and township_code = ? and score_stage = ?
        order by position""", (rs, i) -> new Score(rs.getString(1), rs.getInt(2), rs.getString(3)), evaluationId, townshipCode,
        stage.name());
  }

  private static Timestamp now() {
    return Timestamp.from(EngineClock.now());
  }

  private static Evaluation map(ResultSet rs, int i) throws SQLException {
    return new Evaluation(rs.getString("id"), rs.getString("province_code"), rs.getInt("eval_year"),
        EvaluationStatus.valueOf(rs.getString("status")), rs.getInt("sample_size"), rs.getLong("sample_seed"),
        rs.getString("process_instance_id"), rs.getString("launched_by"), rs.getTimestamp("launched_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static EvaluatedTown town(ResultSet rs, int i) throws SQLException {
    String result = rs.getString("result");
    return new EvaluatedTown(rs.getString("evaluation_id"), rs.getString("township_code"), rs.getString("township_name"),
        rs.getString("county_code"), rs.getString("city_code"), rs.getString("province_code"), rs.getString("stage"),
        rs.getString("open_task_id"), (Integer) rs.getObject("self_total"), (Integer) rs.getObject("final_total"),
        (Integer) rs.getObject("max_total"), result == null ? null : EvaluationResult.valueOf(result),
        rs.getString("result_source"), rs.getBoolean("sampled"), rs.getString("onsite_outcome"), rs.getString("onsite_opinion"),
        rs.getString("review_opinion"), rs.getBoolean("exit_proposed"), rs.getString("exit_reason"),
        rs.getString("exit_decision"), rs.getString("exit_decision_number"), rs.getString("exit_opinion"));
  }
}
