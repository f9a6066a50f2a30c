package cn.gov.reform.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.Http;

/**
 * The approval operations through {@code /api} and engine REST, as officials use them on a 宁阳县 plan in
 * Shandong (市编办审核 → 市委、市政府审批 → 省编办备案) and on the Jilin joint review: each one works, leaves its step
 * in the timeline and a comment in Tasklist's 历史 tab, and is refused where the rules say.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskOperationsTest {

  static final String SECOND_REVIEWER = "taianops2";

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired ProcessEngine engine;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    support.ensureUsers(Map.of(SECOND_REVIEWER, "reviewer370900"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldTransferToAColleagueWhoDecidesWhileThePreviousAssigneeCannot() {
    Plan plan = plan();
    String taskId = claimed(plan, "cityReview", "taian");

    Http.Answer outside = post("/api/tasks/" + taskId + "/transfer", "taian", "{\"userId\":\"jinan\"}");
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.json().at("/errors/0/field").asText()).isEqualTo("userId");
    assertThat(outside.json().get("detail").asText()).contains("只能转办给同一岗位的同事");
    assertThat(post("/api/tasks/" + taskId + "/transfer", "ningyang", "{\"userId\":\"" + SECOND_REVIEWER + "\"}").status())
        .as("not the county's to transfer").isEqualTo(403);

    assertThat(post("/api/tasks/" + taskId + "/transfer", "taian",
        "{\"userId\":\"" + SECOND_REVIEWER + "\",\"reason\":\"出差，请代为审核\"}").status()).isEqualTo(204);

    JsonNode mine = http.get("/engine-rest/task?assignee=" + SECOND_REVIEWER + "&processInstanceId=" + plan.pi + "&maxResults=10",
        SECOND_REVIEWER).json();
    assertThat(mine).hasSize(1);
    assertThat(http.get("/engine-rest/authorization?resourceType=7&resourceId=" + taskId + "&userIdIn=taian&maxResults=10",
        PlanFixtures.ADMIN).json()).as("the previous assignee's grant on the task is gone").isEmpty();
    Http.Answer previous = complete(taskId, "taian", "APPROVE");
    assertThat(previous.status()).isEqualTo(400);
    assertThat(previous.json().get("message").asText()).contains("只有办理人可以办结");

    assertThat(complete(taskId, SECOND_REVIEWER, "APPROVE").status()).isEqualTo(204);
    assertThat(step(plan, "TRANSFER").get("actor").asText()).isEqualTo("taian");
    assertThat(step(plan, "TRANSFER").get("target").asText()).isEqualTo("转办给 " + SECOND_REVIEWER + " 测试");
    assertThat(step(plan, "TRANSFER").get("opinion").asText()).isEqualTo("出差，请代为审核");
    assertThat(stagesOf(plan)).containsExactly("cityApproval");
    // the record page: the operation as a step of the stage, in words, with whom and why, and no duration
    JsonNode transferStep = null;
    for (JsonNode st : http.get("/api/records/reformPlanApproval/" + plan.id, "taian").json().get("stages")) {
      if ("TRANSFER".equals(st.get("decision").asText())) {
        transferStep = st;
      }
    }
    assertThat(transferStep).isNotNull();
    assertThat(transferStep.get("decisionLabel").asText()).isEqualTo("转办");
    assertThat(transferStep.get("target").asText()).isEqualTo("转办给 " + SECOND_REVIEWER + " 测试");
    assertThat(transferStep.get("opinion").asText()).isEqualTo("出差，请代为审核");
    assertThat(transferStep.get("workingDays").isNull()).isTrue();

    // Tasklist's 历史 tab: the engine's own entry and the operation's comment
    JsonNode log = http.get("/engine-rest/history/user-operation?taskId=" + taskId + "&maxResults=50", PlanFixtures.ADMIN).json();
    List<String> ops = new ArrayList<>();
    log.forEach(e -> ops.add(e.get("operationType").asText() + "/" + e.get("userId").asText()));
    assertThat(ops).contains("Assign/taian");
    JsonNode comments = http.get("/engine-rest/task/" + taskId + "/comment", PlanFixtures.ADMIN).json();
    assertThat(comments.toString()).contains("转办（taian 测试）：转办给 " + SECOND_REVIEWER + " 测试。出差，请代为审核");
  }

  @Test
  void shouldNotLetTheDelegateCompleteButHandItBackToTheOwner() {
    Plan plan = plan();
    String taskId = claimed(plan, "cityReview", "taian");
    assertThat(post("/api/tasks/" + taskId + "/delegate", "taian", "{\"userId\":\"" + SECOND_REVIEWER + "\"}").status())
        .isEqualTo(204);

    Http.Answer byDelegate = complete(taskId, SECOND_REVIEWER, "APPROVE");
    assertThat(byDelegate.status()).isEqualTo(400);
    assertThat(byDelegate.json().get("message").asText()).contains("已委派给" + SECOND_REVIEWER + " 测试办理");
    assertThat(post("/api/tasks/" + taskId + "/resolve", "taian", "{}").status()).as("only the delegate hands back")
        .isEqualTo(403);
    assertThat(post("/api/tasks/" + taskId + "/resolve", SECOND_REVIEWER, "{\"reason\":\"已核实编制测算，建议同意\"}").status())
        .isEqualTo(204);
    assertThat(complete(taskId, "taian", "APPROVE").status()).isEqualTo(204);

    assertThat(step(plan, "DELEGATE").get("target").asText()).isEqualTo("委派给 " + SECOND_REVIEWER + " 测试");
    assertThat(step(plan, "RESOLVE").get("actor").asText()).isEqualTo(SECOND_REVIEWER);
    assertThat(step(plan, "RESOLVE").get("opinion").asText()).isEqualTo("已核实编制测算，建议同意");
    assertThat(stagesOf(plan)).containsExactly("cityApproval");
  }

  @Test
  void shouldWaitForTheCoSignerBeforeTheStageCanBeDecided() {
    Plan plan = plan();
    String taskId = claimed(plan, "cityReview", "taian");
    assertThat(post("/api/tasks/" + taskId + "/co-signers", "taian", "{\"userId\":\"shandong\"}").status())
        .as("a provincial filer is not of the city").isEqualTo(400);
    assertThat(post("/api/tasks/" + taskId + "/co-signers", "taian", "{\"userId\":\"taianapprover\",\"reason\":\"请分管领导会签\"}")
        .status()).isEqualTo(204);

    Task coSign = engine.getTaskService().createTaskQuery().processInstanceId(plan.pi).taskAssignee("taianapprover")
        .singleResult();
    assertThat(coSign.getName()).isEqualTo("市编办审核（加签）");
    Http.Answer early = complete(taskId, "taian", "APPROVE");
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.json().get("message").asText()).contains("尚有加签人未签署意见：taianapprover 测试");
    Http.Answer completedCoSign = complete(coSign.getId(), "taianapprover", "APPROVE");
    assertThat(completedCoSign.status()).isEqualTo(400);
    assertThat(completedCoSign.json().get("message").asText()).contains("这是加签任务");
    Http.Answer noOpinion = post("/api/tasks/" + coSign.getId() + "/co-sign", "taianapprover", "{\"agree\":false}");
    assertThat(noOpinion.status()).isEqualTo(400);
    assertThat(noOpinion.json().at("/errors/0/field").asText()).isEqualTo("opinion");

    assertThat(post("/api/tasks/" + coSign.getId() + "/co-sign", "taianapprover",
        "{\"agree\":true,\"opinion\":\"同意，编制从严控制\"}").status()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(coSign.getId()).count()).isZero();
    assertThat(complete(taskId, "taian", "APPROVE").status()).isEqualTo(204);

    assertThat(stagesOf(plan)).as("one token went on, not two").containsExactly("cityApproval");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(plan.pi).taskDefinitionKey("cityApproval").count())
        .isEqualTo(1);
    assertThat(step(plan, "ADD_SIGNER").get("target").asText()).isEqualTo("加签 taianapprover 测试");
    assertThat(step(plan, "CO_SIGN").get("actor").asText()).isEqualTo("taianapprover");
    assertThat(step(plan, "CO_SIGN").get("opinion").asText()).isEqualTo("同意：同意，编制从严控制");
  }

  @Test
  void shouldLetACopyReaderReadThePlanButNeverWorkIt() {
    Plan plan = plan();
    String taskId = claimed(plan, "cityReview", "taian");
    assertThat(http.get("/api/plans/" + plan.id, "jinan").status()).isEqualTo(404);
    Http.Answer unknown = post("/api/tasks/" + taskId + "/copies", "taian", "{\"userIds\":[\"nobody\"]}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("userIds");

    Http.Answer copied = post("/api/tasks/" + taskId + "/copies", "taian", "{\"userIds\":[\"jinan\"],\"reason\":\"供参考\"}");
    assertThat(copied.status()).isEqualTo(200);
    assertThat(copied.json().get(0).get("id").asText()).isEqualTo("jinan");

    JsonNode read = http.get("/api/plans/" + plan.id, "jinan").json();
    assertThat(read.get("title").asText()).isEqualTo("宁阳县乡镇行政管理体制改革方案");
    assertThat(read.get("timeline").toString()).contains("抄送 jinan 测试");
    assertThat(http.get("/api/copies", "jinan").json().get(0).at("/subject/businessKey").asText()).isEqualTo(plan.id);
    Http.Answer work = complete(taskId, "jinan", "APPROVE");
    assertThat(work.status()).as("a copy is no grant on the task").isIn(403, 404);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(post("/api/tasks/" + taskId + "/transfer", "jinan", "{\"userId\":\"taian\"}").status()).isEqualTo(403);
  }

  @Test
  void shouldUrgeAtMostOncePerIntervalAndShowItInTheList() {
    Plan plan = plan();
    String taskId = support.task(plan.pi, "cityReview").getId();
    assertThat(post("/api/tasks/" + taskId + "/urge", "taian", "{}").status()).as("nobody urges their own task")
        .isEqualTo(403);
    assertThat(post("/api/tasks/" + taskId + "/urge", "ningyang", "{\"reason\":\"县里月底前需上报\"}").status()).isEqualTo(204);
    Http.Answer again = post("/api/tasks/" + taskId + "/urge", "ningyang", "{}");
    assertThat(again.status()).isEqualTo(429);
    assertThat(again.json().get("detail").asText()).contains("后才能再次催办");

    assertThat(engine.getTaskService().getVariableLocal(taskId, "subjectLabel").toString()).startsWith("【催办】");
    assertThat(step(plan, "URGE").get("target").asText()).startsWith("催办 ");
    JsonNode view = http.get("/api/tasks/" + taskId + "/operations", "taian").json();
    assertThat(view.at("/steps/0/operation").asText()).isEqualTo("URGE");
    assertThat(view.at("/steps/0/reason").asText()).isEqualTo("县里月底前需上报");

    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(5))));
    assertThat(post("/api/tasks/" + taskId + "/urge", "ningyang", "{}").status()).isEqualTo(204);
  }

  @Test
  void shouldSendBackToAStageOnThePathOnly() {
    Plan plan = plan();
    complete(support.task(plan.pi, "cityReview").getId(), "taian", "APPROVE");
    String approval = claimed(plan, "cityApproval", "taianapprover");

    Http.Answer offPath = post("/api/tasks/" + approval + "/send-back", "taianapprover",
        "{\"stage\":\"provinceFiling\",\"reason\":\"请重审\"}");
    assertThat(offPath.status()).isEqualTo(400);
    assertThat(offPath.json().at("/errors/0/field").asText()).isEqualTo("stage");
    assertThat(offPath.json().get("detail").asText()).contains("市编办审核").contains("起草或修改方案（县）");
    assertThat(post("/api/tasks/" + approval + "/send-back", "taianapprover", "{\"stage\":\"cityReview\"}").json()
        .at("/errors/0/field").asText()).isEqualTo("reason");
    JsonNode view = http.get("/api/tasks/" + approval + "/operations", "taianapprover").json();
    assertThat(view.get("returnTargets").findValuesAsText("key")).containsExactly("draftPlan", "cityReview");

    assertThat(post("/api/tasks/" + approval + "/send-back", "taianapprover",
        "{\"stage\":\"cityReview\",\"reason\":\"请补充便民服务中心编制测算\"}").status()).isEqualTo(204);
    assertThat(stagesOf(plan)).containsExactly("cityReview");
    Task again = support.task(plan.pi, "cityReview");
    assertThat(again.getAssignee()).as("back to who answered it").isEqualTo("taian");
    assertThat(step(plan, "SEND_BACK").get("target").asText()).isEqualTo("退回到 市编办审核");
    assertThat(complete(again.getId(), "taian", "APPROVE").status()).isEqualTo(204);
    assertThat(stagesOf(plan)).as("the chain goes on from there").containsExactly("cityApproval");

    // back to the county: the resubmitted plan starts the chain again from 市编办审核
    String approvalAgain = support.task(plan.pi, "cityApproval").getId();
    Http.Answer toCounty = post("/api/tasks/" + approvalAgain + "/send-back", "taianapprover",
        "{\"stage\":\"draftPlan\",\"reason\":\"请县里修改\"}");
    assertThat(toCounty.status()).as(toCounty.raw().body()).isEqualTo(204);
    assertThat(http.get("/api/plans/" + plan.id, "ningyang").json().get("status").asText()).isEqualTo("DRAFT");
    assertThat(complete(support.task(plan.pi, "draftPlan").getId(), "ningyang", "SUBMIT").status()).isEqualTo(204);
    support.runJobs(plan.pi);
    assertThat(stagesOf(plan)).containsExactly("cityReview");
  }

  @Test
  void shouldRecallWhileTheNextStageIsUntouchedOnly() {
    Plan plan = plan();
    String review = support.task(plan.pi, "cityReview").getId();
    assertThat(complete(review, "taian", "APPROVE").status()).isEqualTo(204);
    String recall = "/api/records/reformPlanApproval/" + plan.id + "/recall";
    assertThat(post(recall, "taian", "{}").json().at("/errors/0/field").asText()).isEqualTo("reason");
    assertThat(post(recall, SECOND_REVIEWER, "{\"reason\":\"x\"}").status()).as("not theirs").isEqualTo(403);

    assertThat(post(recall, "taian", "{\"reason\":\"意见写错了\"}").status()).isEqualTo(204);
    assertThat(stagesOf(plan)).containsExactly("cityReview");
    assertThat(support.task(plan.pi, "cityReview").getAssignee()).isEqualTo("taian");
    assertThat(step(plan, "RECALL").get("target").asText()).isEqualTo("撤回 市委、市政府审批");

    assertThat(complete(support.task(plan.pi, "cityReview").getId(), "taian", "APPROVE").status()).isEqualTo(204);
    String approval = claimed(plan, "cityApproval", "taianapprover");
    Http.Answer claimedNext = post(recall, "taian", "{\"reason\":\"再改\"}");
    assertThat(claimedNext.status()).isEqualTo(409);
    assertThat(claimedNext.json().get("detail").asText()).contains("已由taianapprover 测试认领");
    assertThat(complete(approval, "taianapprover", "APPROVE").status()).isEqualTo(204);
    Http.Answer actedNext = post(recall, "taian", "{\"reason\":\"再改\"}");
    assertThat(actedNext.status()).isEqualTo(409);
    assertThat(actedNext.json().get("detail").asText()).contains("已由taianapprover 测试办理");
    assertThat(stagesOf(plan)).containsExactly("provinceFiling");
  }

  @Test
  void shouldLetEitherTheRecallOrTheClaimWinARaceNeverBoth() throws Exception {
    for (int round = 0; round < 4; round++) {
      Plan plan = plan();
      assertThat(complete(support.task(plan.pi, "cityReview").getId(), "taian", "APPROVE").status()).isEqualTo(204);
      String approval = support.task(plan.pi, "cityApproval").getId();
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
      java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var recall = two.submit(() -> {
          start.await();
          return post("/api/records/reformPlanApproval/" + plan.id + "/recall", "taian", "{\"reason\":\"意见写错了\"}");
        });
        var claim = two.submit(() -> {
          start.await();
          return post("/engine-rest/task/" + approval + "/claim", "taianapprover", "{\"userId\":\"taianapprover\"}");
        });
        int recalled = recall.get().status();
        int claimed = claim.get().status();
        assertThat(recalled == 204 && claimed == 204).as("recall %s and claim %s", recalled, claimed).isFalse();
        assertThat(recalled == 204 || claimed == 204).as("one of them wins: recall %s, claim %s", recalled, claimed).isTrue();
        if (recalled == 204) {
          assertThat(stagesOf(plan)).containsExactly("cityReview");
          assertThat(engine.getTaskService().createTaskQuery().taskId(approval).count()).isZero();
        } else {
          assertThat(recalled).isEqualTo(409);
          assertThat(stagesOf(plan)).containsExactly("cityApproval");
          assertThat(support.task(plan.pi, "cityApproval").getAssignee()).isEqualTo("taianapprover");
        }
      } finally {
        two.shutdownNow();
      }
    }
  }

  @Test
  void shouldNotLetAnOfficialChooseWhoWorksATaskByHand() {
    Plan plan = plan();
    String taskId = support.task(plan.pi, "cityReview").getId();
    String task = "/engine-rest/task/" + taskId;
    Http.Answer group = post(task + "/identity-links", "taian", "{\"groupId\":\"reviewer370100\",\"type\":\"candidate\"}");
    assertThat(group.status()).isEqualTo(400);
    assertThat(group.json().get("message").asText()).contains("不能自行指定任务的办理人、候选人或候选用户组");
    assertThat(post(task + "/assignee", "taian", "{\"userId\":\"jinan\"}").status()).as("Tasklist's 办理人 field")
        .isEqualTo(400);
    assertThat(post(task + "/delegate", "taian", "{\"userId\":\"" + SECOND_REVIEWER + "\"}").status())
        .as("engine REST's delegate skips the role check of 委派").isEqualTo(400);
    assertThat(engine.getTaskService().getIdentityLinksForTask(taskId)).extracting(l -> l.getGroupId())
        .doesNotContain("reviewer370100");

    assertThat(post(task + "/claim", "taian", "{\"userId\":\"taian\"}").status()).as("认领 stays").isEqualTo(204);
    assertThat(post(task + "/unclaim", "taian", "{}").status()).as("and its release").isEqualTo(204);
    assertThat(post(task + "/assignee", "taian", "{\"userId\":\"taian\"}").status()).isEqualTo(204);
    assertThat(post(task + "/identity-links", PlanFixtures.ADMIN, "{\"groupId\":\"reviewer370100\",\"type\":\"candidate\"}")
        .status()).as("administrators repair by hand").isEqualTo(204);
  }

  @Test
  void shouldNotSendBackOrRecallAcrossAnOpenJointReview() {
    support.ensureUsers(Map.of("nongan", "drafter220122"));
    Http.Answer created = post("/api/plans", "nongan", Http.json(PlanFixtures.nonganDevelopedTown()));
    Plan plan = new Plan(created.json().get("id").asText(), created.json().get("processInstanceId").asText());
    support.runJobs(plan.pi);
    assertThat(complete(support.task(plan.pi, "citySubmission").getId(), "changchun", "APPROVE").status()).isEqualTo(204);
    assertThat(stagesOf(plan)).contains("provinceReview", "departmentReview");

    String provinceReview = claimed(plan, "provinceReview", "jilinreviewer");
    Http.Answer back = post("/api/tasks/" + provinceReview + "/send-back", "jilinreviewer",
        "{\"stage\":\"citySubmission\",\"reason\":\"请市里补充\"}");
    assertThat(back.status()).isEqualTo(409);
    assertThat(back.json().get("detail").asText()).contains("并行会审");
    Http.Answer recall = post("/api/records/reformPlanApproval/" + plan.id + "/recall", "changchun", "{\"reason\":\"补材料\"}");
    assertThat(recall.status()).as("the joint review's tasks are the next stage, one of them claimed").isEqualTo(409);
  }

  // --- helpers -------------------------------------------------------------------------------------------

  record Plan(String id, String pi) {}

  private Plan plan() {
    Http.Answer created = post("/api/plans", "ningyang", Http.json(PlanFixtures.ningyangPlan()));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    Plan plan = new Plan(created.json().get("id").asText(), created.json().get("processInstanceId").asText());
    support.runJobs(plan.pi);
    return plan;
  }

  private String claimed(Plan plan, String stage, String user) {
    String taskId = support.task(plan.pi, stage).getId();
    assertThat(post("/engine-rest/task/" + taskId + "/claim", user, "{\"userId\":\"" + user + "\"}").status()).isEqualTo(204);
    return taskId;
  }

  private Http.Answer complete(String taskId, String user, String decision) {
    return post("/engine-rest/task/" + taskId + "/complete", user,
        "{\"variables\":{\"decision\":{\"value\":\"" + decision + "\"}}}");
  }

  private Http.Answer post(String path, String user, String body) {
    return http.post(path, user, body);
  }

  private JsonNode step(Plan plan, String decision) {
    for (JsonNode e : http.get("/api/plans/" + plan.id, "taian").json().get("timeline")) {
      if (decision.equals(e.get("decision").asText())) {
        return e;
      }
    }
    throw new AssertionError("no " + decision + " in the timeline of " + plan.id);
  }

  private List<String> stagesOf(Plan plan) {
    List<String> stages = new ArrayList<>();
    http.get("/api/plans/" + plan.id, PlanFixtures.ADMIN).json().get("stages").forEach(s -> stages.add(s.asText()));
    return stages;
  }
}
