package cn.gov.reform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.identity.IdentitySeeder;
import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.plan.PlanRequest;
import cn.gov.reform.support.Http;

/**
 * Tasklist's own-task queries run without Camunda's per-task authorization join (issue 14) and still return
 * exactly what the full check returns: the caller's groups' tasks of their province, nothing of another group,
 * and nothing through an OR block.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallerScopedAuthorizationTest {

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired ProcessEngine engine;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  /** A plan sent over /api and checked, waiting at its city's review; its process instance id. */
  private String atCityReview(String drafter, PlanRequest plan) {
    String pi = http.post("/api/plans", drafter, Http.json(plan)).json().get("processInstanceId").asText();
    support.runJobs(pi);
    assertThat(support.task(pi, "cityReview")).as("plan " + pi + " at 市编办审核").isNotNull();
    return pi;
  }

  private List<String> processInstances(Http.Answer answer) {
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode task : answer.json()) {
      ids.add(task.path("processInstanceId").asText());
    }
    return ids;
  }

  private String myTasksFilter() {
    return engine.getFilterService().createFilterQuery().filterName(IdentitySeeder.FILTER_MY_TASKS).singleResult().getId();
  }

  @Test
  void shouldShowAReviewerTheTasksOfTheirOwnGroupAndNoOtherGroupsOfTheProvince() {
    String taian = atCityReview("ningyang", PlanFixtures.ningyangPlan());
    String jinan = atCityReview("licheng", PlanFixtures.lichengPlan());
    String sorted = "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=500";

    assertThat(processInstances(http.get("/engine-rest/task?candidateGroup=reviewer370900" + sorted, "taian")))
        .contains(taian).doesNotContain(jinan);
    assertThat(processInstances(http.post("/engine-rest/filter/" + myTasksFilter() + "/list?firstResult=0&maxResults=500",
        "taian", "{}"))).contains(taian).doesNotContain(jinan);
    assertThat(http.get("/engine-rest/filter/" + myTasksFilter() + "/count", "jinan").json().path("count").asLong())
        .isPositive();
    assertThat(processInstances(http.post("/engine-rest/filter/" + myTasksFilter() + "/list?firstResult=0&maxResults=500",
        "jinan", "{}"))).contains(jinan).doesNotContain(taian);

    // another group of the same province: the full check applies, and taian holds no grant on 济南's tasks
    assertThat(processInstances(http.get("/engine-rest/task?candidateGroup=reviewer370100" + sorted, "taian"))).isEmpty();
    assertThat(http.get("/engine-rest/task/count?candidateGroup=reviewer370100", "taian").json().path("count").asLong())
        .isZero();
    // the filter widened by the caller to another group is checked too
    assertThat(processInstances(http.post("/engine-rest/filter/" + myTasksFilter() + "/list?firstResult=0&maxResults=500",
        "taian", "{\"candidateGroups\":[\"reviewer370100\"]}"))).doesNotContain(jinan);
    // an OR block reaching other groups is checked
    String or = "{\"orQueries\":[{\"candidateGroup\":\"reviewer370900\",\"candidateGroupLike\":\"reviewer3701%\"}]}";
    assertThat(processInstances(http.post("/engine-rest/task?firstResult=0&maxResults=500", "taian", or)))
        .contains(taian).doesNotContain(jinan);
  }

  @Test
  void shouldReturnTheSameTasksAsTheFullCheck() {
    atCityReview("ningyang", PlanFixtures.ningyangPlan());
    atCityReview("licheng", PlanFixtures.lichengPlan());
    TaskService tasks = engine.getTaskService();
    for (String user : List.of("taian", "jinan", "ningyang", "licheng")) {
      String group = PlanFixtures.USERS.get(user);
      // the same condition inside an OR block: a query the scoped path never takes
      List<String> fast = ids(support.as(user, () -> tasks.createTaskQuery().taskCandidateGroup(group).listPage(0, 500)));
      List<String> full = ids(support.as(user, () -> tasks.createTaskQuery().or().taskCandidateGroup(group).endOr().listPage(0, 500)));
      assertThat(fast).as(user).containsExactlyInAnyOrderElementsOf(full);
      long count = support.as(user, () -> tasks.createTaskQuery().taskCandidateGroup(group).count());
      assertThat(count).as(user).isEqualTo(full.size());
    }
  }

  @Test
  void shouldShowAClaimedTaskOnlyToItsAssignee() {
    String pi = atCityReview("ningyang", PlanFixtures.ningyangPlan());
    Task review = support.task(pi, "cityReview");
    assertThat(http.post("/engine-rest/task/" + review.getId() + "/claim", "taian", "{\"userId\":\"taian\"}").status())
        .isEqualTo(204);
    assertThat(processInstances(http.get("/engine-rest/task?assignee=taian&maxResults=500", "taian"))).contains(pi);
    assertThat(processInstances(http.get("/engine-rest/task?assignee=taian&maxResults=500", "jinan"))).doesNotContain(pi);
    assertThat(processInstances(http.get("/engine-rest/task?assignee=taian&maxResults=500", "ningyang"))).doesNotContain(pi);
  }

  @Test
  void shouldSkipThePerTaskJoinOnlyForQueriesOfTheCallersOwnTasks() {
    assertThat(joinsGrants("taian", q -> q.taskCandidateGroup("reviewer370900"))).isFalse();
    assertThat(joinsGrants("taian", q -> q.taskCandidateGroupIn(List.of("reviewer370900")).includeAssignedTasks())).isFalse();
    assertThat(joinsGrants("taian", q -> q.taskAssignee("taian"))).isFalse();

    assertThat(joinsGrants("taian", q -> q)).isTrue();
    assertThat(joinsGrants("taian", q -> q.taskCandidateGroup("reviewer370100"))).isTrue();
    assertThat(joinsGrants("taian", q -> q.taskCandidateGroupIn(List.of("reviewer370900", "reviewer370100")))).isTrue();
    assertThat(joinsGrants("taian", q -> q.taskCandidateUser("jinan"))).isTrue();
    assertThat(joinsGrants("taian", q -> q.taskCandidateGroupLike("reviewer%"))).isTrue();
    assertThat(joinsGrants("taian", q -> q.taskAssignee("jinan"))).isTrue();
    assertThat(joinsGrants("taian", q -> q.taskCandidateGroup("reviewer370900").or().taskAssignee("jinan").endOr())).isTrue();
  }

  /** Whether the engine's task query for this caller carries the authorization join. */
  private boolean joinsGrants(String user, Function<TaskQuery, TaskQuery> criteria) {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return support.as(user, () -> cfg.getCommandExecutorTxRequired().execute(ctx -> {
      TaskQueryImpl query = (TaskQueryImpl) criteria.apply(engine.getTaskService().createTaskQuery());
      ctx.enableAuthorizationCheck();
      ctx.getSession(AuthorizationManager.class).configureTaskQuery(query);
      return query.getAuthCheck().getShouldPerformAuthorizatioCheck();
    }));
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }
}
