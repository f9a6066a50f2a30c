package cn.gov.reform.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.TownshipDuties;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.engine.DecisionRefusedException;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.support.Clocks;

/**
 * The duty-access chain end to end on the real engine (README "职责准入与考核事项"): the department submits, every affected
 * township gives its opinion in parallel (or lets its time limit pass), the county committee and government approve —
 * the duty joins each township's list — return it to the department (heard again after the resubmission) or reject it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class DutyProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired DutyFixtures support;
  @Autowired TownshipDuties townshipDuties;
  @Autowired DutySubjects subjects;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance instance(DutyView d) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(d.processInstanceId()).singleResult();
  }

  private static List<String> steps(DutyView d) {
    return d.timeline().stream().map(e -> e.stage() + ":" + e.decision()).toList();
  }

  @Test
  void shouldHearEveryTownshipInParallelThenApproveAndListTheDutyForEach() {
    Clocks.at("2026-03-02T09:00:00"); // a Monday
    DutyView d = support.create("ningyangdept", DutyFixtures.ningyang("370921101", "370921102"));
    assertThat(instance(d).getTenantId()).isEqualTo("370000");
    assertThat(d.status()).isEqualTo(DutyStatus.HEARING);
    assertThat(d.stages()).containsExactly(DutyKeys.TOWNSHIP_OPINION);
    List<Task> opinions = support.opinionTasks(d.processInstanceId());
    assertThat(opinions).hasSize(2).allSatisfy(t -> assertThat(t.getDueDate().toInstant().atZone(WorkingDayCalendar.ZONE)
        .toLocalDate()).as("5 working days after Monday 2 March").isEqualTo(LocalDate.of(2026, 3, 9)));
    assertThat(support.opinionTask(d.processInstanceId(), "370921101")).isNotNull();
    assertThat(support.opinionTask(d.processInstanceId(), "370921102")).isNotNull();

    support.opinion(d.processInstanceId(), "370921101", "APPROVE", null);
    assertThat(instance(d)).isWaitingAt(DutyKeys.TOWNSHIP_OPINION);
    support.opinion(d.processInstanceId(), "370921102", "REJECT", "本镇无专业技术人员，需县住建局派员全程参与");
    assertThat(instance(d)).isWaitingAt(DutyKeys.COUNTY_APPROVAL);
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("countygov370921")
        .processInstanceId(d.processInstanceId()).count()).isEqualTo(1);

    DutyView atCounty = support.view(d.id());
    assertThat(atCounty.status()).isEqualTo(DutyStatus.IN_REVIEW);
    assertThat(atCounty.townships()).extracting(DutyView.TownshipView::opinion)
        .containsExactly(TownshipOpinion.AGREED, TownshipOpinion.OBJECTED);
    assertThat(atCounty.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("DUTY-TOWNSHIP-OBJECTION");
      assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
      assertThat(f.message()).isEqualTo("东疏镇有异议：本镇无专业技术人员，需县住建局派员全程参与");
      assertThat(f.source()).contains("通办发〔2020〕6号 二(五)13");
    });
    Task approval = support.task(d.processInstanceId(), DutyKeys.COUNTY_APPROVAL);
    assertThat((String) engine.getTaskService().getVariableLocal(approval.getId(), DutyKeys.FORM_FINDINGS))
        .contains("东疏镇有异议：本镇无专业技术人员");
    assertThat((String) engine.getTaskService().getVariableLocal(approval.getId(), DutyKeys.FORM_OPINIONS))
        .contains("东疏镇意见 · 有异议（须写明理由）");

    support.complete("ningyanggov", d.processInstanceId(), DutyKeys.COUNTY_APPROVAL, Map.of("decision", "APPROVE",
        "opinion", "同意，县住建局按东疏镇意见派员参与。"));
    DutyView approved = support.view(d.id());
    assertThat(instance(d)).isNull();
    assertThat(approved.status()).isEqualTo(DutyStatus.APPROVED);
    assertThat(approved.approvedAt()).isNotNull();
    assertThat(steps(approved)).containsExactly("dutyRequested:SUBMIT", "checkDutyRequest:PASSED", "hearTownships:HEARING",
        "townshipOpinion:APPROVE", "townshipOpinion:REJECT", "summariseOpinions:SUMMARISED", "countyApproval:APPROVE",
        "acceptDuty:APPROVED");
    assertThat(approved.timeline().get(5).opinion()).isEqualTo("2个乡镇：无异议1个（泗店镇），有异议1个（东疏镇），逾期未反馈0个");
    assertThat(townshipDuties.find("370921101", d.id())).isPresent();
    assertThat(townshipDuties.of("370921102")).extracting(TownshipDuties.AcceptedDuty::id).contains(d.id());
    assertThat(townshipDuties.find("370921103", d.id())).as("a township not named").isEmpty();
  }

  @Test
  void shouldCloseATownshipsTaskWhenItsTimeLimitPassesAndGoOnWithoutItsOpinion() {
    Clocks.at("2026-03-02T09:00:00");
    DutyView d = support.create("ningyangdept", DutyFixtures.ningyang("370921103", "370921105"));
    support.opinion(d.processInstanceId(), "370921103", "APPROVE", "同意承接。");
    List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(d.processInstanceId()).timers().listPage(0, 10);
    assertThat(timers).hasSize(1);

    Clocks.at("2026-03-09T18:00:00"); // the 5th working day, not yet past
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(d.processInstanceId()).executable().count()).isZero();
    Clocks.at("2026-03-10T00:00:01");
    support.runJobs(d.processInstanceId());

    DutyView atCounty = support.view(d.id());
    assertThat(instance(d)).isWaitingAt(DutyKeys.COUNTY_APPROVAL);
    assertThat(support.opinionTask(d.processInstanceId(), "370921105")).isNull();
    assertThat(atCounty.townships()).extracting(DutyView.TownshipView::opinion)
        .containsExactly(TownshipOpinion.AGREED, TownshipOpinion.NOT_GIVEN);
    assertThat(atCounty.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("DUTY-TOWNSHIP-NO-OPINION");
      assertThat(f.message()).isEqualTo("堽城镇逾期未反馈意见");
    });
    assertThat(atCounty.timeline()).anySatisfy(e -> {
      assertThat(e.stage()).isEqualTo(DutyKeys.OPINION_OVERDUE);
      assertThat(e.decision()).isEqualTo("NOT_GIVEN");
      assertThat(e.actor()).isEqualTo("system");
      assertThat(e.opinion()).contains("堽城镇未在5个工作日内反馈意见");
    });
  }

  @Test
  void shouldMarkTheCountysApprovalOverdueUntilItDecides() {
    Clocks.at("2026-03-02T09:00:00");
    DutyView d = support.create("ningyangdept", DutyFixtures.ningyang("370921107"));
    support.opinion(d.processInstanceId(), "370921107", "APPROVE", null);
    Jurisdiction county = support.jurisdiction("ningyanggov");
    long before = subjects.overdue(county);
    Clocks.at("2026-04-30T09:00:00"); // past 15 working days
    support.runJobs(d.processInstanceId());
    assertThat(instance(d)).as("the reminder does not close the task").isWaitingAt(DutyKeys.COUNTY_APPROVAL);
    assertThat(support.view(d.id()).overdue()).isTrue();
    assertThat(subjects.overdue(county)).isEqualTo(before + 1);
    assertThat(steps(support.view(d.id()))).contains("countyApprovalOverdue:OVERDUE");

    support.complete("ningyanggov", d.processInstanceId(), DutyKeys.COUNTY_APPROVAL, Map.of("decision", "APPROVE"));
    assertThat(support.view(d.id()).overdue()).isFalse();
    assertThat(subjects.overdue(county)).isEqualTo(before);
  }

  @Test
  void shouldReturnToTheDepartmentAndHearTheTownshipsAgainAfterTheResubmission() {
    DutyView d = support.create("ningyangdept", DutyFixtures.ningyang("370921111"));
    support.opinion(d.processInstanceId(), "370921111", "APPROVE", null);
    assertThatThrownBy(() -> support.complete("ningyanggov", d.processInstanceId(), DutyKeys.COUNTY_APPROVAL,
        Map.of("decision", "RETURN"))).isInstanceOf(DecisionRefusedException.class).hasMessageContaining("opinion");
    support.complete("ningyanggov", d.processInstanceId(), DutyKeys.COUNTY_APPROVAL, Map.of("decision", "RETURN",
        "opinion", "请补充东庄镇，经费按每镇5万元落实。"));
    assertThat(instance(d)).isWaitingAt(DutyKeys.REVISE);
    assertThat(support.view(d.id()).status()).isEqualTo(DutyStatus.RETURNED);
    Task revise = support.task(d.processInstanceId(), DutyKeys.REVISE);
    assertThat(engine.getTaskService().createTaskQuery().taskId(revise.getId()).taskCandidateGroup("countydept370921").count()).isEqualTo(1);
    assertThat(engine.getTaskService().getVariableLocal(revise.getId(), "townshipCodes")).isEqualTo("370921111");

    // the department edits the form: another township, more funds; the resubmission is checked and heard again
    Map<String, Object> form = new java.util.HashMap<>(engine.getTaskService().getVariablesLocal(revise.getId()));
    form.put("townshipCodes", "370921111，370921112");
    form.put("funds", "县财政安排工作经费每镇5万元");
    form.put("decision", "SUBMIT");
    support.submitForm("ningyangdept", d.processInstanceId(), DutyKeys.REVISE, form);

    DutyView again = support.view(d.id());
    assertThat(again.version()).isEqualTo(2);
    assertThat(again.request().funds()).isEqualTo("县财政安排工作经费每镇5万元");
    assertThat(again.status()).isEqualTo(DutyStatus.HEARING);
    assertThat(again.townships()).extracting(DutyView.TownshipView::code).containsExactly("370921111", "370921112");
    assertThat(again.townships()).allSatisfy(t -> assertThat(t.opinion()).isEqualTo(TownshipOpinion.PENDING));
    assertThat(support.opinionTasks(d.processInstanceId())).hasSize(2);
    assertThat(steps(again)).containsSubsequence("countyApproval:RETURN", "revision:REVISE", "reviseDutyRequest:SUBMIT",
        "checkDutyRequest:PASSED", "hearTownships:HEARING");
  }

  @Test
  void shouldRefuseAResubmissionThatDropsARequiredElementAndKeepTheTaskOpen() {
    DutyView d = support.create("ningyangdept", DutyFixtures.ningyang("370921113"));
    support.opinion(d.processInstanceId(), "370921113", "APPROVE", null);
    support.complete("ningyanggov", d.processInstanceId(), DutyKeys.COUNTY_APPROVAL, Map.of("decision", "RETURN", "opinion", "请修改。"));
    Task revise = support.task(d.processInstanceId(), DutyKeys.REVISE);
    Map<String, Object> form = new java.util.HashMap<>(engine.getTaskService().getVariablesLocal(revise.getId()));
    form.put("training", "");
    form.put("decision", "SUBMIT");
    assertThatThrownBy(() -> support.submitForm("ningyangdept", d.processInstanceId(), DutyKeys.REVISE, form))
        .isInstanceOf(DutyInputException.class).hasMessageContaining("未写明业务培训")
        .hasMessageContaining("鲁厅字〔2018〕33号 五(一)");
    assertThat(instance(d)).isWaitingAt(DutyKeys.REVISE);
    assertThat(support.view(d.id()).version()).isEqualTo(1);
  }

  @Test
  void shouldRejectWithAnOpinionAndListNothing() {
    DutyView d = support.create("tongweidept", DutyFixtures.tongwei("621121102"));
    assertThat(instance(d).getTenantId()).isEqualTo("620000");
    support.opinion(d.processInstanceId(), "621121102", "REJECT", "鸡川镇已承担同类任务，无力承接");
    assertThatThrownBy(() -> support.complete("tongweigov", d.processInstanceId(), DutyKeys.COUNTY_APPROVAL,
        Map.of("decision", "REJECT"))).isInstanceOf(DecisionRefusedException.class);
    support.complete("tongweigov", d.processInstanceId(), DutyKeys.COUNTY_APPROVAL, Map.of("decision", "REJECT",
        "opinion", "该事项属县农业农村局职责，不得转交乡镇。"));
    DutyView rejected = support.view(d.id());
    assertThat(instance(d)).isNull();
    assertThat(rejected.status()).isEqualTo(DutyStatus.REJECTED);
    assertThat(steps(rejected)).endsWith("countyApproval:REJECT", "dutyRejected:REJECTED");
    assertThat(townshipDuties.find("621121102", d.id())).isEmpty();
  }

  @Test
  void shouldWithdrawAtTheDepartment() {
    DutyView d = support.create("tongweidept", DutyFixtures.tongwei("621121103"));
    support.opinion(d.processInstanceId(), "621121103", "APPROVE", null);
    support.complete("tongweigov", d.processInstanceId(), DutyKeys.COUNTY_APPROVAL, Map.of("decision", "RETURN", "opinion", "请补充。"));
    support.complete("tongweidept", d.processInstanceId(), DutyKeys.REVISE, Map.of("decision", "WITHDRAW"));
    assertThat(support.view(d.id()).status()).isEqualTo(DutyStatus.WITHDRAWN);
    assertThat(instance(d)).isNull();
  }

  @Test
  void shouldRefuseATownshipsObjectionWithoutItsReasons() {
    DutyView d = support.create("tongweidept", DutyFixtures.tongwei("621121104"));
    assertThatThrownBy(() -> support.opinion(d.processInstanceId(), "621121104", "REJECT", null))
        .isInstanceOf(DecisionRefusedException.class).hasMessageContaining("有异议（须写明理由）时必须填写意见");
    assertThatThrownBy(() -> support.opinion(d.processInstanceId(), "621121104", "RETURN", "退回"))
        .isInstanceOf(DecisionRefusedException.class).hasMessageContaining("只能选择");
    assertThat(support.opinionTask(d.processInstanceId(), "621121104")).isNotNull();
  }
}
