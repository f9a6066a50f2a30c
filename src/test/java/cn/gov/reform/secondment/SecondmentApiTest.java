package cn.gov.reform.secondment;

import static cn.gov.reform.secondment.SecondmentFixtures.person;
import static cn.gov.reform.secondment.SecondmentFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

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
 * {@code /api/secondments} as the requesting bodies and the officials use it: create once per Idempotency-Key, read, list and
 * findings within one's region or township — another county's, city's, province's or township's officials see nothing, over
 * the API (404, empty lists) and in Tasklist; hostile input refused as problem+json naming the field, nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class SecondmentApiTest {

  @LocalServerPort int port;
  @Autowired SecondmentFixtures support;
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

  @Test
  void shouldCreateASecondmentOncePerIdempotencyKeyAndShowItToItsRegionAndTownshipOnly() {
    String body = Http.json(SecondmentFixtures.json(request("370921109")));
    Http.Answer created = http.send("POST", "/api/secondments", "ningyangrequester", body, Map.of("Idempotency-Key", "ny-sec-1"));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.header("Location")).isEqualTo("/api/secondments/" + id);
    assertThat(created.json().get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(created.json().get("region").asText()).isEqualTo("山东省 · 泰安市 · 宁阳县 · 磁窑镇");
    Http.Answer again = http.send("POST", "/api/secondments", "ningyangrequester", body, Map.of("Idempotency-Key", "ny-sec-1"));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().get("id").asText()).isEqualTo(id);
    assertThat(jdbc.queryForObject("select count(*) from app_secondment where person_id = ?", Long.class,
        created.json().get("personId").asText())).isEqualTo(1);
    String pi = created.json().get("processInstanceId").asText();
    support.runJobs(pi);

    JsonNode read = http.get("/api/secondments/" + id, "ciyao").json();
    assertThat(read.get("stages").toString()).isEqualTo("[\"townshipConsent\"]");
    assertThat(read.get("timeline").toString()).contains("借调规则校验");
    for (String reader : new String[] {"ningyangrequester", "ciyao", "ningyangorg", "ningyanggov", "taian", "shandongsupervisor"}) {
      assertThat(http.get("/api/secondments/" + id, reader).status()).as(reader).isEqualTo(200);
      assertThat(http.get("/api/secondments/" + id + "/findings", reader).status()).as(reader).isEqualTo(200);
    }
    // another township of the county, another county, city and province
    for (String stranger : new String[] {"geshi", "dongpingrequester", "dongpingorg", "licheng", "tongweirequester", "pingxiang",
        "dingxiapprover"}) {
      Http.Answer hidden = http.get("/api/secondments/" + id, stranger);
      assertThat(hidden.status()).as(stranger).isEqualTo(404);
      assertThat(hidden.header("Content-Type")).startsWith("application/problem+json");
      assertThat(http.get("/api/secondments/" + id + "/findings", stranger).status()).as(stranger).isEqualTo(404);
      assertThat(http.get("/api/secondments?townshipCode=370921109", stranger).json().get("items").toString())
          .as(stranger).doesNotContain(id);
      assertThat(support.tasksSeenBy(stranger, pi)).as(stranger + " in Tasklist").isZero();
    }
    assertThat(support.tasksSeenBy("ciyao", pi)).as("the township's own officials").isEqualTo(1);

    JsonNode page = http.get("/api/secondments?townshipCode=370921109&status=IN_REVIEW&size=200", "ciyao").json();
    assertThat(page.get("items").toString()).contains(id);
    assertThat(page.get("items")).allSatisfy(i -> assertThat(i.get("townshipCode").asText()).isEqualTo("370921109"));
    assertThat(http.get("/api/secondments?size=200", "geshi").json().get("items")).allSatisfy(i ->
        assertThat(i.get("townshipCode").asText()).as("a township sees only its own").isEqualTo("370921111"));
    assertThat(http.get("/api/secondments?personId=" + created.json().get("personId").asText(), "taian").json()
        .get("total").asLong()).as("the city sees its counties'").isEqualTo(1);
    assertThat(http.get("/api/secondments/" + id, null).status()).as("no credentials").isEqualTo(401);
  }

  @Test
  void shouldRefuseARequestFromAnyoneButARequestingBody() {
    long before = stored();
    Http.Answer township = http.post("/api/secondments", "ciyao", Http.json(SecondmentFixtures.json(request("370921109"))));
    assertThat(township.status()).isEqualTo(403);
    assertThat(township.json().get("detail").asText()).contains("只有借调申请单位");
    assertThat(http.post("/api/secondments", "ningyangorg", Http.json(SecondmentFixtures.json(request("370921109")))).status())
        .isEqualTo(403);
    assertThat(stored()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "endDate|2026-03-10|不能早于开始日期",
      "startDate|2026-02-27|不能早于今天",
      "startedInTownship|2026-12-01|应在1950-01-01至今天",
      "townshipCode|999999999|未知的乡镇（街道）代码",
      "townshipCode|621121100|不在申请单位所辖的宁阳县",
      "townshipCode|37092110|应为9位乡镇（街道）代码",
      "personId|张三|应为1—32位字母或数字",
      "personName|<script>alert(1)</script>|不能包含尖括号",
      "endDate|2036-03-16|超过5年",
      "requestingBody||不能为空"})
  void shouldRefuseHostileInputNamingTheFieldAndStoreNothing(String field, String value, String message) {
    Map<String, Object> body = new LinkedHashMap<>(SecondmentFixtures.json(request("370921111")));
    body.put(field, value);
    long before = stored();
    Http.Answer answer = http.post("/api/secondments", "ningyangrequester", Http.json(body));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.json().get("errors")).anySatisfy(e -> {
      assertThat(e.get("field").asText()).isEqualTo(field);
      assertThat(e.get("message").asText()).contains(message);
    });
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void shouldRefuseOversizedUnreadableAndUnknownInput() {
    long before = stored();
    Map<String, Object> body = new LinkedHashMap<>(SecondmentFixtures.json(request("370921111")));
    body.put("reason", "很".repeat(1001));
    body.put("personName", "张".repeat(51));
    Http.Answer oversize = http.post("/api/secondments", "ningyangrequester", Http.json(body));
    assertThat(oversize.status()).isEqualTo(400);
    assertThat(oversize.json().get("errors").toString()).contains("reason").contains("不能超过1000字").contains("personName");

    body = new LinkedHashMap<>(SecondmentFixtures.json(request("370921111")));
    body.put("startDate", "2026-13-45");
    Http.Answer badDate = http.post("/api/secondments", "ningyangrequester", Http.json(body));
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.json().get("errors").get(0).get("field").asText()).isEqualTo("startDate");

    body = new LinkedHashMap<>(SecondmentFixtures.json(request("370921111")));
    body.put("salary", 5000);
    assertThat(http.post("/api/secondments", "ningyangrequester", Http.json(body)).json().get("errors").get(0).get("field").asText())
        .isEqualTo("salary");
    assertThat(http.post("/api/secondments", "ningyangrequester", "{\"personId\": ").status()).isEqualTo(400);
    assertThat(http.send("POST", "/api/secondments", "ningyangrequester", Http.json(SecondmentFixtures.json(request("370921111"))),
        Map.of("Idempotency-Key", "k".repeat(201))).status()).isEqualTo(400);
    assertThat(http.get("/api/secondments?townshipCode=37092&size=0", "ningyangrequester").json().get("errors").size())
        .isEqualTo(2);
    assertThat(http.get("/api/secondments?status=GONE", "ningyangrequester").status()).isEqualTo(400);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void shouldRefuseAStartFormWithBadDatesInTasklistTerms() {
    Map<String, Object> form = new LinkedHashMap<>(SecondmentFixtures.json(request(person(), "370921111", "2020-01-02",
        "2026-03-16", "2026-03-01", null)));
    form.remove("specialJustification");
    String definition = "/engine-rest/process-definition/key/" + SecondmentKeys.PROCESS;
    assertThat(http.get(definition + "/startForm", "ningyangrequester").json().toString()).contains("secondmentStart");
    long before = stored();
    Map<String, Object> variables = new LinkedHashMap<>();
    form.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    Http.Answer bad = http.post(definition + "/submit-form", "ningyangrequester", Http.json(Map.of("variables", variables)));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("detail").asText()).contains("“借调结束日期”借调结束日期（2026-03-01）不能早于开始日期");
    assertThat(stored()).isEqualTo(before);
    variables.put("endDate", Map.of("value", "2026-07-31"));
    assertThat(http.post(definition + "/submit-form", "ciyao", Http.json(Map.of("variables", variables))).status())
        .as("not a requesting body").isEqualTo(403);
    Http.Answer started = http.post(definition + "/submit-form", "ningyangrequester", Http.json(Map.of("variables", variables)));
    assertThat(started.status()).isEqualTo(200);
    assertThat(stored()).isEqualTo(before + 1);
  }
}
