package cn.gov.reform.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.support.Clocks;

/**
 * The assessment-item chain end to end on the real engine (README "职责准入与考核事项"): every route of the decision table
 * assessmentItemRoute (a Shandong 一票否决 to the county and then the province; a Shandong 直接考核, a Gansu 一票否决 and a
 * Gansu 评比 at the county only), RETURN (revised and resubmitted, or withdrawn) and REJECT at every stage, the opinion a
 * RETURN or REJECT needs, and the due date's timer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class AssessmentProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired AssessmentFixtures support;
  @Autowired AssessmentService service;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance instance(AssessmentView a) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(a.processInstanceId()).singleResult();
  }

  private static List<String> steps(AssessmentView a) {
    return a.timeline().stream().map(e -> e.stage() + ":" + e.decision()).toList();
  }

  private AssessmentView ningyangVeto() {
    return support.create("ningyangdept", support.ningyang(AssessmentKind.VETO, AssessmentFixtures.centralDocument(), "370921101"));
  }

  @Test
  void shouldSendAShandongVetoToTheCountyAndThenToTheProvince() {
    Clocks.at("2026-03-02T09:00:00"); // a Monday
    AssessmentView a = ningyangVeto();
    assertThat(instance(a).getTenantId()).isEqualTo("370000");
    assertThat(a.status()).isEqualTo(AssessmentStatus.COUNTY_REVIEW);
    assertThat(a.stages()).containsExactly(AssessmentKeys.COUNTY_APPROVAL);
    assertThat(a.provinceApproval()).isTrue();
    assertThat(a.routeSource()).contains("鲁厅字〔2018〕33号 五(二)");
    Task county = support.task(a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL);
    assertThat(engine.getTaskService().createTaskQuery().taskId(county.getId()).taskCandidateGroup("countygov370921").count()).isEqualTo(1);
    assertThat(county.getDueDate().toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate())
        .as("15 working days after Monday 2 March").isEqualTo(LocalDate.of(2026, 3, 23));
    assertThat(engine.getTaskService().getVariableLocal(county.getId(), AssessmentKeys.FORM_CHAIN).toString())
        .contains("【县委、县政府审批】 → 省委、省政府审批");

    support.complete("ningyanggov", a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL, "APPROVE", "同意报省委、省政府");
    a = support.view(a.id());
    assertThat(a.status()).isEqualTo(AssessmentStatus.PROVINCE_REVIEW);
    assertThat(instance(a)).isWaitingAt(AssessmentKeys.PROVINCE_APPROVAL);
    Task province = support.task(a.processInstanceId(), AssessmentKeys.PROVINCE_APPROVAL);
    assertThat(engine.getTaskService().createTaskQuery().taskId(province.getId()).taskCandidateGroup("approver370000").count()).isEqualTo(1);

    support.complete("shandongapprover", a.processInstanceId(), AssessmentKeys.PROVINCE_APPROVAL, "APPROVE", "同意");
    a = support.view(a.id());
    assertThat(a.status()).isEqualTo(AssessmentStatus.APPROVED);
    assertThat(a.decidedAt()).isNotNull();
    assertThat(a.stages()).isEmpty();
    assertThat(steps(a)).containsExactly("assessmentRequested:SUBMIT", "checkAssessmentItem:PASSED", "countyApproval:APPROVE",
        "provinceApproval:APPROVE", "assessmentApproved:APPROVED");
    assertThat(a.timeline().get(2).actor()).isEqualTo("ningyanggov");
    assertThat(a.timeline().get(3).actor()).isEqualTo("shandongapprover");
    assertThat(a.timeline().get(1).opinion()).contains("中办发〔2018〕5号").contains("报省委、省政府批准");
  }

  @Test
  void shouldApproveAShandongDirectAssessmentAtTheCountyAlone() {
    AssessmentView a = support.create("ningyangdept", support.ningyang(AssessmentKind.DIRECT_ASSESSMENT, null, "370921102"));
    assertThat(a.provinceApproval()).isFalse();
    assertThat(a.routeSource()).contains("通办发〔2020〕6号 二(五)14");
    support.complete("ningyanggov", a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL, "APPROVE", null);
    a = support.view(a.id());
    assertThat(a.status()).isEqualTo(AssessmentStatus.APPROVED);
    assertThat(steps(a)).containsExactly("assessmentRequested:SUBMIT", "checkAssessmentItem:PASSED", "countyApproval:APPROVE",
        "assessmentApproved:APPROVED");
  }

  @Test
  void shouldApproveAGansuVetoAtTheCountyAloneBecauseTheGansuDocumentAsksOnlyForTheCitedProvision() {
    AssessmentView a = support.create("tongweidept", support.tongwei(AssessmentKind.VETO,
        new cn.gov.reform.approval.CitedDocument("关于加强耕地保护和改进占补平衡的意见", "中发〔2017〕4号",
            cn.gov.reform.approval.CitedDocument.Issuer.CENTRAL), "621121102"));
    assertThat(instance(a).getTenantId()).isEqualTo("620000");
    assertThat(a.provinceApproval()).isFalse();
    assertThat(a.routeSource()).isEqualTo("通办发〔2020〕6号 二(五)14");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(a.processInstanceId())
        .taskCandidateGroup("countygov621121").count()).isEqualTo(1);
    support.complete("tongweigov", a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL, "APPROVE", "同意");
    assertThat(support.view(a.id()).status()).isEqualTo(AssessmentStatus.APPROVED);
  }

  @Test
  void shouldApproveAGansuRankingAtTheCountyAlone() {
    AssessmentView a = support.create("tongweidept", support.tongwei(AssessmentKind.RANKING, null, "621121102"));
    assertThat(a.provinceApproval()).isFalse();
    support.complete("tongweigov", a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL, "APPROVE", null);
    assertThat(support.view(a.id()).status()).isEqualTo(AssessmentStatus.APPROVED);
  }

  @Test
  void shouldReturnFromTheCountyThenTakeTheRevisionAndResubmitIt() {
    AssessmentView a = ningyangVeto();
    support.complete("ningyanggov", a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL, "RETURN", "请写明考核指标的计算口径");
    a = support.view(a.id());
    assertThat(a.status()).isEqualTo(AssessmentStatus.RETURNED);
    assertThat(a.stages()).containsExactly(AssessmentKeys.REVISE);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(a.processInstanceId())
        .taskCandidateGroup("countydept370921").count()).isEqualTo(1);
    Task revise = support.task(a.processInstanceId(), AssessmentKeys.REVISE);
    assertThat(engine.getTaskService().getVariableLocal(revise.getId(), AssessmentKeys.FORM_OPINIONS).toString())
        .contains("退回申请部门修改，请写明考核指标的计算口径");

    AssessmentRequest revised = AssessmentFixtures.withItems(a.content(),
        List.of(new AssessmentRequest.Item(a.content().items().get(0).dutyId(), "村庄清洁行动达标率（达标村数/行政村数）100%")));
    String id = a.id();
    AssessmentView after = support.as("ningyangdept", () -> service.revise(id, revised, support.jurisdiction("ningyangdept")));
    assertThat(after.version()).isEqualTo(2);
    assertThat(after.content().items().get(0).indicator()).contains("达标村数");

    support.complete("ningyangdept", a.processInstanceId(), AssessmentKeys.REVISE, "SUBMIT", null);
    a = support.view(a.id());
    assertThat(a.status()).isEqualTo(AssessmentStatus.COUNTY_REVIEW);
    assertThat(steps(a)).containsExactly("assessmentRequested:SUBMIT", "checkAssessmentItem:PASSED", "countyApproval:RETURN",
        "revision:REVISE", "reviseAssessmentItem:SUBMIT", "checkAssessmentItem:PASSED");
    assertThat(a.timeline().get(5).version()).isEqualTo(2);
  }

  @Test
  void shouldReturnFromTheProvinceToTheDepartmentWhoMayWithdraw() {
    AssessmentView a = ningyangVeto();
    support.complete("ningyanggov", a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL, "APPROVE", null);
    support.complete("shandongapprover", a.processInstanceId(), AssessmentKeys.PROVINCE_APPROVAL, "RETURN", "依据文件未设一票否决，请改为其他考核方式");
    a = support.view(a.id());
    assertThat(a.status()).isEqualTo(AssessmentStatus.RETURNED);
    support.complete("ningyangdept", a.processInstanceId(), AssessmentKeys.REVISE, "WITHDRAW", null);
    a = support.view(a.id());
    assertThat(a.status()).isEqualTo(AssessmentStatus.WITHDRAWN);
    assertThat(steps(a)).endsWith("provinceApproval:RETURN", "reviseAssessmentItem:WITHDRAW", "assessmentWithdrawn:WITHDRAWN");
    assertThat(a.timeline().get(3).opinion()).isEqualTo("依据文件未设一票否决，请改为其他考核方式");
  }

  @Test
  void shouldGoThroughBothStagesAgainAfterAReturnFromTheProvince() {
    AssessmentView a = ningyangVeto();
    support.complete("ningyanggov", a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL, "APPROVE", null);
    support.complete("shandongapprover", a.processInstanceId(), AssessmentKeys.PROVINCE_APPROVAL, "RETURN", "请补充理由");
    support.complete("ningyangdept", a.processInstanceId(), AssessmentKeys.REVISE, "SUBMIT", null);
    assertThat(instance(a)).isWaitingAt(AssessmentKeys.COUNTY_APPROVAL);
    support.complete("ningyanggov", a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL, "APPROVE", null);
    assertThat(instance(a)).isWaitingAt(AssessmentKeys.PROVINCE_APPROVAL);
    support.complete("shandongapprover", a.processInstanceId(), AssessmentKeys.PROVINCE_APPROVAL, "APPROVE", null);
    assertThat(support.view(a.id()).status()).isEqualTo(AssessmentStatus.APPROVED);
  }

  @Test
  void shouldEndTheItemWhenTheCountyRejectsIt() {
    AssessmentView a = ningyangVeto();
    support.complete("ningyanggov", a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL, "REJECT", "不得对乡镇设置该一票否决事项");
    a = support.view(a.id());
    assertThat(a.status()).isEqualTo(AssessmentStatus.REJECTED);
    assertThat(steps(a)).endsWith("countyApproval:REJECT", "assessmentRejected:REJECTED");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(a.processInstanceId()).count()).isZero();
  }

  @Test
  void shouldEndTheItemWhenTheProvinceRejectsIt() {
    AssessmentView a = ningyangVeto();
    support.complete("ningyanggov", a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL, "APPROVE", null);
    support.complete("shandongapprover", a.processInstanceId(), AssessmentKeys.PROVINCE_APPROVAL, "REJECT", "未经省委、省政府同意");
    a = support.view(a.id());
    assertThat(a.status()).isEqualTo(AssessmentStatus.REJECTED);
    assertThat(steps(a)).endsWith("provinceApproval:REJECT", "assessmentRejected:REJECTED");
  }

  @Test
  void shouldRefuseAReturnOrARejectionWithoutAnOpinionAndKeepTheTaskOpen() {
    AssessmentView a = ningyangVeto();
    for (String decision : List.of("RETURN", "REJECT")) {
      assertThatThrownBy(() -> support.complete("ningyanggov", a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL, decision, " "))
          .hasMessageContaining("opinion");
    }
    assertThatThrownBy(() -> support.complete("ningyanggov", a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL, "FILE", null))
        .hasMessageContaining("decision");
    assertThat(instance(a)).isWaitingAt(AssessmentKeys.COUNTY_APPROVAL);
    assertThat(steps(support.view(a.id()))).hasSize(2);
  }

  @Test
  void shouldFlagTheItemOverdueWhenTheCountyLetsItsTimePassUntilItDecides() {
    Clocks.at("2026-03-02T09:00:00");
    AssessmentView a = support.create("ningyangdept", support.ningyang(AssessmentKind.RANKING, null, "370921103"));
    Clocks.at("2026-03-24T09:00:00"); // past 15 working days
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(a.processInstanceId()).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    a = support.view(a.id());
    assertThat(a.overdue()).isTrue();
    assertThat(steps(a)).endsWith("approvalOverdue:OVERDUE");
    assertThat(instance(a)).isWaitingAt(AssessmentKeys.COUNTY_APPROVAL);
    support.complete("ningyanggov", a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL, "APPROVE", null);
    assertThat(support.view(a.id()).overdue()).isFalse();
  }

  @Test
  void shouldFlagAShandongVetoOverdueWhenTheProvinceLetsItsTimePass() {
    Clocks.at("2026-03-02T09:00:00");
    AssessmentView a = ningyangVeto();
    support.complete("ningyanggov", a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL, "APPROVE", null);
    Task province = support.task(a.processInstanceId(), AssessmentKeys.PROVINCE_APPROVAL);
    assertThat(province.getDueDate().toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 23));
    Clocks.at("2026-03-24T09:00:00");
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(a.processInstanceId()).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    a = support.view(a.id());
    assertThat(a.overdue()).isTrue();
    assertThat(a.timeline().get(a.timeline().size() - 1).stageName()).isEqualTo("省委、省政府审批逾期");
    assertThat(support.as("shandongapprover", () -> service.list(new AssessmentRepository.Filter(null, null, null, null, true),
        support.jurisdiction("shandongapprover"), 0, 200)).items()).extracting(AssessmentItem::id).contains(a.id());
    support.complete("shandongapprover", a.processInstanceId(), AssessmentKeys.PROVINCE_APPROVAL, "APPROVE", null);
    assertThat(support.view(a.id()).overdue()).isFalse();
  }

  @Test
  void shouldTakeTheDepartmentsRevisionFromTheFormAsTasklistSubmitsItAndCheckItAgain() {
    AssessmentView a = support.create("ningyangdept", support.ningyang(AssessmentKind.VETO, AssessmentFixtures.centralDocument(), "370921101"));
    support.complete("ningyanggov", a.processInstanceId(), AssessmentKeys.COUNTY_APPROVAL, "RETURN", "请写明验收标准");
    Task revise = support.task(a.processInstanceId(), AssessmentKeys.REVISE);
    assertThat(engine.getFormService().getTaskFormData(revise.getId()).getCamundaFormRef().getKey()).isEqualTo("assessmentStart");
    assertThat(engine.getTaskService().getVariableLocal(revise.getId(), "indicator")).isEqualTo("村庄清洁行动达标率100%");
    assertThat(engine.getTaskService().getVariableLocal(revise.getId(), "basisNumber")).isEqualTo("中办发〔2018〕5号");

    // the department empties the cited document: the resubmission is refused by the rules, the task stays open
    java.util.Map<String, Object> fields = new java.util.HashMap<>(AssessmentFormValues.of(a.content()));
    fields.put("basisName", null);
    fields.put("basisNumber", null);
    fields.put("basisIssuer", null);
    fields.put("decision", "SUBMIT");
    String taskId = revise.getId();
    assertThatThrownBy(() -> support.as("ningyangdept", () -> {
      engine.getFormService().submitTaskForm(taskId, fields);
      return null;
    })).hasMessageContaining("鲁厅字〔2018〕33号 五(二)");
    assertThat(instance(a)).isWaitingAt(AssessmentKeys.REVISE);
    assertThat(support.view(a.id()).version()).isEqualTo(1);

    fields.putAll(AssessmentFormValues.of(a.content()));
    fields.put("indicator", "验收标准：村庄清洁行动达标率（达标村数/行政村数）100%");
    support.as("ningyangdept", () -> {
      engine.getFormService().submitTaskForm(taskId, fields);
      return null;
    });
    a = support.view(a.id());
    assertThat(a.version()).isEqualTo(2);
    assertThat(a.content().items().get(0).indicator()).startsWith("验收标准");
    assertThat(a.status()).isEqualTo(AssessmentStatus.COUNTY_REVIEW);
    assertThat(engine.getRuntimeService().getVariable(a.processInstanceId(), "indicator")).as("form fields are not process variables").isNull();
  }
}
