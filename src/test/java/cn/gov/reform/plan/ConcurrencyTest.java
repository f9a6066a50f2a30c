package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.support.Http;

/** Two callers doing the same thing at the same moment: one plan per Idempotency-Key, one decision per task. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrencyTest {

  /** A second reviewer of 泰安市编办, so two officials can take the same task. */
  private static final String SECOND_REVIEWER = "taianreviewer2";
  private static final int CALLERS = 6;

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  Http http;
  ExecutorService pool;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    pool = Executors.newFixedThreadPool(CALLERS);
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(SECOND_REVIEWER).count() == 0) {
      User u = identity.newUser(SECOND_REVIEWER);
      u.setFirstName("第二审核人");
      u.setLastName("泰安");
      u.setPassword(PlanFixtures.PASSWORD);
      identity.saveUser(u);
      identity.createMembership(SECOND_REVIEWER, "reviewer370900");
    }
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  @Test
  void shouldCreateOnePlanAndOneInstanceWhenTheSameIdempotencyKeyArrivesAtOnce() throws Exception {
    for (int round = 0; round < 5; round++) {
      PlanRequest p = PlanFixtures.ningyangPlan();
      String title = p.title() + "（并发" + System.nanoTime() + "）";
      String body = Http.json(new PlanRequest(title, p.planType(), p.countyCode(), p.deadline(), p.townships()));
      Map<String, String> key = Map.of("Idempotency-Key", "ningyang-concurrent-" + System.nanoTime());

      List<Http.Answer> answers = atOnce(CALLERS, i -> http.send("POST", "/api/plans", "ningyang", body, key));

      List<String> ids = new ArrayList<>();
      for (Http.Answer a : answers) {
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        ids.add(a.json().get("id").asText());
      }
      assertThat(ids).as("every caller gets the one plan").containsOnly(ids.get(0));
      assertThat(answers.stream().filter(a -> "false".equals(a.header("Idempotent-Replayed")))).hasSize(1);
      assertThat(jdbc.queryForObject("select count(*) from app_plan where title = ?", Long.class, title)).isEqualTo(1);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ids.get(0)).count())
          .isEqualTo(1);
      JsonNode plan = http.get("/api/plans/" + ids.get(0), "ningyang").json();
      assertThat(plan.get("timeline").findValuesAsText("stage")).containsOnlyOnce("planStarted");
    }
  }

  @Test
  void shouldLetOneOfTwoReviewersDecideWhenBothCompleteTheSameTaskAtOnce() throws Exception {
    for (int round = 0; round < 4; round++) {
      JsonNode created = http.post("/api/plans", "ningyang", Http.json(PlanFixtures.ningyangPlan())).json();
      String id = created.get("id").asText();
      String pi = created.get("processInstanceId").asText();
      support.runJobs(pi);
      String taskId = support.task(pi, "cityReview").getId();
      String path = "/engine-rest/task/" + taskId + "/complete";
      String approve = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}";
      String ret = "{\"variables\":{\"decision\":{\"value\":\"RETURN\"},\"opinion\":{\"value\":\"请补充编制说明\"}}}";

      List<Http.Answer> answers = atOnce(2, i -> i == 0 ? http.post(path, "taian", approve) : http.post(path, SECOND_REVIEWER, ret));

      List<Integer> statuses = answers.stream().map(Http.Answer::status).sorted().toList();
      assertThat(statuses).as(answers.get(0).raw().body() + " / " + answers.get(1).raw().body()).hasSize(2);
      assertThat(statuses.get(0)).as("the winner").isEqualTo(204);
      assertThat(statuses.get(1)).as("the other official").isIn(404, 409);
      Http.Answer loser = answers.stream().filter(a -> a.status() != 204).findFirst().orElseThrow();
      assertThat(loser.header("Content-Type")).startsWith("application/problem+json");
      assertThat(loser.json().get("status").asInt()).isEqualTo(loser.status());
      assertThat(loser.json().get("detail").asText()).contains("该任务已由他人处理");
      assertThat(loser.raw().body()).doesNotContain("Exception").doesNotContain("at org.");

      JsonNode plan = http.get("/api/plans/" + id, "taian").json();
      List<JsonNode> decisions = new ArrayList<>();
      plan.get("timeline").forEach(e -> {
        if (e.get("stage").asText().equals("cityReview")) {
          decisions.add(e);
        }
      });
      assertThat(decisions).as("one decision recorded").hasSize(1);
      String winner = answers.get(0).status() == 204 ? "taian" : SECOND_REVIEWER;
      assertThat(decisions.get(0).get("actor").asText()).isEqualTo(winner);
      assertThat(plan.get("stages").toString()).isEqualTo(winner.equals("taian") ? "[\"cityApproval\"]" : "[\"draftPlan\"]");
    }
  }

  @Test
  void shouldAnswerNotFoundWithAClearMessageWhenADecidedTaskIsCompletedAgain() {
    JsonNode created = http.post("/api/plans", "ningyang", Http.json(PlanFixtures.ningyangPlan())).json();
    String pi = created.get("processInstanceId").asText();
    support.runJobs(pi);
    String path = "/engine-rest/task/" + support.task(pi, "cityReview").getId() + "/complete";
    String approve = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}";
    assertThat(http.post(path, "taian", approve).status()).isEqualTo(204);

    Http.Answer again = http.post(path, SECOND_REVIEWER, approve);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    assertThat(again.json().get("detail").asText()).contains("该任务已由他人处理");
    JsonNode plan = http.get("/api/plans/" + created.get("id").asText(), "taian").json();
    assertThat(plan.get("timeline").findValuesAsText("stage")).containsOnlyOnce("cityReview");
  }

  @Test
  void shouldTellATasklistUserThatTheTaskWasAlreadyDealtWith() throws Exception {
    JsonNode created = http.post("/api/plans", "ningyang", Http.json(PlanFixtures.ningyangPlan())).json();
    String pi = created.get("processInstanceId").asText();
    support.runJobs(pi);
    String taskId = support.task(pi, "cityReview").getId();
    Tasklist tasklist = Tasklist.login(port, SECOND_REVIEWER);
    assertThat(http.post("/engine-rest/task/" + taskId + "/complete", "taian",
        "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}").status()).isEqualTo(204);

    HttpResponse<String> late = tasklist.post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
        "{\"variables\":{\"decision\":{\"value\":\"RETURN\"},\"opinion\":{\"value\":\"请补充\"}}}");
    assertThat(late.statusCode()).as(late.body()).isEqualTo(404);
    assertThat(late.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode problem = new ObjectMapper().readTree(late.body());
    assertThat(problem.get("message").asText()).contains("该任务已由他人处理");
    JsonNode plan = http.get("/api/plans/" + created.get("id").asText(), "taian").json();
    assertThat(plan.get("timeline").findValuesAsText("stage")).containsOnlyOnce("cityReview");
    assertThat(plan.get("stages").toString()).isEqualTo("[\"cityApproval\"]");
  }

  /** A browser session in Tasklist: its cookies and the CSRF token the webapps require on every change. */
  record Tasklist(int port, HttpClient client, String csrf) {

    static Tasklist login(int port, String user) throws Exception {
      HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      HttpResponse<String> page = client.send(request(port, "/camunda/app/tasklist/default/").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow(() -> new AssertionError("no CSRF token"));
      HttpResponse<String> login = client.send(request(port, "/camunda/api/admin/auth/user/default/login/tasklist")
          .header("X-XSRF-TOKEN", csrf).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PlanFixtures.PASSWORD))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      // the session is renewed at login; its token comes with the next read, as for the Tasklist page
      HttpResponse<String> me = client.send(request(port, "/camunda/api/admin/auth/user/default").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      String token = me.headers().firstValue("X-XSRF-TOKEN").orElseThrow(() -> new AssertionError("no CSRF token after login"));
      return new Tasklist(port, client, token);
    }

    HttpResponse<String> post(String path, String json) throws Exception {
      return client.send(request(port, path).header("X-XSRF-TOKEN", csrf).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder request(int port, String path) {
      return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }
  }

  interface Call<T> {
    T call(int caller) throws Exception;
  }

  /** Runs the calls released together by a barrier; answers in caller order. */
  private <T> List<T> atOnce(int callers, Call<T> call) throws Exception {
    CyclicBarrier start = new CyclicBarrier(callers);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      int caller = i;
      Callable<T> task = () -> {
        start.await();
        return call.call(caller);
      };
      futures.add(pool.submit(task));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get());
    }
    return results;
  }
}
