package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.support.Http;

/** The domain API and engine REST as other systems and Tasklist use them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanApiTest {

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private long instances() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("reformPlanApproval").count();
  }

  @Test
  void shouldCreatePlanAndStartItsApproval() {
    Http.Answer a = http.post("/api/plans", "ningyang", Http.json(PlanFixtures.ningyangPlan()));
    assertThat(a.status()).isEqualTo(201);
    JsonNode plan = a.json();
    assertThat(a.header("Location")).isEqualTo("/api/plans/" + plan.get("id").asText());
    assertThat(plan.get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(plan.get("version").asInt()).isEqualTo(1);
    assertThat(plan.get("processInstanceId").asText()).isNotBlank();
    assertThat(plan.get("createdAt").asText()).endsWith("+08:00");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(plan.get("id").asText()).count())
        .isEqualTo(1);

    support.runJobs(plan.get("processInstanceId").asText());
    JsonNode read = http.get(a.header("Location"), "taian").json();
    assertThat(read.get("stages").toString()).isEqualTo("[\"cityReview\"]");
    assertThat(read.get("timeline").get(0).get("actor").asText()).isEqualTo("ningyang");
    assertThat(read.get("townships").get(0).get("name").asText()).isEqualTo("东庄镇");
  }

  @Test
  void shouldAnswerBadPlansWithProblemJsonNamingTheFieldAndStoreNothing() {
    long plans = count("app_plan");
    long started = instances();
    String good = Http.json(PlanFixtures.ningyangPlan());
    Map<String, String> cases = Map.of(
        "countyCode", good.replace("\"countyCode\":\"370921\"", "\"countyCode\":\"37092\""),
        "townships[0].code", good.replace("\"370921112\"", "\"370112001\""),
        "townships[0].bodies[0].staff", good.replace("\"staff\":6", "\"staff\":-6"),
        "townships[0].administrativeStaff", good.replace("\"administrativeStaff\":40", "\"administrativeStaff\":\"forty\""),
        "planType", good.replace("\"TOWNSHIP\"", "\"CITY\""),
        "surprise", good.replace("{\"title\"", "{\"surprise\":1,\"title\""),
        "title", good.replace("\"title\":\"宁阳县乡镇行政管理体制改革方案\"", "\"title\":\"" + "长".repeat(201) + "\""));
    cases.forEach((field, body) -> {
      Http.Answer a = http.post("/api/plans", "ningyang", body);
      assertThat(a.status()).as(field).isEqualTo(400);
      assertThat(a.header("Content-Type")).as(field).startsWith("application/problem+json");
      JsonNode p = a.json();
      assertThat(p.get("status").asInt()).isEqualTo(400);
      assertThat(p.get("title").asText()).isNotBlank();
      assertThat(p.get("errors").findValuesAsText("field")).as(a.raw().body()).contains(field);
      assertThat(a.raw().body()).doesNotContain("at cn.gov").doesNotContain("Exception");
    });
    Http.Answer unknownCounty = http.post("/api/plans", "ningyang", good.replace("\"countyCode\":\"370921\"", "\"countyCode\":\"999999\""));
    assertThat(unknownCounty.status()).isEqualTo(400);
    assertThat(unknownCounty.json().get("errors").get(0).get("message").asText()).contains("未知");
    Http.Answer notJson = http.post("/api/plans", "ningyang", "{\"title\": ");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.header("Content-Type")).startsWith("application/problem+json");
    assertThat(count("app_plan")).isEqualTo(plans);
    assertThat(instances()).isEqualTo(started);
  }

  @Test
  void shouldRefuseCallersWithoutCredentialsOrOutsideTheRegion() {
    String body = Http.json(PlanFixtures.ningyangPlan());
    Http.Answer anonymous = http.post("/api/plans", null, body);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
    assertThat(http.post("/api/plans", "nosuchuser:wrong", body).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/task", null).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/engine", null).status()).isEqualTo(200);

    Http.Answer otherCounty = http.post("/api/plans", "licheng", body);
    assertThat(otherCounty.status()).isEqualTo(403);
    assertThat(otherCounty.header("Content-Type")).startsWith("application/problem+json");
    assertThat(http.post("/api/plans", "taian", body).status()).isEqualTo(403);

    String id = http.post("/api/plans", "ningyang", body).json().get("id").asText();
    assertThat(http.get("/api/plans/" + id, "ningyang").status()).isEqualTo(200);
    assertThat(http.get("/api/plans/" + id, "taian").status()).isEqualTo(200);
    assertThat(http.get("/api/plans/" + id, "shandong").status()).isEqualTo(200);
    Http.Answer hidden = http.get("/api/plans/" + id, "licheng");
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.header("Content-Type")).startsWith("application/problem+json");
    assertThat(http.get("/api/plans/" + id, "jinan").status()).isEqualTo(404);
    assertThat(http.get("/api/plans/no-such-plan", "ningyang").status()).isEqualTo(404);
    assertThat(http.get("/api/plans/" + id, "jilinreviewer").status()).isEqualTo(404);

    assertThat(http.get("/api/plans?size=200", "ningyang").json().get("items").findValuesAsText("id")).contains(id);
    assertThat(http.get("/api/plans?size=200", "taian").json().get("items").findValuesAsText("id")).contains(id);
    assertThat(http.get("/api/plans?size=200", "licheng").json().get("items").findValuesAsText("id")).doesNotContain(id);
    assertThat(http.get("/api/plans?size=200&countyCode=370921", "jinan").json().get("total").asLong()).isZero();
    assertThat(http.get("/api/plans?countyCode=abc", "ningyang").status()).isEqualTo(400);
    assertThat(http.get("/api/plans?status=NOPE", "ningyang").status()).isEqualTo(400);
  }

  @Test
  void shouldReplayTheFirstAnswerForARepeatedIdempotencyKey() {
    String body = Http.json(PlanFixtures.ningyangPlan());
    long started = instances();
    Map<String, String> key = Map.of("Idempotency-Key", "ningyang-2026-" + System.nanoTime());
    Http.Answer first = http.send("POST", "/api/plans", "ningyang", body, key);
    Http.Answer again = http.send("POST", "/api/plans", "ningyang", body, key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(instances()).isEqualTo(started + 1);

    String other = Http.json(PlanFixtures.ningyangPlan(PlanFixtures.compliantTownship("370921111", "葛石镇")));
    Http.Answer reused = http.send("POST", "/api/plans", "ningyang", other, key);
    assertThat(reused.status()).isEqualTo(409);
    assertThat(instances()).isEqualTo(started + 1);
  }

  @Test
  void shouldReviseOnlyWhileThePlanWaitsAtTheCounty() {
    JsonNode created = http.post("/api/plans", "ningyang", Http.json(PlanFixtures.ningyangPlan(PlanFixtures.ciyaoAsDeveloped()))).json();
    String id = created.get("id").asText();
    String pi = created.get("processInstanceId").asText();
    support.runJobs(pi);
    assertThat(http.get("/api/plans/" + id, "ningyang").json().get("status").asText()).isEqualTo("DRAFT");

    String fixed = Http.json(PlanFixtures.ningyangPlan(PlanFixtures.compliantTownship("370921109", "磁窑镇")));
    assertThat(http.send("PUT", "/api/plans/" + id, "taian", fixed, Map.of()).status()).isEqualTo(403);
    Http.Answer revised = http.send("PUT", "/api/plans/" + id, "ningyang", fixed, Map.of());
    assertThat(revised.status()).isEqualTo(200);
    assertThat(revised.json().get("version").asInt()).isEqualTo(2);
    assertThat(jdbc.queryForObject("select count(*) from app_plan_version where plan_id = ?", Long.class, id)).isEqualTo(2);

    support.complete("ningyang", pi, "draftPlan", Map.of("decision", "SUBMIT"));
    support.runJobs(pi);
    Http.Answer late = http.send("PUT", "/api/plans/" + id, "ningyang", fixed, Map.of());
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("detail").asText()).contains("审核中");
  }

  @Test
  void shouldCheckADraftWithoutStoringIt() {
    long plans = count("app_plan");
    Http.Answer a = http.post("/api/policy/validate", "ningyang", Http.json(PlanFixtures.ningyangPlan(PlanFixtures.ciyaoAsDeveloped())));
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("valid").asBoolean()).isFalse();
    JsonNode first = a.json().get("findings").get(0);
    assertThat(first.get("severity").asText()).isEqualTo("ERROR");
    assertThat(a.json().get("findings").findValuesAsText("rule")).contains("SD-TOWNSHIP-BODIES");
    assertThat(count("app_plan")).isEqualTo(plans);
  }

  @Test
  void shouldAnswerRefusedCompletionsOnEngineRestWith400NamingTheVariable() {
    JsonNode created = http.post("/api/plans", "ningyang", Http.json(PlanFixtures.ningyangPlan())).json();
    String pi = created.get("processInstanceId").asText();
    support.runJobs(pi);
    String taskId = support.task(pi, "cityReview").getId();
    Http.Answer refused = http.post("/engine-rest/task/" + taskId + "/complete", "taian",
        "{\"variables\":{\"decision\":{\"value\":\"RETURN\"}}}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("title").asText()).isEqualTo("处理决定不符合要求");
    assertThat(refused.json().get("detail").asText()).isEqualTo("opinion：退回修改时必须填写意见");
    assertThat(refused.json().get("message").asText()).as("what Tasklist shows").isEqualTo("opinion：退回修改时必须填写意见");
    assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("opinion");
    Http.Answer submitted = http.post("/engine-rest/task/" + taskId + "/submit-form", "taian",
        "{\"variables\":{\"decision\":{\"value\":\"MAYBE\"}}}");
    assertThat(submitted.status()).isEqualTo(400);
    assertThat(submitted.json().get("message").asText()).contains("decision");
    assertThat(support.task(pi, "cityReview")).isNotNull();
    Http.Answer ok = http.post("/engine-rest/task/" + taskId + "/complete", "taian",
        "{\"variables\":{\"decision\":{\"value\":\"RETURN\"},\"opinion\":{\"value\":\"请核实编制数\"}}}");
    assertThat(ok.status()).isEqualTo(204);
    assertThat(support.task(pi, "draftPlan")).isNotNull();
  }

  @Test
  void shouldStartASingleTownshipPlanFromTheTasklistStartForm() {
    long plans = count("app_plan");
    String form = """
        {"variables": {
          "title": {"value": "宁阳县鹤山镇行政管理体制改革方案"}, "planType": {"value": "TOWNSHIP"},
          "countyCode": {"value": "370921"}, "townshipCode": {"value": "370921113"}, "townshipName": {"value": "鹤山镇"},
          "townshipKind": {"value": "TOWN"}, "administrativeStaff": {"value": 40}, "institutionalStaff": {"value": 60},
          "bodiesText": {"value": "党政综合办公室 6\\n党建工作办公室 6\\n经济发展办公室 6\\n社会事务办公室 6\\n综合行政执法办公室 6"},
          "institutionsText": {"value": "便民服务中心 20\\n农业综合服务中心 20\\n财经服务中心 10\\n公共文化服务中心 10"}}}""";
    Http.Answer started = http.post("/engine-rest/process-definition/key/reformPlanApproval/submit-form", "ningyang", form);
    assertThat(started.status()).as(started.raw().body()).isEqualTo(200);
    String planId = started.json().get("businessKey").asText();
    JsonNode plan = http.get("/api/plans/" + planId, "ningyang").json();
    assertThat(plan.get("townships").get(0).get("bodies")).hasSize(5);
    assertThat(plan.get("title").asText()).isEqualTo("宁阳县鹤山镇行政管理体制改革方案");
    assertThat(engine.getRuntimeService().getVariable(started.json().get("id").asText(), "bodiesText")).isNull();
    assertThat(count("app_plan")).isEqualTo(plans + 1);

    Http.Answer bad = http.post("/engine-rest/process-definition/key/reformPlanApproval/submit-form", "ningyang",
        form.replace("党建工作办公室 6", "党建工作办公室"));
    assertThat(bad.status()).isEqualTo(400);
    // what Tasklist shows names the form's label, without engine ids; errors[] names the variable for other systems
    assertThat(bad.json().get("message").asText()).contains("“党政工作机构”第2行").doesNotContain("Cannot instantiate");
    assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("bodiesText");
    Http.Answer foreign = http.post("/engine-rest/process-definition/key/reformPlanApproval/submit-form", "licheng", form);
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(count("app_plan")).isEqualTo(plans + 1);
  }

  @Test
  void shouldRefuseOversizedBodies() {
    String huge = "{\"title\":\"" + "长".repeat(400_000) + "\"}";
    Http.Answer a = http.post("/api/plans", "ningyang", huge);
    assertThat(a.status()).isEqualTo(413);
    assertThat(a.header("Content-Type")).startsWith("application/problem+json");
  }

}
