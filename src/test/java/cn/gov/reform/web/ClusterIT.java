package cn.gov.reform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.ReformApprovalApplication;
import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.plan.PlanRequest;
import cn.gov.reform.support.AppNodes;
import cn.gov.reform.support.Http;

/**
 * Two app instances — separate JVMs on different ports, job executors on — sharing one PostgreSQL, the
 * way Camunda 7 scales out, carry a batch of plans together: validation jobs and deadline timers run on
 * whichever node acquires them, once; filing numbers stay unique; no plan is stuck. Runs in
 * {@code mvn verify -Ppostgres} (failsafe). Waiting here is for the nodes' job executors, which this
 * JVM cannot drive, so it polls with a bound instead of moving a clock.
 */
class ClusterIT {

  private static final int PLANS = 12;
  private static final AppNodes NODES = new AppNodes();
  private static Http nodeA;
  private static Http nodeB;

  @BeforeAll
  static void startTwoNodes() throws IOException {
    // one after the other, as a cluster is rolled out: the first creates the schema on an empty database
    nodeA = NODES.start("cluster-node-a").http();
    nodeB = NODES.start("cluster-node-b").http();
  }

  @AfterAll
  static void stopNodes() throws InterruptedException {
    NODES.close();
  }

  @Test
  void shouldCarryABatchOfPlansTogetherWithEveryTimerOnceAndUniqueFilingNumbers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      LocalDate yesterday = LocalDate.now(java.time.ZoneId.of(ReformApprovalApplication.ZONE)).minusDays(1);
      List<Future<JsonNode>> creating = new ArrayList<>();
      for (int i = 0; i < PLANS; i++) {
        Http node = node(i);
        PlanRequest p = PlanFixtures.ningyangPlan();
        LocalDate deadline = i % 3 == 0 ? yesterday : null;
        String body = Http.json(new PlanRequest(p.title() + "（批次" + i + "）", p.planType(), p.countyCode(), deadline, p.townships()));
        creating.add(pool.submit(() -> node.post("/api/plans", "ningyang", body).json()));
      }
      List<String> ids = new ArrayList<>();
      List<String> instances = new ArrayList<>();
      for (Future<JsonNode> f : creating) {
        ids.add(f.get().get("id").asText());
        instances.add(f.get().get("processInstanceId").asText());
      }
      // validation jobs and the past deadlines' timers run on the nodes' job executors
      for (int i = 0; i < PLANS; i++) {
        String id = ids.get(i);
        boolean late = i % 3 == 0;
        NODES.await("plan " + i + " validated" + (late ? " and flagged overdue" : ""), () -> {
          JsonNode plan = nodeA.get("/api/plans/" + id, "taian").json();
          return plan.get("stages").toString().contains("cityReview")
              && (!late || (plan.get("overdue").asBoolean() && plan.get("stages").toString().contains("supervisePlan")));
        });
      }
      complete(pool, instances, "cityReview", "taian", "{\"decision\":{\"value\":\"APPROVE\"}}");
      complete(pool, instances, "cityApproval", "taianapprover", "{\"decision\":{\"value\":\"APPROVE\"}}");
      complete(pool, instances, "provinceFiling", "shandong", "{\"decision\":{\"value\":\"FILE\"}}");

      Set<String> filingNumbers = new HashSet<>();
      for (int i = 0; i < PLANS; i++) {
        JsonNode plan = node(i + 1).get("/api/plans/" + ids.get(i), "ningyang").json();
        assertThat(plan.get("status").asText()).as("plan %d", i).isEqualTo("FILED");
        filingNumbers.add(plan.get("filingNumber").asText());
        long overdueEntries = 0;
        for (JsonNode e : plan.get("timeline")) {
          overdueEntries += e.get("stage").asText().equals("planOverdue") ? 1 : 0;
        }
        assertThat(overdueEntries).as("deadline timer of plan %d fired once", i).isEqualTo(i % 3 == 0 ? 1 : 0);
        assertThat(nodeA.get("/engine-rest/incident?processInstanceId=" + instances.get(i) + "&maxResults=10",
            "shandongsupervisor").json()).as("incidents of plan %d", i).isEmpty();
        assertThat(nodeB.get("/engine-rest/history/process-instance?processInstanceId=" + instances.get(i) + "&maxResults=1",
            "shandongsupervisor").json().get(0).get("state").asText()).isIn("COMPLETED", "EXTERNALLY_TERMINATED");
      }
      assertThat(filingNumbers).as("filing numbers").hasSize(PLANS).allMatch(n -> n.matches("鲁编备〔\\d{4}〕\\d+号"));
    } finally {
      pool.shutdownNow();
    }
  }

  /** Completes one stage of every plan, half through each node, in parallel. */
  private static void complete(ExecutorService pool, List<String> instances, String taskKey, String user, String variables)
      throws Exception {
    List<Future<Integer>> done = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      Http node = node(i);
      String pi = instances.get(i);
      done.add(pool.submit(() -> {
        JsonNode tasks = node.get("/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=" + taskKey
            + "&maxResults=1", user).json();
        return node.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete", user,
            "{\"variables\":" + variables + "}").status();
      }));
    }
    for (Future<Integer> f : done) {
      assertThat(f.get()).as(taskKey).isEqualTo(204);
    }
  }

  private static Http node(int i) {
    return i % 2 == 0 ? nodeA : nodeB;
  }
}
