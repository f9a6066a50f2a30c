package cn.gov.reform.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.support.Clocks;
import cn.gov.reform.support.Http;

/**
 * A campaign from launch to acceptance as the officials see it: the work each unit gets in each region, progress reports
 * with the reminder when one is due, completion with evidence, acceptance and return, 督办 when a deadline passes (clock
 * moved, timers executed), yearly rounds, and who sees what.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisionProcessTest {

  static final List<String> JINAN_COUNTIES = List.of("370102", "370103", "370104", "370105", "370112", "370113", "370114",
      "370115", "370116", "370117", "370124", "370126");

  @LocalServerPort int port;
  @Autowired SupervisionFixtures support;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  Http http() {
    return new Http(port);
  }

  @org.junit.jupiter.api.BeforeEach
  void officials() {
    support.ensureUsers();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private JsonNode launch(String user, String body) {
    Http.Answer a = http().post("/api/supervision/campaigns", user, body);
    assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
    return a.json();
  }

  private List<String> groups(JsonNode task) {
    List<String> groups = new ArrayList<>();
    task.get("units").forEach(u -> groups.add(u.get("group").asText()));
    return groups;
  }

  @Test
  void shouldGiveEveryResponsibleUnitItsWorkInEveryCountyWhenTheProvinceLaunchesJinansList() {
    Clocks.at("2026-03-02T09:00:00");
    long started = System.nanoTime();
    JsonNode c = launch("shandongsupervisor", "{\"taskListId\": \"jinan-2018\", \"regionCode\": \"370100\", \"year\": 2026}");
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(millis).as("launching Jinan's list for its 12 counties took %d ms", millis).isLessThan(60_000);
    // 1: 市编办 + 12 区县; 2: 3 市直 + 12; 3: 7 + 12; 4: 1 + 12; 6 (2026年起): 4 + 12; 7: 3 + 12; 8, 9: 12; 10 (2026年起): 1 + 12;
    // 11: 1 + 12; 12: 6 + 12; 5 begins in 2027
    assertThat(c.get("totals").get("work").asInt()).isEqualTo(159);
    assertThat(c.get("supervisorGroup").asText()).isEqualTo("supervisor370000");
    JsonNode task1 = c.get("tasks").get(0);
    Set<String> expected = new TreeSet<>(List.of("unitbb370100"));
    JINAN_COUNTIES.forEach(county -> expected.add("unitdwzf" + county));
    assertThat(new TreeSet<>(groups(task1))).isEqualTo(expected);
    assertThat(groups(c.get("tasks").get(2))).hasSize(19).contains("unitzz370100", "unitmzzj370100", "unitdwzf370126")
        .doesNotContain("unitdwzf370176");
    assertThat(groups(c.get("tasks").get(1))).contains("unitzf370112", "unitzfbgt370100").doesNotContain("unitdwzf370112");
    JsonNode task5 = c.get("tasks").get(4);
    assertThat(task5.get("yearly").asBoolean()).isTrue();
    assertThat(task5.get("units")).isEmpty();
    assertThat(c.get("tasks").get(0).get("units").get(0).get("deadline").asText()).isEqualTo("2026-12-15");
    assertThat(c.get("regions")).hasSize(13);
    // every piece of work is an open task of its unit's group
    String campaignId = c.get("id").asText();
    List<String> works = jdbc.queryForList("select id from app_supervision_work where campaign_id = ? and unit_group = ?",
        String.class, campaignId, "unitdwzf370112");
    assertThat(works).hasSize(9); // tasks 1, 3, 4, 6, 7, 8, 9, 10, 12 and nothing else (2 and 11 are 区县政府's)
    List<Task> tasks = engine.getTaskService().createTaskQuery().taskCandidateGroup("unitdwzf370112")
        .processVariableValueEquals("campaignId", campaignId).listPage(0, 100);
    assertThat(tasks).hasSize(9).allMatch(t -> t.getTaskDefinitionKey().equals("reportProgress") && t.getDueDate() != null);
    // the county's unit sees its county's work only; the province's supervisor everything
    JsonNode licheng = http().get("/api/supervision/campaigns/" + campaignId, "lichengunit").json();
    assertThat(licheng.get("totals").get("work").asInt()).isEqualTo(11); // its 9 and 区县政府's 2 and 11 of the same county
    assertThat(licheng.get("regions")).hasSize(1);
    assertThat(licheng.get("regions").get(0).get("code").asText()).isEqualTo("370112");
    // the same list for the same region again: refused while it runs
    Http.Answer again = http().post("/api/supervision/campaigns", "shandongsupervisor",
        "{\"taskListId\": \"jinan-2018\", \"regionCode\": \"370100\", \"year\": 2026}");
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void shouldRecordProgressRemindWhenAReportIsDueAndAcceptOrReturnACompletion() {
    Clocks.at("2026-03-02T09:00:00");
    JsonNode c = launch("jinansupervisor", "{\"taskListId\": \"jinan-2018\", \"regionCode\": \"370124\", \"year\": 2026,"
        + " \"reportEvery\": 10, \"taskNos\": [\"8\"]}");
    assertThat(c.get("supervisorGroup").asText()).isEqualTo("supervisor370100");
    assertThat(c.get("totals").get("work").asInt()).isEqualTo(1);
    String work = c.get("tasks").get(0).get("units").get(0).get("workId").asText();
    String pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(work).singleResult().getId();

    // no report within 10 working days: 催报
    Clocks.at("2026-03-17T09:00:00");
    assertThat(support.runDueJobs(List.of(pi))).isEqualTo(1);
    support.complete(work, "reportProgress", "pingyinunit", "unitdwzf370124", Map.of("decision", "REPORT", "progress", 40,
        "reportContent", "已完成12个镇（街道）食堂、宿舍的摸底，6个镇开工建设。"));
    assertThat(support.task(work, "reportProgress")).as("a new report is due").isNotNull();

    // completion without evidence: refused over engine REST with 400 naming the variable, the task stays open
    Task open = support.task(work, "reportProgress");
    Http.Answer refused = http().post("/engine-rest/task/" + open.getId() + "/complete", "pingyinunit",
        "{\"variables\": {\"decision\": {\"value\": \"SUBMIT\"}, \"progress\": {\"value\": 100},"
            + " \"reportContent\": {\"value\": \"全部建成\"}}}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.raw().body()).contains("evidence");
    support.complete(work, "reportProgress", "pingyinunit", "unitdwzf370124", Map.of("decision", "SUBMIT", "progress", 100,
        "reportContent", "12个镇（街道）“五小”全部建成并投入使用。", "evidence", "平阴县委办公室 平办字〔2026〕8号"));
    assertThat(support.task(work, "acceptWork")).isNotNull();

    // 退回补充 needs an opinion; with one, the work is back with the unit
    Map<String, Object> noOpinion = new HashMap<>(Map.of("decision", "RETURN"));
    Task accept = support.task(work, "acceptWork");
    Http.Answer noReason = http().post("/engine-rest/task/" + accept.getId() + "/complete", "jinansupervisor",
        "{\"variables\": {\"decision\": {\"value\": \"RETURN\"}}}");
    assertThat(noReason.status()).isEqualTo(400);
    support.complete(work, "acceptWork", "jinansupervisor", "supervisor370100", Map.of("decision", "RETURN",
        "opinion", "请补充各镇澡堂、图书室的照片。"));
    assertThat(support.task(work, "reportProgress")).isNotNull();
    support.complete(work, "reportProgress", "pingyinunit", "unitdwzf370124", Map.of("decision", "SUBMIT", "progress", 100,
        "reportContent", "已补充照片。", "evidence", "平办字〔2026〕8号及照片"));
    support.complete(work, "acceptWork", "jinansupervisor", "supervisor370100", Map.of("decision", "APPROVE",
        "opinion", "经核查，符合要求。"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count()).isZero();

    JsonNode view = http().get("/api/supervision/campaigns/" + c.get("id").asText(), "jinansupervisor").json();
    assertThat(view.get("totals").get("done").asInt()).isEqualTo(1);
    assertThat(view.get("status").asText()).isEqualTo("COMPLETED");
    JsonNode drill = http().get("/api/supervision/campaigns/" + c.get("id").asText() + "/tasks/8/units/unitdwzf370124/reports",
        "jinansupervisor").json();
    JsonNode reports = drill.get("work").get(0).get("reports");
    assertThat(reports).hasSize(3);
    assertThat(reports.get(0).get("progress").asInt()).isEqualTo(40);
    assertThat(reports.get(2).get("evidence").asText()).contains("平办字");
    List<String> decisions = new ArrayList<>();
    drill.get("work").get(0).get("timeline").forEach(e -> decisions.add(e.get("decision").asText()));
    assertThat(decisions).containsExactly("ASSIGN", "REMIND", "REPORT", "SUBMIT", "RETURN", "SUBMIT", "APPROVE");
    // the record page reads it too
    Http.Answer record = http().get("/api/records/keyTaskSupervision/" + work, "jinansupervisor");
    assertThat(record.status()).isEqualTo(200);
  }

  @Test
  void shouldRaiseSupervisionWhenADeadlinePassesAndTimeTheNewDeadlineAgain() {
    Clocks.at("2026-12-01T09:00:00");
    JsonNode c = launch("shandongsupervisor", "{\"taskListId\": \"jinan-2018\", \"regionCode\": \"370126\", \"year\": 2026,"
        + " \"reportEvery\": 60, \"taskNos\": [\"8\"]}");
    String work = c.get("tasks").get(0).get("units").get(0).get("workId").asText();
    String pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(work).singleResult().getId();
    Clocks.at("2026-12-31T23:59:00");
    assertThat(support.runDueJobs(List.of(pi))).isZero();
    Clocks.at("2027-01-01T00:00:01");
    support.runDueJobs(List.of(pi));
    Task supervise = support.task(work, "superviseWork");
    assertThat(supervise).isNotNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(supervise.getId())).anyMatch(l -> "supervisor370000".equals(l.getGroupId()));
    JsonNode view = http().get("/api/supervision/campaigns/" + c.get("id").asText(), "shandongsupervisor").json();
    assertThat(view.get("totals").get("overdue").asInt()).isEqualTo(1);
    assertThat(view.get("tasks").get(0).get("units").get(0).get("overdue").asBoolean()).isTrue();
    // counted among overdue items for the dashboard and the gauges
    JsonNode stats = http().get("/api/stats/procedures", "shandongsupervisor").json();
    assertThat(stats.toString()).contains("keyTaskSupervision");

    support.complete(work, "superviseWork", "shandongsupervisor", "supervisor370000", Map.of("opinion",
        "请商河县于2月底前完成，逾期约谈。", "targetDate", "2027-02-26"));
    assertThat(support.task(work, "superviseWork")).isNull();
    assertThat(jdbc.queryForObject("select deadline from app_supervision_work where id = ?", java.sql.Date.class, work).toString())
        .isEqualTo("2027-02-26");
    Clocks.at("2027-02-27T00:00:01");
    support.runDueJobs(List.of(pi));
    assertThat(support.task(work, "superviseWork")).as("missed again: 督办 again").isNotNull();
    // accepted at last: the open 督办 ends with the work
    support.complete(work, "reportProgress", "shanghe", "unitdwzf370126", Map.of("decision", "SUBMIT", "progress", 100,
        "reportContent", "已全部建成。", "evidence", "商办发〔2027〕3号"));
    support.complete(work, "acceptWork", "shandongsupervisor", "supervisor370000", Map.of("decision", "APPROVE"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
  }

  @Test
  void shouldGiveOutAYearlyTaskAgainEachYearUntilTheListsLastYear() {
    Clocks.at("2026-06-01T09:00:00");
    JsonNode c = launch("shandongsupervisor", "{\"taskListId\": \"jinan-2018\", \"regionCode\": \"370113\", \"year\": 2026,"
        + " \"taskNos\": [\"10\"]}");
    String id = c.get("id").asText();
    assertThat(groups(c.get("tasks").get(0))).containsExactlyInAnyOrder("unitzzb370100", "unitdwzf370113");
    String campaignPi = c.get("processInstanceId").asText();
    assertThat(engine.getRuntimeService().getActiveActivityIds(campaignPi)).containsExactly("nextRoundDue");
    Clocks.at("2026-12-31T23:00:00");
    assertThat(support.runDueJobs(List.of(campaignPi))).isZero();
    for (int year = 2027; year <= 2028; year++) {
      Clocks.at(year + "-01-01T00:00:01");
      assertThat(support.runDueJobs(List.of(campaignPi))).isEqualTo(1);
      List<Integer> rounds = jdbc.queryForList("select round_year from app_supervision_work where campaign_id = ? order by round_year",
          Integer.class, id);
      assertThat(rounds).hasSize(2 * (year - 2025)).contains(year);
    }
    // 2028 is the list's last year (济南市实施意见: 2020, moved to 2028): the campaign gives out nothing more
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(campaignPi).count()).isZero();
    JsonNode view = http().get("/api/supervision/campaigns/" + id, "changqing").json();
    assertThat(view.get("tasks").get(0).get("units")).hasSize(3);
    assertThat(view.get("tasks").get(0).get("units").get(2).get("deadline").asText()).isEqualTo("2028-12-31");
  }

  @Test
  void shouldGiveTongweisTownshipsTheirWorkAndShowEachOnlyItsOwn() {
    Clocks.at("2020-04-10T09:00:00");
    JsonNode c = launch("tongweisupervisor", "{\"taskListId\": \"tongwei-2020\", \"regionCode\": \"621121\"}");
    assertThat(c.get("totals").get("work").asInt()).isEqualTo(40); // (2 county bodies + 18 townships) × 2 tasks
    assertThat(groups(c.get("tasks").get(0))).contains("unitzgb621121", "unitzwfw621121", "township621121100");
    assertThat(c.get("tasks").get(1).get("units").get(0).get("deadline").asText()).isEqualTo("2020-12-31");
    JsonNode pingxiang = http().get("/api/supervision/campaigns/" + c.get("id").asText(), "pingxiang").json();
    assertThat(pingxiang.get("totals").get("work").asInt()).isEqualTo(2);
    // a province's supervisor may not launch Tongwei's list: its acceptance is the county's (通办发〔2020〕6号 三(一))
    Http.Answer province = http().post("/api/supervision/campaigns", "shandongsupervisor",
        "{\"taskListId\": \"tongwei-2020\", \"regionCode\": \"621121\"}");
    assertThat(province.status()).isIn(400, 403);
  }

  @Test
  void shouldShowNothingToAnotherCityOrProvince() {
    Clocks.at("2026-03-02T09:00:00");
    JsonNode c = launch("jinansupervisor", "{\"taskListId\": \"jinan-2018\", \"regionCode\": \"370105\", \"year\": 2026,"
        + " \"taskNos\": [\"9\"]}");
    assertThat(c.get("status").asText()).isEqualTo("ACTIVE");
    for (String region : List.of("370100", "370112")) { // Jinan's list is the city's or the province's to supervise (四(三))
      Http.Answer county = http().post("/api/supervision/campaigns", "lichengsupervisor",
          "{\"taskListId\": \"jinan-2018\", \"regionCode\": \"" + region + "\"}");
      assertThat(county.status()).isEqualTo(403);
    }
    String id = c.get("id").asText();
    for (String other : List.of("taian", "jilin", "pingyinunit", "lichengunit")) {
      assertThat(http().get("/api/supervision/campaigns/" + id, other).status()).as(other).isEqualTo(404);
      assertThat(http().get("/api/supervision/campaigns/" + id + ".csv", other).status()).as(other).isEqualTo(404);
      assertThat(http().get("/api/supervision/campaigns", other).json().get("items").toString()).doesNotContain(id);
    }
    String work = c.get("tasks").get(0).get("units").get(0).get("workId").asText();
    assertThat(http().get("/api/supervision/work/" + work, "taian").status()).isEqualTo(404);
    assertThat(http().get("/api/records/keyTaskSupervision/" + work, "jilin").status()).isEqualTo(404);
    assertThat(http().get("/api/supervision/campaigns/" + id, null).status()).isEqualTo(401);
  }

  @Test
  void shouldExportTheMeetingTableAsExcelReadableCsv() {
    Clocks.at("2026-03-02T09:00:00");
    JsonNode c = launch("shandongsupervisor", "{\"taskListId\": \"jinan-2018\", \"regionCode\": \"370114\", \"year\": 2026,"
        + " \"taskNos\": [\"1\", \"4\"]}");
    var csv = http().download("/api/supervision/campaigns/" + c.get("id").asText() + ".csv", "shandongsupervisor");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    byte[] body = csv.body();
    assertThat(new byte[] {body[0], body[1], body[2]}).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    String text = new String(body, StandardCharsets.UTF_8);
    String[] lines = text.split("\r\n");
    assertThat(lines[0]).contains("序号,重点任务,责任单位,地区");
    assertThat(lines).hasSize(1 + 4); // 市编办 and 章丘区党委、政府 for tasks 1 and 4
    assertThat(text).contains("章丘区党委、政府").contains("济南市实施意见 附件 序号4；二(二)3");
  }

  @Test
  void shouldRefuseHostileOrWrongLaunchesWithoutStoringAnything() {
    long before = jdbc.queryForObject("select count(*) from app_supervision_campaign", Long.class);
    Map<String, String> cases = Map.of(
        "{\"taskListId\": \"nosuch\", \"regionCode\": \"370100\"}", "taskListId",
        "{\"taskListId\": \"jinan-2018\", \"regionCode\": \"370900\"}", "regionCode",
        "{\"taskListId\": \"jinan-2018\", \"regionCode\": \"<script>\"}", "regionCode",
        "{\"taskListId\": \"jinan-2018\", \"regionCode\": \"370115\", \"taskNos\": [\"99\"]}", "taskNos[0]",
        "{\"taskListId\": \"jinan-2018\", \"regionCode\": \"370115\", \"reportEvery\": 0}", "reportEvery",
        "{\"taskListId\": \"jinan-2018\", \"regionCode\": \"370115\", \"year\": 99999}", "year");
    cases.forEach((body, field) -> {
      Http.Answer a = http().post("/api/supervision/campaigns", "shandongsupervisor", body);
      assertThat(a.status()).as(body).isEqualTo(400);
      assertThat(a.json().get("errors").toString()).as(body).contains("\"" + field + "\"");
    });
    assertThat(http().post("/api/supervision/campaigns", "shandongsupervisor", "{\"taskListId\": ").status()).isEqualTo(400);
    assertThat(http().post("/api/supervision/campaigns", "ningyang", "{\"taskListId\": \"jinan-2018\", \"regionCode\": \"370115\"}")
        .status()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from app_supervision_campaign", Long.class)).isEqualTo(before);

    Clocks.at("2026-03-02T09:00:00");
    JsonNode c = launch("shandongsupervisor", "{\"taskListId\": \"jinan-2018\", \"regionCode\": \"370115\", \"year\": 2026,"
        + " \"taskNos\": [\"8\"]}");
    String work = c.get("tasks").get(0).get("units").get(0).get("workId").asText();
    Task t = support.task(work, "reportProgress");
    EngineStepsUser.ensure(engine, "jiyangunit", "unitdwzf370115");
    for (String vars : List.of(
        "\"decision\": {\"value\": \"REPORT\"}, \"progress\": {\"value\": 150}, \"reportContent\": {\"value\": \"x\"}",
        "\"decision\": {\"value\": \"REPORT\"}, \"progress\": {\"value\": 10}, \"reportContent\": {\"value\": \"<img src=x>\"}",
        "\"decision\": {\"value\": \"APPROVE\"}, \"progress\": {\"value\": 10}, \"reportContent\": {\"value\": \"x\"}",
        "\"decision\": {\"value\": \"REPORT\"}, \"progress\": {\"value\": 10}")) {
      Http.Answer a = http().post("/engine-rest/task/" + t.getId() + "/complete", "jiyangunit", "{\"variables\": {" + vars + "}}");
      assertThat(a.status()).as(vars).isEqualTo(400);
    }
    assertThat(support.task(work, "reportProgress").getId()).isEqualTo(t.getId());
    assertThat(jdbc.queryForObject("select count(*) from app_supervision_report where work_id = ?", Long.class, work)).isZero();
  }
}
