package cn.gov.reform.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.support.Http;

/**
 * Assessment items over {@code /api} and engine REST as a county department, the county and the province use them:
 * creating (idempotent), refusals as problem+json naming the field and the clause, reading and listing within one's region
 * (a township's officials: what names their township), the start form in Tasklist's way, revising while returned, and
 * hostile input refused with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class AssessmentApiTest {

  @LocalServerPort int port;
  @Autowired AssessmentFixtures support;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private Http http() {
    return new Http(port);
  }

  private long stored() {
    return jdbc.queryForObject("select count(*) from app_assessment_item", Long.class);
  }

  @Test
  void shouldCreateOnceWithAnIdempotencyKeyAndShowTheItemToItsRegionAndItsTownshipOnly() {
    String body = Http.json(support.ningyang(AssessmentKind.VETO, AssessmentFixtures.centralDocument(), "370921111"));
    Map<String, String> key = Map.of("Idempotency-Key", "assess-api-" + System.nanoTime());
    Http.Answer created = http().send("POST", "/api/assessment-items", "ningyangdept", body, key);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    String id = created.json().path("id").asText();
    assertThat(created.header("Location")).isEqualTo("/api/assessment-items/" + id);
    assertThat(created.json().path("status").asText()).isEqualTo("COUNTY_REVIEW");
    assertThat(created.json().path("kindLabel").asText()).isEqualTo("一票否决");
    assertThat(created.json().path("provinceApproval").asBoolean()).isTrue();
    assertThat(created.json().path("stages").toString()).isEqualTo("[\"countyApproval\"]");
    Http.Answer again = http().send("POST", "/api/assessment-items", "ningyangdept", body, key);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().path("id").asText()).isEqualTo(id);

    String township = support.township("370921111");
    for (String reader : List.of("ningyangdept", "ningyanggov", "taian", "shandongapprover", township)) {
      assertThat(http().get("/api/assessment-items/" + id, reader).status()).as(reader).isEqualTo(200);
      assertThat(http().get("/api/assessment-items?size=200", reader).json().path("items").toString()).as(reader).contains(id);
    }
    assertThat(http().get("/api/assessment-items?townshipCode=370921111&kind=VETO&size=200", township).json().path("items").toString())
        .contains(id);
    assertThat(http().get("/api/records/" + AssessmentKeys.PROCESS + "/" + id, township).status()).isEqualTo(200);
    // another county's department and government, another township of the same county, another province: nothing
    for (String stranger : List.of("xintaidept", "xintaigov", support.township("370921112"), "tongweigov", "gansuapprover")) {
      assertThat(http().get("/api/assessment-items/" + id, stranger).status()).as(stranger).isEqualTo(404);
      assertThat(http().get("/api/assessment-items?size=200", stranger).json().path("items").toString()).as(stranger).doesNotContain(id);
      assertThat(http().get("/api/records/" + AssessmentKeys.PROCESS + "/" + id, stranger).status()).as(stranger).isEqualTo(404);
    }
    assertThat(http().get("/api/assessment-items/" + id, null).status()).isEqualTo(401);
    // the dashboard's counts: the province counts it, another province does not see this procedure's item
    JsonNode stats = http().get("/api/stats/procedures", "shandongapprover").json();
    JsonNode mine = null;
    for (JsonNode p : stats) {
      if (AssessmentKeys.PROCESS.equals(p.path("processKey").asText())) {
        mine = p;
      }
    }
    assertThat(mine).as(stats.toString()).isNotNull();
    assertThat(mine.path("name").asText()).isEqualTo("考核事项审批");
    assertThat(mine.path("running").asLong()).isPositive();
  }

  @Test
  void shouldAnswerARefusalByTheRulesAsProblemJsonNamingTheFieldAndTheClause() {
    long before = stored();
    Http.Answer refused = http().post("/api/assessment-items", "ningyangdept",
        Http.json(support.ningyang(AssessmentKind.VETO, null, "370921111")));
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().path("title").asText()).isEqualTo("考核事项不符合规定");
    assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("basis");
    assertThat(refused.json().path("errors").get(0).path("message").asText()).contains("鲁厅字〔2018〕33号 五(二)");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void shouldRefuseHostileInputNamingTheFieldAndStoreNothing() {
    long before = stored();
    String good = Http.json(support.ningyang(AssessmentKind.RANKING, null, "370921113"));
    Map<String, String> cases = Map.of(
        "title", good.replace("农村人居环境整治考核", "<script>alert(1)</script>"),
        "townshipCodes[0]", good.replace("370921113", "621121100"),
        "countyCode", good.replace("\"370921\"", "\"999999\""),
        "items[0].dutyId", good.replaceFirst("\"dutyId\":\"[^\"]*\"", "\"dutyId\":\"' or 1=1 --\""),
        "reason", good.replace("落实农村人居环境整治要求", "x".repeat(1001)),
        "items", good.replaceFirst("\"items\":\\[[^\\]]*\\]", "\"items\":[]"),
        "basis.number", good.replace("\"basis\":null", "\"basis\":{\"name\":\"某文件\",\"number\":\"1号\",\"issuer\":\"CENTRAL\"}"));
    cases.forEach((field, body) -> {
      Http.Answer a = http().post("/api/assessment-items", "ningyangdept", body);
      assertThat(a.status()).as(field + ": " + a.raw().body()).isEqualTo(400);
      assertThat(a.header("Content-Type")).startsWith("application/problem+json");
      assertThat(a.json().path("errors").toString()).as(field).contains("\"field\":\"" + field + "\"");
    });
    assertThat(http().post("/api/assessment-items", "ningyangdept", "{\"title\": ").status()).isEqualTo(400);
    assertThat(http().post("/api/assessment-items", "ningyangdept", good.replace("\"RANKING\"", "\"PUNISH\"")).status()).isEqualTo(400);
    assertThat(http().post("/api/assessment-items", "ningyangdept", good.replace("\"title\"", "\"unknown\":1,\"title\"")).status())
        .isEqualTo(400);
    assertThat(http().get("/api/assessment-items?size=100000", "ningyangdept").status()).isEqualTo(400);
    assertThat(http().get("/api/assessment-items?townshipCode=1%27%20or%20%271", "ningyangdept").status()).isEqualTo(400);
    // roles: a county government is no county department; another county's department cannot act for this county
    assertThat(http().post("/api/assessment-items", "ningyanggov", good).status()).isEqualTo(403);
    assertThat(http().post("/api/assessment-items", "xintaidept", good).status()).isEqualTo(403);
    assertThat(http().post("/api/assessment-items", null, good).status()).isEqualTo(401);
    assertThat(stored()).isEqualTo(before);
  }

  private static String variables(Map<String, Object> fields) {
    return Http.json(Map.of("variables", fields.entrySet().stream().filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> Map.of("value", e.getValue())))));
  }

  @Test
  void shouldStartFromTheFormAsTasklistDoesAndRefuseAVetoWithoutItsBasis() {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(AssessmentKeys.PROCESS)
        .latestVersion().singleResult().getId();
    Map<String, Object> fields = new HashMap<>();
    fields.put("title", "农村人居环境整治一票否决");
    fields.put("countyCode", "370921");
    fields.put("department", "宁阳县住房和城乡建设局");
    fields.put("kind", "VETO");
    fields.put("townshipCodes", "370921113");
    fields.put("dutyId", support.acceptedDuty("370921113"));
    fields.put("indicator", "村庄清洁行动未达标的，年度考核不得评为优秀");
    fields.put("reason", "落实农村人居环境整治三年行动方案");
    long before = stored();
    Http.Answer refused = http().post("/engine-rest/process-definition/" + definition + "/submit-form", "ningyangdept", variables(fields));
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
    assertThat(refused.raw().body()).contains("一票否决").contains("鲁厅字〔2018〕33号 五(二)");
    assertThat(stored()).isEqualTo(before);

    fields.put("basisName", "农村人居环境整治三年行动方案");
    fields.put("basisNumber", "中办发〔2018〕5号");
    fields.put("basisIssuer", "CENTRAL");
    Http.Answer started = http().post("/engine-rest/process-definition/" + definition + "/submit-form", "ningyangdept", variables(fields));
    assertThat(started.status()).as(started.raw().body()).isEqualTo(200);
    String id = started.json().path("businessKey").asText();
    JsonNode view = http().get("/api/assessment-items/" + id, "ningyanggov").json();
    assertThat(view.path("townships").toString()).contains("鹤山镇");
    assertThat(view.path("content").path("basis").path("number").asText()).isEqualTo("中办发〔2018〕5号");
    JsonNode tasks = http().get("/engine-rest/task?processInstanceBusinessKey=" + id + "&maxResults=10", "ningyanggov").json();
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo(AssessmentKeys.COUNTY_APPROVAL);
    Http.Answer form = http().get("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/form", "ningyanggov");
    assertThat(form.json().path("camundaFormRef").path("key").asText()).isEqualTo("reviewAssessment");
    // a RETURN without an opinion over engine REST: 400, the task stays open
    Http.Answer noOpinion = http().post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete", "ningyanggov",
        "{\"variables\":{\"decision\":{\"value\":\"RETURN\"}}}");
    assertThat(noOpinion.status()).as(noOpinion.raw().body()).isEqualTo(400);
    // the province cannot work the county's task
    assertThat(http().post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete", "shandongapprover",
        "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}").status()).isIn(403, 404);
    assertThat(http().get("/api/assessment-items/" + id, "ningyanggov").json().path("stages").toString()).contains("countyApproval");
  }

  @Test
  void shouldReviseOnlyWhileBackWithTheDepartmentAndUnderTheSameRules() {
    AssessmentView a = support.create("ningyangdept", support.ningyang(AssessmentKind.DIRECT_ASSESSMENT, null, "370921113"));
    String body = Http.json(a.content());
    assertThat(http().send("PUT", "/api/assessment-items/" + a.id(), "ningyangdept", body, Map.of()).status()).isEqualTo(409);
    support.complete("ningyanggov", a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL, "RETURN", "请明确考核指标");
    AssessmentRequest two = AssessmentFixtures.withItems(a.content(), List.of(a.content().items().get(0), a.content().items().get(0)));
    Http.Answer refused = http().send("PUT", "/api/assessment-items/" + a.id(), "ningyangdept", Http.json(two), Map.of());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").toString()).contains("\"field\":\"items\"").contains("一事一报");
    assertThat(http().send("PUT", "/api/assessment-items/" + a.id(), "ningyanggov", body, Map.of()).status()).isEqualTo(403);
    assertThat(http().send("PUT", "/api/assessment-items/" + a.id(), "ningyangdept", body.replace("\"DIRECT_ASSESSMENT\"", "\"RANKING\""),
        Map.of()).json().path("errors").toString()).contains("\"field\":\"kind\"");
    Http.Answer revised = http().send("PUT", "/api/assessment-items/" + a.id(), "ningyangdept",
        body.replace("村庄清洁行动达标率100%", "村庄清洁行动达标率（达标村数/行政村数）100%"), Map.of());
    assertThat(revised.status()).as(revised.raw().body()).isEqualTo(200);
    assertThat(revised.json().path("version").asInt()).isEqualTo(2);
    assertThat(revised.json().path("content").path("items").get(0).path("indicator").asText()).contains("达标村数");
  }
}
