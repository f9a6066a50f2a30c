package cn.gov.reform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.plan.PlanRequest.Township;
import cn.gov.reform.plan.PlanRequest.Unit;
import cn.gov.reform.plan.PlanRequest;
import cn.gov.reform.support.Http;

/** Markup stays text, filter values stay literals, and a refused request leaves nothing behind. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputTest {

  private static final String MARKUP = "<img src=x onerror=alert(1)>党政综合办公室</textarea><script>alert(2)</script>";

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void shouldKeepMarkupInNamesAsTextInTheApiAndTheForms() {
    Township t = PlanFixtures.compliantTownship("370921112", "东庄镇");
    List<Unit> bodies = new java.util.ArrayList<>(t.bodies());
    bodies.set(0, new Unit(MARKUP, bodies.get(0).staff()));
    Township marked = new Township(t.code(), t.name(), t.kind(), t.category(), t.builtUpPopulation(), bodies,
        t.institutions(), t.administrativeStaff(), t.institutionalStaff(), t.leadershipPositions(),
        t.currentLeadershipPositions());
    PlanRequest plan = new PlanRequest("<b>宁阳县</b>方案", PlanRequest.PlanType.TOWNSHIP, "370921", null, List.of(marked));
    Http.Answer created = http.post("/api/plans", "ningyang", Http.json(plan));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Content-Type")).startsWith("application/json");
    JsonNode json = created.json();
    assertThat(json.get("title").asText()).isEqualTo("<b>宁阳县</b>方案");
    assertThat(json.get("townships").get(0).get("bodies").get(0).get("name").asText()).isEqualTo(MARKUP);

    String pi = json.get("processInstanceId").asText();
    support.runJobs(pi);
    String taskId = support.task(pi, "cityReview").getId();
    // the form shows it in a read-only textarea, which renders text: the value is the literal string
    Object summary = engine.getTaskService().getVariableLocal(taskId, "planSummary");
    assertThat(summary).asString().contains(MARKUP).contains("<b>宁阳县</b>方案");
    JsonNode formVariables = http.get("/engine-rest/task/" + taskId + "/form-variables?variableNames=planSummary", "taian").json();
    assertThat(formVariables.get("planSummary").get("type").asText()).isEqualTo("String");
    assertThat(formVariables.get("planSummary").get("value").asText()).contains(MARKUP);
  }

  @Test
  void shouldTreatOddCharactersInListFiltersAsLiteralsOrRefuseThem() {
    long plans = jdbc.queryForObject("select count(*) from app_plan", Long.class);
    Map<String, Integer> cases = Map.of(
        "/api/plans?countyCode=370921'%20or%20'1'='1", 400,
        "/api/plans?cityCode=3709%25", 400,
        "/api/plans?status=FILED'%20OR%201=1--", 400,
        "/api/plans?overdue=maybe", 400,
        "/api/plans?size=100000", 400,
        "/api/plans?page=-1", 400,
        "/api/plans?countyCode=%00%00%00%00%00%00", 400);
    cases.forEach((path, status) -> {
      Http.Answer a = http.get(path, "taian");
      assertThat(a.status()).as(path).isEqualTo(status);
      assertThat(a.header("Content-Type")).as(path).startsWith("application/problem+json");
      assertThat(a.raw().body()).as(path).doesNotContain("Exception").doesNotContain("SQL");
    });
    // a well-formed code that matches nothing is a literal: an empty page, not everything
    JsonNode none = http.get("/api/plans?countyCode=999999", "taian").json();
    assertThat(none.get("items")).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from app_plan", Long.class)).isEqualTo(plans);
  }

  @Test
  void shouldRefuseAChunkedBodyOverOneMegabyteAndAcceptASmallOne() throws Exception {
    long plans = jdbc.queryForObject("select count(*) from app_plan", Long.class);
    byte[] huge = ("{\"title\":\"" + "长".repeat(400_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(chunked("/api/plans", huge).statusCode()).isEqualTo(413);
    assertThat(chunked("/engine-rest/task", huge).statusCode()).isEqualTo(413);
    byte[] small = Http.json(PlanFixtures.ningyangPlan()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.net.http.HttpResponse<String> ok = chunked("/api/policy/validate", small);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"valid\":true");
    assertThat(jdbc.queryForObject("select count(*) from app_plan", Long.class)).isEqualTo(plans);
  }

  /** POST without Content-Length: the body streams in chunks. */
  private java.net.http.HttpResponse<String> chunked(String path, byte[] body) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            ("ningyang:" + PlanFixtures.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
        .build();
    return java.net.http.HttpClient.newHttpClient().send(request,
        java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
  }
}
