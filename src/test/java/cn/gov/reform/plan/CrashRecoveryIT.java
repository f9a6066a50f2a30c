package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.support.AppNodes;
import cn.gov.reform.support.Http;

/**
 * The app killed in the middle of the policy-check job (node A halts its JVM after the check wrote its
 * rows, before the commit) continues on the next start (node B) with nothing lost and nothing done twice:
 * the plan moves on to 市编办审核, its findings are stored once, the check is in its timeline once, and it
 * has one process instance. Runs in {@code mvn verify -Ppostgres} (failsafe) on the PostgreSQL of DB_URL.
 * Waiting here is for the nodes' job executors, which this JVM cannot drive, so it polls with a bound.
 */
class CrashRecoveryIT {

  private static final AppNodes NODES = new AppNodes();

  @AfterAll
  static void stopNodes() throws InterruptedException {
    NODES.close();
  }

  @Test
  void shouldContinueAValidationCutOffByACrashOnceAfterRestart() throws Exception {
    String marker = "断电" + System.nanoTime();
    AppNodes.Node started = NODES.start("crash-a", "--app.test.halt-during-validation=" + marker,
        "--camunda.bpm.job-execution.lock-time-in-millis=5000");
    Http nodeA = started.http();
    Process a = started.process();
    NODES.expectDeath(a);

    PlanRequest p = PlanFixtures.zhengdingPlan();
    String title = p.title() + "（" + marker + "）";
    try {
      nodeA.post("/api/plans", "zhengding", Http.json(new PlanRequest(title, p.planType(), p.countyCode(), p.deadline(),
          p.townships())));
    } catch (AssertionError answerCutOff) {
      // the node may die before its answer is sent: the plan was committed before the check's job started
    }

    assertThat(a.waitFor(AppNodes.PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("node a died during the check").isTrue();
    assertThat(a.exitValue()).as("halted by the test hook").isEqualTo(1);
    // the check's writes died with the transaction; the job is still there, locked by the dead node
    String id = value("select id from app_plan where title = ?", title);
    String pi = value("select process_instance_id from app_plan where title = ?", title);
    assertThat(count("select count(*) from app_audit_entry where subject_id = ? and stage = 'validatePlan'", id)).isZero();
    assertThat(count("select count(*) from act_ru_job where process_instance_id_ = ? and lock_owner_ is not null", pi))
        .isEqualTo(1);

    Http nodeB = NODES.start("crash-b", "--camunda.bpm.job-execution.max-wait=2000").http();
    NODES.await("plan checked and at 市编办审核 after the restart",
        () -> nodeB.get("/api/plans/" + id, "zhengding").json().get("stages").toString().equals("[\"cityReview\"]"));

    JsonNode plan = nodeB.get("/api/plans/" + id, "shijiazhuang").json();
    assertThat(plan.get("status").asText()).isEqualTo("IN_REVIEW");
    List<String> checks = new ArrayList<>();
    plan.get("timeline").forEach(e -> {
      if (e.get("stage").asText().equals("validatePlan")) {
        checks.add(e.get("decision").asText());
      }
    });
    assertThat(checks).as("the check in the timeline").containsExactly("PASSED");
    // Hebei has no provincial limits: one WARNING, stored once for version 1
    assertThat(plan.get("findings").findValuesAsText("rule")).containsExactly("GEN-NO-PROVINCIAL-LIMITS");
    assertThat(count("select count(*) from app_plan_finding where plan_id = ? and version = 1", id)).isEqualTo(1);
    assertThat(count("select count(*) from act_hi_procinst where business_key_ = ?", id)).isEqualTo(1);
    assertThat(count("select count(*) from act_ru_incident where proc_inst_id_ = ?", pi)).isZero();
  }

  private static long count(String sql, String arg) throws SQLException {
    return Long.parseLong(value(sql, arg));
  }

  /** The one value a query answers, read straight from the database the nodes share. */
  private static String value(String sql, String arg) throws SQLException {
    try (Connection c = DriverManager.getConnection(env("DB_URL", "jdbc:postgresql://localhost:5432/test"),
        env("DB_USER", "postgres"), env("DB_PASSWORD", "")); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, arg);
      try (ResultSet r = s.executeQuery()) {
        assertThat(r.next()).as(sql).isTrue();
        String v = r.getString(1);
        assertThat(r.next()).as(sql + " answers one row").isFalse();
        return v;
      }
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null ? fallback : v;
  }
}
