package cn.gov.reform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.plan.PlanRequest;
import cn.gov.reform.support.Http;

/**
 * One tenant per province: a province's officials find its plans on engine REST (runtime, tasks,
 * history) and never another province's, though all plans run on the same shared definitions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantIsolationTest {

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired ProcessEngine engine;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  private List<String> field(String path, String user, String name) {
    Http.Answer a = http.get(path, user);
    assertThat(a.status()).as(path + " as " + user).isEqualTo(200);
    List<String> values = new ArrayList<>();
    for (JsonNode n : a.json()) {
      values.add(n.get(name).asText());
    }
    return values;
  }

  /** A plan sent over /api and checked; its process instance id. */
  private String submitted(String drafter, PlanRequest plan) {
    String pi = http.post("/api/plans", drafter, Http.json(plan)).json().get("processInstanceId").asText();
    support.runJobs(pi);
    return pi;
  }

  @Test
  void shouldShowEachProvinceOnlyItsOwnPlansOnEngineRest() {
    String shandong = submitted("ningyang", PlanFixtures.ningyangPlan());
    String jilin = submitted("nongan", PlanFixtures.nonganDevelopedTown());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(shandong).singleResult().getTenantId())
        .isEqualTo("370000");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(jilin).singleResult().getTenantId())
        .isEqualTo("220000");

    String runtime = "/engine-rest/process-instance?processDefinitionKey=reformPlanApproval&maxResults=500";
    assertThat(field(runtime, "shandongsupervisor", "id")).contains(shandong).doesNotContain(jilin);
    assertThat(field(runtime, "jilinsupervisor", "id")).contains(jilin).doesNotContain(shandong);
    String history = "/engine-rest/history/process-instance?processDefinitionKey=reformPlanApproval&maxResults=500";
    assertThat(field(history, "shandongsupervisor", "id")).contains(shandong).doesNotContain(jilin);
    assertThat(field(history, "jilinsupervisor", "id")).contains(jilin).doesNotContain(shandong);
    assertThat(http.get("/engine-rest/process-instance/" + shandong, "jilinsupervisor").status()).isIn(403, 404);
    assertThat(http.get("/engine-rest/history/activity-instance?processInstanceId=" + shandong + "&maxResults=50",
        "jilinsupervisor").json()).isEmpty();

    String tasks = "/engine-rest/task?maxResults=500";
    assertThat(field(tasks, "taian", "processInstanceId")).contains(shandong).doesNotContain(jilin);
    assertThat(field(tasks, "changchun", "processInstanceId")).contains(jilin).doesNotContain(shandong);
    assertThat(field("/engine-rest/history/task?maxResults=500", "changchun", "processInstanceId")).doesNotContain(shandong);
  }

  @Test
  void shouldCountTheTasksOfTheSupervisorsOwnProvinceByGroupInCockpit() {
    String shandong = submitted("ningyang", PlanFixtures.ningyangPlan());
    String jilin = submitted("nongan", PlanFixtures.nonganDevelopedTown());
    Http.Answer report = http.get("/engine-rest/task/report/candidate-group-count", "shandongsupervisor");
    assertThat(report.status()).as(report.raw().body()).isEqualTo(200);
    List<String> groups = new ArrayList<>();
    report.json().forEach(row -> groups.add(row.path("groupName").asText()));
    assertThat(groups).contains("reviewer370900").noneMatch(g -> g.endsWith("220100") || g.endsWith("220000"));
    assertThat(field("/engine-rest/task?maxResults=500", "shandongsupervisor", "processInstanceId")).contains(shandong)
        .doesNotContain(jilin);
  }
}
