package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.identity.IdentitySeeder;
import cn.gov.reform.plan.Chains.Chain;
import cn.gov.reform.plan.Chains.Step;
import cn.gov.reform.plan.Chains.Worker;
import cn.gov.reform.support.Http;

/**
 * Each documented chain the way its officials work it: the county creates the plan over {@code /api}, every
 * official finds the task in Tasklist's shared filter 我的待办, opens its form and completes it over engine REST.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApprovalChainsApiTest {

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.gov.reform.plan.Chains#all")
  void shouldCarryEveryChainToItsEndThroughTheApiTasklistAndEngineRest(Chain chain) {
    Http.Answer created = http.post("/api/plans", chain.drafter(), Http.json(chain.plan().get()));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    String pi = created.json().get("processInstanceId").asText();
    support.runJobs(pi);

    for (Step step : chain.steps()) {
      JsonNode plan = http.get("/api/plans/" + id, step.worker().user()).json();
      assertThat(plan.get("status").asText()).isEqualTo("IN_REVIEW");
      assertThat(plan.get("stages").toString()).contains("\"" + step.stage() + "\"");
      List<Worker> workers = new ArrayList<>(List.of(step.worker()));
      if (step.stage().equals(ProcessKeys.PROVINCE_REVIEW)) {
        workers.addAll(Chains.JILIN_DEPARTMENTS);
      }
      for (Worker worker : workers) {
        JsonNode task = myTask(worker.user(), pi);
        assertThat(task.get("taskDefinitionKey").asText())
            .isEqualTo(worker == step.worker() ? step.stage() : ProcessKeys.DEPARTMENT_REVIEW);
        String taskId = task.get("id").asText();
        assertThat(http.get("/engine-rest/task/" + taskId + "/form", worker.user()).json().at("/camundaFormRef/key").asText())
            .isNotBlank();
        String decision = step.stage().equals(ProcessKeys.PROVINCE_FILING) ? "FILE" : "APPROVE";
        Http.Answer done = http.post("/engine-rest/task/" + taskId + "/complete", worker.user(),
            "{\"variables\":{\"decision\":{\"value\":\"" + decision + "\"}}}");
        assertThat(done.status()).as(done.raw().body()).isEqualTo(204);
      }
    }

    JsonNode finished = http.get("/api/plans/" + id, chain.drafter()).json();
    assertThat(finished.get("status").asText()).isEqualTo(chain.end().name());
    assertThat(finished.get("stages")).isEmpty();
  }

  /** The user's one open task of this plan in the shared Tasklist filter 我的待办 (tasks of the user's groups). */
  private JsonNode myTask(String user, String processInstanceId) {
    String name = URLEncoder.encode(IdentitySeeder.FILTER_MY_TASKS, StandardCharsets.UTF_8);
    String filterId = http.get("/engine-rest/filter?resourceType=Task&name=" + name + "&maxResults=10", user).json()
        .get(0).get("id").asText();
    JsonNode tasks = http.post("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=100", user, "{}").json();
    List<JsonNode> mine = StreamSupport.stream(tasks.spliterator(), false)
        .filter(t -> t.get("processInstanceId").asText().equals(processInstanceId)).toList();
    assertThat(mine).as("%s's tasks of the plan in 我的待办", user).hasSize(1);
    return mine.get(0);
  }
}
