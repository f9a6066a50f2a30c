package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.support.Http;

/**
 * Tasklist's 历史 tab of a task lists what was done to it (claimed, completed, by whom), read with the rights the
 * official has on the task itself; the officials of other groups read nothing of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskHistoryTabTest {

  @LocalServerPort int port;
  @Autowired PlanFixtures support;

  @Test
  void shouldShowTheTasksOperationsToWhoeverMayWorkIt() {
    Http http = new Http(port);
    String pi = http.post("/api/plans", "ningyang", Http.json(PlanFixtures.ningyangPlan())).json().get("processInstanceId").asText();
    support.runJobs(pi);
    String taskId = support.task(pi, "cityReview").getId();
    assertThat(http.post("/engine-rest/task/" + taskId + "/claim", "taian", "{\"userId\":\"taian\"}").status()).isEqualTo(204);

    // what Tasklist's 历史 tab asks
    String tab = "/engine-rest/history/user-operation?taskId=" + taskId + "&sortBy=timestamp&sortOrder=desc&maxResults=50";
    assertThat(operations(http.get(tab, "taian"))).as("taian claimed it").contains("Claim/taian");
    assertThat(operations(http.get(tab, "jinan"))).as("济南's reviewer has no right to the task").isEmpty();
  }

  private static List<String> operations(Http.Answer answer) {
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    List<String> ops = new ArrayList<>();
    for (JsonNode e : answer.json()) {
      ops.add(e.path("operationType").asText() + "/" + e.path("userId").asText());
    }
    return ops;
  }
}
