package cn.gov.reform.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.support.Http;

/**
 * Duty access over {@code /api} and engine REST as a county department, the townships and the county committee use it:
 * creating (idempotent), reading and listing within one's region (a township's officials: what names their township),
 * each township's list of accepted duties, the start form in Tasklist's way, and hostile input refused with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class DutyApiTest {

  @LocalServerPort int port;
  @Autowired DutyFixtures support;
  @Autowired ProcessEngine engine;

  private Http http() {
    return new Http(port);
  }

  /** The request as another system sends it: dates as ISO text. */
  static String json(Object value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private long stored() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(DutyKeys.PROCESS).count();
  }

  @Test
  void shouldCreateOnceWithAnIdempotencyKeyAndShowTheRequestToItsRegionAndItsTownshipsOnly() {
    String body = json(DutyFixtures.ningyang("370921109", "370921110"));
    Map<String, String> key = Map.of("Idempotency-Key", "duty-api-" + System.nanoTime());
    Http.Answer created = http().send("POST", "/api/duty-requests", "ningyangdept", body, key);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    String id = created.json().path("id").asText();
    assertThat(created.header("Location")).isEqualTo("/api/duty-requests/" + id);
    assertThat(created.json().path("status").asText()).isEqualTo("HEARING");
    assertThat(created.json().path("stages").toString()).isEqualTo("[\"townshipOpinion\"]");
    Http.Answer again = http().send("POST", "/api/duty-requests", "ningyangdept", body, key);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().path("id").asText()).isEqualTo(id);

    for (String reader : List.of("ningyangdept", "ningyanggov", "taian", "shandongapprover", "ciyao", "huafeng")) {
      assertThat(http().get("/api/duty-requests/" + id, reader).status()).as(reader).isEqualTo(200);
    }
    // another county's department and government, another township of the same county, another province: nothing
    for (String stranger : List.of("xintaidept", "xintaigov", support.township("370921111"), "tongweigov", "pingxiang",
        "gansuapprover")) {
      assertThat(http().get("/api/duty-requests/" + id, stranger).status()).as(stranger).isEqualTo(404);
      assertThat(http().get("/api/duty-requests?size=200", stranger).json().path("items").toString()).as(stranger).doesNotContain(id);
      assertThat(http().get("/api/records/" + DutyKeys.PROCESS + "/" + id, stranger).status()).as(stranger).isEqualTo(404);
    }
    assertThat(http().get("/api/duty-requests?townshipCode=370921109&size=200", "ciyao").json().path("items").toString()).contains(id);
    assertThat(http().get("/api/records/" + DutyKeys.PROCESS + "/" + id, "ciyao").status()).isEqualTo(200);
    assertThat(http().get("/api/duty-requests/" + id, null).status()).isEqualTo(401);
  }

  @Test
  void shouldListAnApprovedDutyForEachTownshipAndShowTheListToItsRegionAndTheTownshipOnly() {
    DutyView d = support.create("tongweidept", DutyFixtures.tongwei("621121105", "621121106"));
    support.opinion(d.processInstanceId(), "621121105", "APPROVE", null);
    support.opinion(d.processInstanceId(), "621121106", "APPROVE", null);
    support.complete("tongweigov", d.processInstanceId(), DutyKeys.COUNTY_APPROVAL, Map.of("decision", "APPROVE"));

    String official = support.township("621121105");
    Http.Answer list = http().get("/api/townships/621121105/duties", official);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("townshipName").asText()).isEqualTo("义岗川镇");
    JsonNode duty = list.json().path("duties").get(0);
    assertThat(duty.path("id").asText()).isEqualTo(d.id());
    assertThat(duty.path("department").asText()).isEqualTo("通渭县农业农村局");
    assertThat(duty.path("funds").asText()).isEqualTo("县财政安排工作经费每镇3万元");
    for (String reader : List.of("tongweidept", "tongweigov", "dingxiapprover", "gansuapprover")) {
      assertThat(http().get("/api/townships/621121105/duties", reader).status()).as(reader).isEqualTo(200);
    }
    for (String stranger : List.of(support.township("621121106"), "ningyanggov", "shandongapprover", "ciyao")) {
      assertThat(http().get("/api/townships/621121105/duties", stranger).status()).as(stranger).isEqualTo(404);
    }
    assertThat(http().get("/api/townships/999999999/duties", "tongweigov").status()).isEqualTo(404);
    assertThat(http().get("/api/townships/62112110x/duties", "tongweigov").status()).isEqualTo(400);
  }

  @Test
  void shouldRefuseHostileInputNamingTheFieldAndStoreNothing() {
    long before = stored();
    String good = json(DutyFixtures.ningyang("370921206"));
    Map<String, String> cases = Map.of(
        "title", good.replace("农村危房改造摸底排查", "<script>alert(1)</script>"),
        "townshipCodes[0]", good.replace("370921206", "621121100"),
        "countyCode", good.replace("\"370921\"", "\"999999\""),
        "basis.number", good.replace("\"basis\":null", "\"forms\":[\"ACCEPTANCE_CHECK\"],\"basis\":{\"name\":\"某文件\",\"number\":\"' or 1=1 --\",\"issuer\":\"CENTRAL\"}")
            .replace("\"forms\":[],", ""),
        "goal", good.replace("2027年6月底前完成农村危房摸底排查", "x".repeat(1001)));
    cases.forEach((field, body) -> {
      Http.Answer a = http().post("/api/duty-requests", "ningyangdept", body);
      assertThat(a.status()).as(field + ": " + a.raw().body()).isEqualTo(400);
      assertThat(a.header("Content-Type")).startsWith("application/problem+json");
      assertThat(a.json().path("errors").toString()).as(field).contains("\"field\":\"" + field + "\"");
    });
    assertThat(http().post("/api/duty-requests", "ningyangdept", "{\"title\": ").status()).isEqualTo(400);
    assertThat(http().post("/api/duty-requests", "ningyangdept", good.replace("\"title\"", "\"unknown\":1,\"title\"")).status()).isEqualTo(400);
    assertThat(http().post("/api/duty-requests", "ningyangdept", good.replace("\"2030-06-30\"", "\"明年\"")).status()).isEqualTo(400);
    assertThat(http().get("/api/duty-requests?size=100000", "ningyangdept").status()).isEqualTo(400);
    // roles: a drafter is no county department; another county's department cannot act for this county
    assertThat(http().post("/api/duty-requests", "ningyang", good).status()).isEqualTo(403);
    assertThat(http().post("/api/duty-requests", "xintaidept", good).status()).isEqualTo(403);
    assertThat(http().post("/api/duty-requests", null, good).status()).isEqualTo(401);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void shouldStartFromTheFormAsTasklistDoesAndRefuseAFormMissingAnElementWithItsClause() {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(DutyKeys.PROCESS)
        .latestVersion().singleResult().getId();
    Map<String, Object> fields = new java.util.HashMap<>(DutyFormValues.of(DutyFixtures.ningyang("370921001", "370921002")));
    fields.put("staff", null);
    String variables = Http.json(Map.of("variables", fields.entrySet().stream().filter(e -> e.getValue() != null)
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Map.of("value", e.getValue())))));
    long before = stored();
    Http.Answer refused = http().post("/engine-rest/process-definition/" + definition + "/submit-form", "ningyangdept", variables);
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
    assertThat(refused.raw().body()).contains("未写明人员保障").contains("济南市实施意见 二(四)1");
    assertThat(stored()).isEqualTo(before);

    fields.put("staff", "县住建局派2名技术人员驻镇指导");
    variables = Http.json(Map.of("variables", fields.entrySet().stream().filter(e -> e.getValue() != null)
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Map.of("value", e.getValue())))));
    Http.Answer started = http().post("/engine-rest/process-definition/" + definition + "/submit-form", "ningyangdept", variables);
    assertThat(started.status()).as(started.raw().body()).isEqualTo(200);
    String id = started.json().path("businessKey").asText();
    JsonNode view = http().get("/api/duty-requests/" + id, "ningyanggov").json();
    assertThat(view.path("townships").toString()).contains("文庙街道").contains("八仙桥街道");
    assertThat(view.path("request").path("staff").asText()).isEqualTo("县住建局派2名技术人员驻镇指导");
    // the township's official finds the task in Tasklist's query and its form is the deployed reviewDuty
    String official = support.township("370921001");
    JsonNode tasks = http().get("/engine-rest/task?processInstanceBusinessKey=" + id + "&maxResults=10", official).json();
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo(DutyKeys.TOWNSHIP_OPINION);
    Http.Answer form = http().get("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/form", official);
    assertThat(form.json().path("camundaFormRef").path("key").asText()).isEqualTo("reviewDuty");
  }

  @Test
  void shouldReviseOnlyWhileBackWithTheDepartment() {
    DutyView d = support.create("ningyangdept", DutyFixtures.ningyang("370921002"));
    String body = json(DutyFixtures.ningyang("370921002"));
    assertThat(http().send("PUT", "/api/duty-requests/" + d.id(), "ningyangdept", body, Map.of()).status()).isEqualTo(409);
    support.opinion(d.processInstanceId(), "370921002", "APPROVE", null);
    support.complete("ningyanggov", d.processInstanceId(), DutyKeys.COUNTY_APPROVAL, Map.of("decision", "RETURN", "opinion", "期限提前。"));
    String missingTraining = body.replace("\"开展业务培训2次\"", "null");
    Http.Answer refused = http().send("PUT", "/api/duty-requests/" + d.id(), "ningyangdept", missingTraining, Map.of());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").toString()).contains("\"field\":\"training\"");
    assertThat(http().send("PUT", "/api/duty-requests/" + d.id(), "ningyanggov", body, Map.of()).status()).isEqualTo(403);
    Http.Answer revised = http().send("PUT", "/api/duty-requests/" + d.id(), "ningyangdept", body.replace("2030-06-30", "2029-12-31"), Map.of());
    assertThat(revised.status()).isEqualTo(200);
    assertThat(revised.json().path("version").asInt()).isEqualTo(2);
    assertThat(revised.json().path("request").path("deadline").asText()).isEqualTo("2029-12-31");
  }
}
