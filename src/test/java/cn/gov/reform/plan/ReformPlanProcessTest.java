package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.engine.DecisionRefusedException;

/** Every path of the Shandong township chain (鲁厅字〔2018〕33号 七(二)), on the real engine and database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class ReformPlanProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired PlanFixtures support;
  @Autowired PlanService plans;
  @Autowired PlanRepository repository;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
  }

  private PlanView submitted() {
    PlanView plan = support.create("ningyang", PlanFixtures.ningyangPlan());
    support.runJobs(plan.processInstanceId());
    return plan;
  }

  private ProcessInstance instance(PlanView plan) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(plan.processInstanceId()).singleResult();
  }

  @Test
  void shouldFilePlanWhenCityReviewsApprovesAndProvinceFiles() {
    PlanView plan = submitted();
    ProcessInstance pi = instance(plan);
    assertThat(pi).isWaitingAt(ProcessKeys.CITY_REVIEW).task().hasCandidateGroup("reviewer370900");
    support.complete("taian", pi.getId(), ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
    assertThat(pi).isWaitingAt(ProcessKeys.CITY_APPROVAL).task().hasCandidateGroup("approver370900");
    support.complete("taianapprover", pi.getId(), ProcessKeys.CITY_APPROVAL, Map.of("decision", "APPROVE", "opinion", "同意"));
    assertThat(pi).isWaitingAt(ProcessKeys.PROVINCE_FILING).task().hasCandidateGroup("filer370000");
    support.complete("shandong", pi.getId(), ProcessKeys.PROVINCE_FILING, Map.of("decision", "FILE"));

    assertThat(pi).hasPassedInOrder("validatePlan", "cityReview", "cityApproval", "provinceFiling", "recordFiling", "planFiled")
        .isEnded();
    PlanView filed = plans.view(plan.id());
    assertThat(filed.status()).isEqualTo(PlanStatus.FILED);
    assertThat(filed.stages()).isEmpty();
    assertThat(filed.filingNumber()).matches("鲁编备〔\\d{4}〕\\d+号");
    assertThat(filed.timeline()).extracting(TimelineEntry::stage).containsSubsequence(
        "planStarted", "validatePlan", "cityReview", "cityApproval", "provinceFiling", "recordFiling", "planFiled");
    assertThat(filed.timeline()).filteredOn(e -> e.stage().equals("cityApproval")).singleElement()
        .satisfies(e -> {
          assertThat(e.actor()).isEqualTo("taianapprover");
          assertThat(e.opinion()).isEqualTo("同意");
          assertThat(e.decision()).isEqualTo("APPROVE");
        });
  }

  @Test
  void shouldNumberFilingsOfAProvinceConsecutivelyAndNeverTwice() {
    List<String> numbers = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      PlanView plan = submitted();
      String pi = plan.processInstanceId();
      support.complete("taian", pi, ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
      support.complete("taianapprover", pi, ProcessKeys.CITY_APPROVAL, Map.of("decision", "APPROVE"));
      support.complete("shandong", pi, ProcessKeys.PROVINCE_FILING, Map.of("decision", "FILE"));
      numbers.add(plans.view(plan.id()).filingNumber());
    }
    int first = Integer.parseInt(numbers.get(0).replaceAll(".*〕(\\d+)号", "$1"));
    int second = Integer.parseInt(numbers.get(1).replaceAll(".*〕(\\d+)号", "$1"));
    assertThat(second).isEqualTo(first + 1);

    // a number typed by hand is taken; the next filing may not reuse it
    PlanView plan = submitted();
    String pi = plan.processInstanceId();
    support.complete("taian", pi, ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
    support.complete("taianapprover", pi, ProcessKeys.CITY_APPROVAL, Map.of("decision", "APPROVE"));
    assertThatThrownBy(() -> support.complete("shandong", pi, ProcessKeys.PROVINCE_FILING,
        Map.of("decision", "FILE", "filingNumber", numbers.get(0))))
        .isInstanceOf(DecisionRefusedException.class).hasMessageContaining("filingNumber").hasMessageContaining("已被使用");
    assertThat(support.task(pi, ProcessKeys.PROVINCE_FILING)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {ProcessKeys.CITY_REVIEW, ProcessKeys.CITY_APPROVAL, ProcessKeys.PROVINCE_FILING})
  void shouldReturnPlanToCountyWithOpinionFromEveryStageAndResumeAfterResubmission(String stage) {
    PlanView plan = submitted();
    String pi = plan.processInstanceId();
    Map<String, String> users = Map.of(ProcessKeys.CITY_REVIEW, "taian", ProcessKeys.CITY_APPROVAL, "taianapprover",
        ProcessKeys.PROVINCE_FILING, "shandong");
    for (String s : List.of(ProcessKeys.CITY_REVIEW, ProcessKeys.CITY_APPROVAL, ProcessKeys.PROVINCE_FILING)) {
      if (s.equals(stage)) {
        support.complete(users.get(s), pi, s, Map.of("decision", "RETURN", "opinion", "请补充便民服务中心编制说明"));
        break;
      }
      support.complete(users.get(s), pi, s, Map.of("decision", "APPROVE"));
    }
    assertThat(instance(plan)).isWaitingAt(ProcessKeys.DRAFT_PLAN).task().hasCandidateGroup("drafter370921");
    PlanView returned = plans.view(plan.id());
    assertThat(returned.status()).isEqualTo(PlanStatus.DRAFT);
    assertThat(returned.stages()).containsExactly(ProcessKeys.DRAFT_PLAN);
    String opinions = (String) engine.getTaskService().getVariableLocal(support.task(pi, ProcessKeys.DRAFT_PLAN).getId(),
        ProcessKeys.FORM_OPINIONS);
    assertThat(opinions).contains("退回修改").contains("请补充便民服务中心编制说明");
    assertThat(opinions).as("people by their names, the system as 系统").contains("· taian 测试", "· 系统").doesNotContain("· system");

    support.complete("ningyang", pi, ProcessKeys.DRAFT_PLAN, Map.of("decision", "SUBMIT"));
    support.runJobs(pi);
    assertThat(instance(plan)).isWaitingAt(ProcessKeys.CITY_REVIEW);
    assertThat(plans.view(plan.id()).status()).isEqualTo(PlanStatus.IN_REVIEW);
  }

  @Test
  void shouldEndRejectedWhenCityRejects() {
    PlanView plan = submitted();
    String pi = plan.processInstanceId();
    support.complete("taian", pi, ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
    support.complete("taianapprover", pi, ProcessKeys.CITY_APPROVAL, Map.of("decision", "REJECT", "opinion", "不符合改革方向"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
        .isEqualTo("planRejected");
    assertThat(plans.view(plan.id()).status()).isEqualTo(PlanStatus.REJECTED);
  }

  @Test
  void shouldEndWithdrawnWhenCountyWithdrawsAtDraft() {
    PlanView plan = support.create("ningyang", PlanFixtures.ningyangPlan(PlanFixtures.ciyaoAsDeveloped()));
    String pi = plan.processInstanceId();
    support.runJobs(pi);
    assertThat(instance(plan)).isWaitingAt(ProcessKeys.DRAFT_PLAN);
    support.complete("ningyang", pi, ProcessKeys.DRAFT_PLAN, Map.of("decision", "WITHDRAW"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
        .isEqualTo("planWithdrawn");
    assertThat(plans.view(plan.id()).status()).isEqualTo(PlanStatus.WITHDRAWN);
  }

  @Test
  void shouldSendPlanBreakingShandongLimitsBackWithFindingsAndPassOnceFixed() {
    PlanView plan = support.create("ningyang", PlanFixtures.ningyangPlan(PlanFixtures.ciyaoAsDeveloped()));
    String pi = plan.processInstanceId();
    support.runJobs(pi);

    assertThat(instance(plan)).isWaitingAt(ProcessKeys.DRAFT_PLAN);
    PlanView failed = plans.view(plan.id());
    assertThat(failed.status()).isEqualTo(PlanStatus.DRAFT);
    assertThat(failed.findings()).extracting(Finding::rule)
        .contains("SD-TOWNSHIP-BODIES", "SD-TOWNSHIP-INSTITUTIONS", "SD-TOWNSHIP-SERVICE-CENTER");
    Finding bodies = failed.findings().stream().filter(f -> f.rule().equals("SD-TOWNSHIP-BODIES")).findFirst().orElseThrow();
    assertThat(bodies.severity()).isEqualTo(Finding.Severity.ERROR);
    assertThat(bodies.message()).isEqualTo("磁窑镇：党政工作机构8个，超出5—7个的限额");
    assertThat(bodies.source()).isEqualTo("鲁厅字〔2018〕33号 三(一)");
    assertThat(bodies.actual()).isEqualTo(8L);
    assertThat(bodies.limit()).isEqualTo("5-7");
    String shown = (String) engine.getTaskService().getVariableLocal(support.task(pi, ProcessKeys.DRAFT_PLAN).getId(),
        ProcessKeys.FORM_FINDINGS);
    assertThat(shown).startsWith("错误").contains("磁窑镇：党政工作机构8个，超出5—7个的限额");

    // the county revises through the API while the plan waits at draftPlan, then resubmits
    support.as("ningyang", () -> plans.revise(plan.id(),
        PlanFixtures.ningyangPlan(PlanFixtures.compliantTownship("370921109", "磁窑镇")), support.jurisdiction("ningyang")));
    support.complete("ningyang", pi, ProcessKeys.DRAFT_PLAN, Map.of("decision", "SUBMIT"));
    support.runJobs(pi);

    assertThat(instance(plan)).isWaitingAt(ProcessKeys.CITY_REVIEW);
    PlanView fixed = plans.view(plan.id());
    assertThat(fixed.version()).isEqualTo(2);
    assertThat(fixed.findings()).noneMatch(f -> f.severity() == Finding.Severity.ERROR);
    assertThat(repository.findings(plan.id(), 1)).extracting(Finding::rule).contains("SD-TOWNSHIP-BODIES");
    assertThat(repository.content(plan.id(), 1)).contains("招商投资促进中心");
  }

  @Test
  void shouldKeepADraftFormEditAsANewVersion() {
    PlanView plan = support.create("ningyang", PlanFixtures.ningyangPlan(PlanFixtures.ciyaoAsDeveloped()));
    String pi = plan.processInstanceId();
    support.runJobs(pi);
    String taskId = support.task(pi, ProcessKeys.DRAFT_PLAN).getId();
    assertThat(engine.getTaskService().getVariableLocal(taskId, "bodiesText")).asString().contains("党政办公室（政协委员联络室） 8");

    support.as("ningyang", () -> {
      engine.getFormService().submitTaskForm(taskId, Map.of("decision", "SUBMIT",
          "bodiesText", "党政办公室 8\n党群工作办公室 8\n经济发展办公室 8\n社会事务办公室 8\n综合行政执法办公室 8",
          "institutionsText", "便民服务中心 50\n农业综合服务中心 40\n财经服务中心 40\n公共文化服务中心 48"));
      return null;
    });
    support.runJobs(pi);
    assertThat(instance(plan)).isWaitingAt(ProcessKeys.CITY_REVIEW);
    assertThat(plans.view(plan.id()).version()).isEqualTo(2);
    assertThat(engine.getRuntimeService().getVariable(pi, "bodiesText")).isNull();
  }

  @Test
  void shouldRefuseCompletionsThatBreakTheRulesAndKeepTheTaskOpen() {
    PlanView plan = submitted();
    String pi = plan.processInstanceId();
    record Case(String user, String stage, Map<String, Object> vars, String variable) {}
    List<Case> cityReviewCases = List.of(
        new Case("taian", ProcessKeys.CITY_REVIEW, Map.of(), "decision"),
        new Case("taian", ProcessKeys.CITY_REVIEW, Map.of("decision", "FILE"), "decision"),
        new Case("taian", ProcessKeys.CITY_REVIEW, Map.of("decision", "REJECT", "opinion", "不同意"), "decision"),
        new Case("taian", ProcessKeys.CITY_REVIEW, Map.of("decision", "RETURN"), "opinion"),
        new Case("taian", ProcessKeys.CITY_REVIEW, Map.of("decision", "RETURN", "opinion", " "), "opinion"),
        new Case("taian", ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE", "opinion", "长".repeat(2001)), "opinion"));
    for (Case c : cityReviewCases) {
      assertThatThrownBy(() -> support.complete(c.user(), pi, c.stage(), c.vars()))
          .isInstanceOf(DecisionRefusedException.class)
          .hasMessageStartingWith(c.variable() + "：");
      assertThat(support.task(pi, c.stage())).as("task stays open after %s", c.vars()).isNotNull();
    }
    support.complete("taian", pi, ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
    // the earlier APPROVE must not linger: cityApproval without a decision is refused
    assertThatThrownBy(() -> support.complete("taianapprover", pi, ProcessKeys.CITY_APPROVAL, Map.of()))
        .isInstanceOf(DecisionRefusedException.class).hasMessageStartingWith("decision：");
    assertThatThrownBy(() -> support.complete("taianapprover", pi, ProcessKeys.CITY_APPROVAL, Map.of("decision", "REJECT")))
        .isInstanceOf(DecisionRefusedException.class).hasMessageStartingWith("opinion：");
    support.complete("taianapprover", pi, ProcessKeys.CITY_APPROVAL, Map.of("decision", "APPROVE"));
    assertThatThrownBy(() -> support.complete("shandong", pi, ProcessKeys.PROVINCE_FILING, Map.of("decision", "APPROVE")))
        .isInstanceOf(DecisionRefusedException.class).hasMessageStartingWith("decision：");
    assertThat(plans.view(plan.id()).timeline()).filteredOn(e -> e.stage().equals(ProcessKeys.CITY_REVIEW)).hasSize(1);

    PlanView draft = support.create("ningyang", PlanFixtures.ningyangPlan(PlanFixtures.ciyaoAsDeveloped()));
    support.runJobs(draft.processInstanceId());
    assertThatThrownBy(() -> support.complete("ningyang", draft.processInstanceId(), ProcessKeys.DRAFT_PLAN,
        Map.of("decision", "APPROVE"))).isInstanceOf(DecisionRefusedException.class).hasMessageStartingWith("decision：");
  }

  @Test
  void shouldRetryFailingValidationThreeTimesOneMinuteApartThenRaiseAnIncident() throws Exception {
    String limits;
    try (var in = getClass().getResourceAsStream("/processes/policy/limitsShandongTownship.dmn")) {
      limits = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    // a table an official broke: an unknown check makes every validation fail
    var broken = engine.getRepositoryService().createDeployment().name("broken limits")
        .addString("limitsShandongTownship.dmn", limits.replace("\"BODY_COUNT\"", "\"NO_SUCH_CHECK\"")).deploy();
    try {
      PlanView plan = support.create("ningyang", PlanFixtures.ningyangPlan());
      String pi = plan.processInstanceId();
      var management = engine.getManagementService();
      for (int attempt = 1; attempt <= 3; attempt++) {
        var job = management.createJobQuery().processInstanceId(pi).singleResult();
        java.util.Date before = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
        assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(Exception.class);
        var after = management.createJobQuery().processInstanceId(pi).singleResult();
        assertThat(after.getRetries()).isEqualTo(3 - attempt);
        if (attempt < 3) {
          assertThat(after.getDuedate()).isAfterOrEqualTo(new java.util.Date(before.getTime() + 59_000));
        }
      }
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi).singleResult())
          .satisfies(i -> assertThat(i.getActivityId()).isEqualTo(ProcessKeys.VALIDATE_PLAN));
      assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(pi).failureLog().listPage(0, 10))
          .as("each failed attempt's log is kept, with its exception").hasSize(3)
          .allSatisfy(log -> assertThat(log.getJobExceptionMessage()).isNotBlank());
      assertThat(instance(plan)).isNotEnded();
      assertThat(plans.view(plan.id()).timeline()).noneMatch(e -> e.stage().equals(ProcessKeys.VALIDATE_PLAN));
    } finally {
      engine.getRepositoryService().deleteDeployment(broken.getId(), true);
    }
  }
}
