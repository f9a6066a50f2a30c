package cn.gov.reform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.plan.PlanRequest;
import cn.gov.reform.support.Http;

/**
 * PostgreSQL goes away in the middle of a batch of plan creations and decisions (its database stops accepting
 * connections and every connection of the app is terminated, as in a restart), then comes back. Meanwhile every request
 * is answered 503 数据库暂时不可用 with Retry-After (problem+json, no trace) or succeeds; health is DOWN, then UP again.
 * Afterwards every accepted creation exists exactly once with its process instance, a refused one is there whole or
 * not at all and, retried with its Idempotency-Key, exists exactly once,
 * a decision refused during the outage left its task open, and the validation jobs run. PostgreSQL profile only
 * (failsafe, its own JVM: it cuts its own database off).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
class DatabaseOutageIT {

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Value("${spring.datasource.url}") String url;
  @Value("${spring.datasource.username}") String user;
  @Value("${spring.datasource.password:}") String password;

  private String database() {
    String path = url.substring(url.lastIndexOf('/') + 1);
    return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
  }

  /** A connection to the server's maintenance database, which stays open while the app's database is cut off. */
  private void admin(String... statements) {
    try (Connection c = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres", user, password);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private void cutOff() {
    admin("alter database \"" + database() + "\" allow_connections false",
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database() + "' and pid <> pg_backend_pid()");
  }

  private void restore() {
    admin("alter database \"" + database() + "\" allow_connections true");
  }

  private record Outcome(String title, String key, int status, String id) {}

  @Test
  void shouldAnswer503DuringAnOutageAndKeepEveryAcceptedRequestExactlyOnce() throws Exception {
    Http http = new Http(port);
    String run = Long.toString(System.nanoTime() % 1_000_000);
    String pi = http.post("/api/plans", "ningyang:" + PlanFixtures.PASSWORD, Http.json(plan("停电前 " + run))).json()
        .get("processInstanceId").asText();
    support.runJobs(pi);
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();

    List<Outcome> outcomes = new ArrayList<>();
    AtomicInteger done = new AtomicInteger();
    Map<Integer, Boolean> statuses = new ConcurrentHashMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<Outcome>> sent = new ArrayList<>();
    try {
      for (int i = 0; i < 24; i++) {
        String title = "停电演练 " + run + " 第" + i + "件";
        sent.add(threads.submit(() -> {
          String key = "outage-" + title.hashCode() + "-" + run;
          Http.Answer a = http.send("POST", "/api/plans", "ningyang:" + PlanFixtures.PASSWORD, Http.json(plan(title)),
              Map.of("Idempotency-Key", key));
          statuses.put(a.status(), true);
          if (a.status() == 503) {
            assertThat(a.header("Content-Type")).startsWith("application/problem+json");
            assertThat(a.header("Retry-After")).isEqualTo("10");
            assertThat(a.json().get("title").asText()).isEqualTo("数据库暂时不可用");
            assertThat(a.raw().body()).doesNotContain("Exception", "at org.");
          }
          done.incrementAndGet();
          return new Outcome(title, key, a.status(), a.status() == 201 ? a.json().get("id").asText() : null);
        }));
      }
      await(() -> done.get() >= 6, Duration.ofSeconds(60));
      cutOff();
      try {
        Http.Answer health = http.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(503);
        Http.Answer decision = http.post("/engine-rest/task/" + taskId + "/complete", "taian:" + PlanFixtures.PASSWORD,
            "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");
        assertThat(decision.status()).as(decision.raw().body()).isEqualTo(503);
        assertThat(decision.json().get("message").asText()).contains("确认本次操作是否已生效");
        await(() -> statuses.containsKey(503), Duration.ofSeconds(60));
      } finally {
        restore();
      }
      await(() -> http.get("/actuator/health", null).status() == 200, Duration.ofSeconds(60));
      for (Future<Outcome> f : sent) {
        outcomes.add(f.get());
      }
    } finally {
      threads.shutdownNow();
      restore();
    }

    assertThat(outcomes).extracting(Outcome::status).as("accepted or refused as unavailable, never a 500").containsOnly(201, 503)
        .contains(201, 503);
    // nothing half-written: a plan is there with its approval, or not at all; a refused creation whose commit reached the
    // database before the connection broke is there already, so a client retries with its Idempotency-Key as told
    // (Retry-After) and gets the one plan — never a second
    List<Outcome> settled = new ArrayList<>();
    for (Outcome o : outcomes) {
      long rows = jdbc.queryForObject("select count(*) from app_plan where title = ?", Long.class, o.title());
      assertThat(rows).as(o.title() + ": at most once").isLessThanOrEqualTo(1);
      if (o.status() == 201) {
        assertThat(rows).as(o.title() + " accepted: exactly once").isEqualTo(1);
        settled.add(o);
      } else {
        Http.Answer retried = http.send("POST", "/api/plans", "ningyang:" + PlanFixtures.PASSWORD, Http.json(plan(o.title())),
            Map.of("Idempotency-Key", o.key()));
        assertThat(retried.status()).as(o.title() + " retried with its key").isIn(200, 201);
        settled.add(new Outcome(o.title(), o.key(), 201, retried.json().get("id").asText()));
      }
    }
    for (Outcome o : settled) {
      assertThat(jdbc.queryForObject("select count(*) from app_plan where title = ?", Long.class, o.title()))
          .as(o.title() + ": exactly once").isEqualTo(1);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(o.id()).count())
          .as(o.title() + " has its approval").isEqualTo(1);
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).as("the refused decision left the task open")
        .isEqualTo(1);
    // the jobs of the accepted plans run afterwards: each reaches the city's review
    for (Outcome o : settled) {
      if (o.status() == 201) {
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(o.id()).singleResult().getId();
        support.runJobs(instance);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
            .isEqualTo("cityReview");
      }
    }
    assertThat(http.post("/engine-rest/task/" + taskId + "/claim", "taian:" + PlanFixtures.PASSWORD, "{\"userId\":\"taian\"}").status())
        .isEqualTo(204);
  }

  private static PlanRequest plan(String title) {
    PlanRequest p = PlanFixtures.ningyangPlan();
    return new PlanRequest(title, p.planType(), p.countyCode(), p.deadline(), p.townships());
  }

  private static void await(java.util.function.BooleanSupplier condition, Duration patience) throws InterruptedException {
    Instant until = Instant.now().plus(patience);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited " + patience).isBefore(until);
      Thread.sleep(100);
    }
  }
}
