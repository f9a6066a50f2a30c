package cn.gov.reform.secondment;

import static cn.gov.reform.secondment.SecondmentFixtures.person;
import static cn.gov.reform.secondment.SecondmentFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.support.Http;

/**
 * Every row of {@code secondmentRules.dmn} on both sides of its limit, as the requester meets it: over {@code /api} a request
 * the rules forbid is refused with 400 naming the rule and clause, nothing stored; in Tasklist it goes back to the requester
 * with the finding. 1 year 11 months vs 2 years in the township; 6 vs 7 months; 7 months with a written justification (a
 * WARNING every approver sees); an extension whose months with the earlier secondment's pass 6; Gansu's reference rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class SecondmentRulesTest {

  @LocalServerPort int port;
  @Autowired SecondmentFixtures support;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void init() {
    http = new Http(port);
    SecondmentFixtures.today();
  }

  @AfterEach
  void clock() {
    SecondmentFixtures.resetClock();
  }

  private long stored() {
    return jdbc.queryForObject("select count(*) from app_secondment", Long.class);
  }

  private Http.Answer post(String user, SecondmentRequest r) {
    return http.post("/api/secondments", user, Http.json(SecondmentFixtures.json(r)));
  }

  @ParameterizedTest(name = "在乡镇工作自 {0} 起，{1}")
  @CsvSource({
      "2024-03-17, 1年11个月（差一天满2年）, false",
      "2024-03-16, 满2年, true"})
  void shouldRefuseAnOfficialWithLessThanTwoYearsInTheTownship(String started, String why, boolean accepted) {
    // the secondment starts 2026-03-16
    long before = stored();
    Http.Answer answer = post("ningyangrequester", request(person(), "370921111", started, "2026-03-16", "2026-07-31", null));
    if (accepted) {
      assertThat(answer.status()).as(why).isEqualTo(201);
      assertThat(answer.json().get("findings").size()).isZero();
      return;
    }
    assertThat(answer.status()).as(why).isEqualTo(400);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    JsonNode finding = answer.json().get("findings").get(0);
    assertThat(finding.get("rule").asText()).isEqualTo("SEC-MIN-SERVICE");
    assertThat(finding.get("severity").asText()).isEqualTo("ERROR");
    assertThat(finding.get("source").asText()).isEqualTo("鲁厅字〔2018〕33号 四(二)；济南市实施意见 二(三)2");
    assertThat(finding.get("actual").asInt()).isEqualTo(23);
    assertThat(finding.get("message").asText()).contains("1年11个月，不满2年").contains("上级机关一律不得借调");
    assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("startedInTownship");
    assertThat(answer.json().get("detail").asText()).contains("鲁厅字〔2018〕33号 四(二)");
    assertThat(stored()).as("nothing stored").isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} 至 {1}：{2}")
  @CsvSource({
      "2026-03-16, 2026-09-15, 6个月, true",
      "2026-03-16, 2026-09-16, 6个月零1天即7个月, false",
      "2026-04-01, 2026-10-31, 7个月, false"})
  void shouldRefuseMoreThanSixMonthsWithoutAWrittenJustification(String start, String end, String why, boolean accepted) {
    long before = stored();
    Http.Answer answer = post("ningyangrequester", request(person(), "370921111", "2020-01-02", start, end, null));
    if (accepted) {
      assertThat(answer.status()).as(why).isEqualTo(201);
      support.runJobs(answer.json().get("processInstanceId").asText());
      JsonNode read = http.get("/api/secondments/" + answer.json().get("id").asText(), "ningyangrequester").json();
      assertThat(read.get("months").asInt()).isEqualTo(6);
      assertThat(read.get("findings").size()).isZero();
      return;
    }
    assertThat(answer.status()).as(why).isEqualTo(400);
    JsonNode finding = answer.json().get("findings").get(0);
    assertThat(finding.get("rule").asText()).isEqualTo("SEC-MAX-PERIOD");
    assertThat(finding.get("actual").asInt()).isEqualTo(7);
    assertThat(finding.get("message").asText()).contains("借调7个月").contains("须附书面特殊理由");
    assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("endDate");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void shouldShowSevenMonthsWithAWrittenJustificationAsAWarningToEveryApprover() {
    Http.Answer answer = post("ningyangrequester", request(person(), "370921109", "2020-01-02", "2026-04-01", "2026-10-31",
        "经济普查数据审核周期为7个月，中途更换人员将影响数据质量"));
    assertThat(answer.status()).isEqualTo(201);
    String pi = answer.json().get("processInstanceId").asText();
    String id = answer.json().get("id").asText();
    support.runJobs(pi);
    JsonNode findings = http.get("/api/secondments/" + id + "/findings", "ningyanggov").json();
    assertThat(findings.size()).isEqualTo(1);
    assertThat(findings.get(0).get("severity").asText()).isEqualTo("WARNING");
    assertThat(findings.get(0).get("message").asText()).contains("借调7个月").contains("附有书面特殊理由");
    // every approver of 磁窑镇's chain sees it in the form
    for (String[] stage : new String[][] {{"ciyao", SecondmentKeys.TOWNSHIP_CONSENT}, {"ningyangorg", SecondmentKeys.ORGANISATION_APPROVAL},
        {"ningyanggov", SecondmentKeys.COUNTY_GOVERNMENT_CONSENT}}) {
      String task = support.task(pi, stage[1]).getId();
      assertThat(engine.getTaskService().getVariable(task, SecondmentKeys.FORM_FINDINGS)).asString()
          .as(stage[1]).contains("【提示】借调7个月").contains("鲁厅字〔2018〕33号 四(二)");
      assertThat(engine.getTaskService().getVariable(task, SecondmentKeys.FORM_SUMMARY)).asString()
          .contains("书面特殊理由：经济普查数据审核周期为7个月");
      support.approve(stage[0], pi, stage[1]);
    }
    assertThat(support.view(id).status()).isEqualTo(SecondmentStatus.SECONDED);
  }

  @Test
  void shouldCountTheMonthsAlreadyServedWhenASecondmentIsExtended() {
    String who = person();
    // 4 months approved: 2026-03-16 to 2026-07-15
    SecondmentView first = support.seconded(request(who, "370921111", "2020-01-02", "2026-03-16", "2026-07-15", null));
    assertThat(first.status()).isEqualTo(SecondmentStatus.SECONDED);

    // a 3-month extension from the next day: 4 + 3 = 7 > 6
    Http.Answer over = post("ningyangrequester", request(who, "370921111", "2020-01-02", "2026-07-16", "2026-10-15", null));
    assertThat(over.status()).isEqualTo(400);
    assertThat(over.json().get("findings").get(0).get("message").asText())
        .contains("借调3个月，连同此前连续借调的4个月共7个月").contains("须附书面特殊理由");
    // overlapping the approved period is no extension
    Http.Answer overlapping = post("ningyangrequester", request(who, "370921111", "2020-01-02", "2026-07-01", "2026-08-15", null));
    assertThat(overlapping.status()).isEqualTo(400);
    assertThat(overlapping.json().get("errors").get(0).get("field").asText()).isEqualTo("startDate");
    assertThat(overlapping.json().get("errors").get(0).get("message").asText()).contains("借调期间不能重叠");

    // 2 months: 4 + 2 = 6, within the limit
    Http.Answer within = post("ningyangrequester", request(who, "370921111", "2020-01-02", "2026-07-16", "2026-09-15", null));
    assertThat(within.status()).isEqualTo(201);
    support.runJobs(within.json().get("processInstanceId").asText());
    JsonNode read = http.get("/api/secondments/" + within.json().get("id").asText(), "ningyangrequester").json();
    assertThat(read.get("months").asInt()).isEqualTo(2);
    assertThat(read.get("earlierMonths").asInt()).isEqualTo(4);
    assertThat(read.get("totalMonths").asInt()).isEqualTo(6);
    assertThat(read.get("extendsId").asText()).isEqualTo(first.id());
    assertThat(read.get("findings").size()).isZero();

    // with a written justification, 4 + 3 goes on as a WARNING (another person's period does not count)
    Http.Answer justified = post("ningyangrequester", request(person(), "370921111", "2020-01-02", "2026-07-16", "2026-10-15", null));
    assertThat(justified.status()).as("a person without earlier secondments: 3 months").isEqualTo(201);
  }

  @Test
  void shouldOnlyWarnInGansuWhoseDocumentsSetNoYearsOrMonths() {
    Http.Answer answer = post("tongweirequester", request(person(), "621121100", "2024-03-17", "2026-03-16", "2026-10-15", null));
    assertThat(answer.status()).isEqualTo(201);
    String id = answer.json().get("id").asText();
    support.runJobs(answer.json().get("processInstanceId").asText());
    JsonNode findings = http.get("/api/secondments/" + id + "/findings", "tongweiorg").json();
    assertThat(findings).extracting(f -> f.get("rule").asText())
        .containsExactlyInAnyOrder("SEC-MIN-SERVICE-REFERENCE", "SEC-MAX-PERIOD-REFERENCE");
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.get("severity").asText()).isEqualTo("WARNING");
      assertThat(f.get("source").asText()).startsWith("参照 鲁厅字〔2018〕33号 四(二)");
    });
  }

  @Test
  void shouldSendARequestTheRulesForbidBackToTheRequesterInTasklist() {
    // the start form: stored, checked, back with the requester with the finding
    Map<String, Object> form = new HashMap<>(SecondmentFixtures.json(request(person(), "370921111", "2025-01-06", "2026-03-16",
        "2026-07-31", null)));
    form.remove("specialJustification");
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(SecondmentKeys.PROCESS)
        .latestVersion().singleResult().getId();
    ProcessInstance pi = support.as("ningyangrequester", () -> engine.getFormService().submitStartForm(definition, form));
    support.runJobs(pi.getId());
    SecondmentView back = support.view(pi.getBusinessKey());
    assertThat(back.status()).isEqualTo(SecondmentStatus.DRAFT);
    assertThat(back.findings()).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo("SEC-MIN-SERVICE"));
    String revise = support.task(pi.getId(), SecondmentKeys.REVISE).getId();
    assertThat(engine.getTaskService().getVariable(revise, SecondmentKeys.FORM_FINDINGS)).asString()
        .contains("【错误】").contains("不满2年").contains("鲁厅字〔2018〕33号 四(二)");
    assertThat(support.tasksSeenBy("ningyangrequester", pi.getId())).isEqualTo(1);
    assertThat(support.tasksSeenBy("geshi", pi.getId())).as("not before the township").isZero();

    // the requester corrects the date the person came to the township and resubmits
    Map<String, Object> revised = new HashMap<>(engine.getTaskService().getVariablesLocal(revise));
    revised.put("startedInTownship", "2023-01-03");
    revised.put("decision", "SUBMIT");
    support.as("ningyangrequester", () -> {
      engine.getFormService().submitTaskForm(revise, revised);
      return null;
    });
    support.runJobs(pi.getId());
    SecondmentView passed = support.view(pi.getBusinessKey());
    assertThat(passed.status()).isEqualTo(SecondmentStatus.IN_REVIEW);
    assertThat(passed.stages()).containsExactly(SecondmentKeys.TOWNSHIP_CONSENT);
    assertThat(passed.findings()).isEmpty();
    assertThat(passed.version()).isEqualTo(2);
  }

  @Test
  void shouldCountMonthsWithABegunMonthAsAWholeOne() {
    assertThat(SecondmentRules.months(java.time.LocalDate.parse("2027-01-01"), java.time.LocalDate.parse("2027-06-30"))).isEqualTo(6);
    assertThat(SecondmentRules.months(java.time.LocalDate.parse("2027-01-01"), java.time.LocalDate.parse("2027-07-01"))).isEqualTo(7);
    assertThat(SecondmentRules.months(java.time.LocalDate.parse("2027-01-31"), java.time.LocalDate.parse("2027-02-27"))).isEqualTo(1);
    assertThat(SecondmentRules.duration(23)).isEqualTo("1年11个月");
    assertThat(SecondmentRules.duration(24)).isEqualTo("2年");
  }
}
