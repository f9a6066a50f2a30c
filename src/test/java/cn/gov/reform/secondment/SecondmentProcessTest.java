package cn.gov.reform.secondment;

import static cn.gov.reform.secondment.SecondmentFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.gov.reform.engine.DecisionRefusedException;

/**
 * Every chain of the secondment (README "借调"), end to end on the real engine: Shandong — the township party committee's
 * consent, then the county organisation department; 磁窑镇 — then the county committee & government too; Gansu — the
 * organisation department and the human-resources bureau in parallel, both must approve. RETURN (back to the requester, who
 * revises and resubmits) and REJECT at every stage, WITHDRAW by the requester.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class SecondmentProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired SecondmentFixtures support;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
    SecondmentFixtures.today();
  }

  @AfterEach
  void clock() {
    SecondmentFixtures.resetClock();
  }

  private ProcessInstance instance(SecondmentView s) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(s.processInstanceId()).singleResult();
  }

  private static List<String> steps(SecondmentView s) {
    return s.timeline().stream().map(e -> e.stage() + ":" + e.decision()).toList();
  }

  private long candidates(SecondmentView s, String group) {
    return engine.getTaskService().createTaskQuery().processInstanceId(s.processInstanceId()).taskCandidateGroup(group).count();
  }

  @Test
  void shouldSecondAShandongOfficialWithTheTownshipsConsentAndTheOrganisationDepartmentsApproval() {
    // 葛石镇 (宁阳县): 鲁厅字〔2018〕33号 四(二) — 征得乡镇党委同意后，须报县级党委组织部门批准
    SecondmentView s = support.submitted("ningyangrequester", request("370921111"));
    assertThat(instance(s)).isWaitingAt(SecondmentKeys.TOWNSHIP_CONSENT);
    assertThat(instance(s).getTenantId()).isEqualTo("370000");
    assertThat(s.status()).isEqualTo(SecondmentStatus.IN_REVIEW);
    assertThat(s.route()).startsWith("山东省：乡镇党委同意、县委组织部批准");
    assertThat(s.months()).isEqualTo(5);
    assertThat(s.findings()).isEmpty();
    assertThat(candidates(s, "township370921111")).isEqualTo(1);
    assertThat(engine.getIdentityService().createGroupQuery().groupId("township370921111").singleResult().getName())
        .as("the township's group, created when first routed to").isEqualTo("山东省泰安市宁阳县葛石镇党委");

    support.approve("geshi", s.processInstanceId(), SecondmentKeys.TOWNSHIP_CONSENT);
    assertThat(instance(s)).isWaitingAt(SecondmentKeys.ORGANISATION_APPROVAL);
    assertThat(candidates(s, "orgdept370921")).isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(s.processInstanceId())
        .taskDefinitionKey(SecondmentKeys.HUMAN_RESOURCES_APPROVAL).count()).as("no human resources in Shandong").isZero();
    support.approve("ningyangorg", s.processInstanceId(), SecondmentKeys.ORGANISATION_APPROVAL);

    SecondmentView seconded = support.view(s.id());
    assertThat(seconded.status()).isEqualTo(SecondmentStatus.SECONDED);
    assertThat(instance(s)).isWaitingAt("reminderDue", "secondmentEnds");
    assertThat(steps(seconded)).containsExactly("secondmentRequested:SUBMIT", "determineSecondmentRoute:ROUTED",
        "checkSecondment:PASSED", "townshipConsent:APPROVE", "organisationApproval:APPROVE", "secondmentApproved:SECONDED");
    assertThat(seconded.timeline().get(3).actor()).isEqualTo("geshi");
  }

  @Test
  void shouldAskTheCountyCommitteeAndGovernmentBeforeCiyaoStaffAreSeconded() {
    // 宁政发〔2019〕6号 二(六)2: 未经县委、县政府同意，县直部门不准调动或借用磁窑镇工作人员
    SecondmentView s = support.submitted("ningyangrequester", request("370921109"));
    assertThat(s.route()).startsWith("磁窑镇：").contains("宁政发〔2019〕6号 二(六)2");
    support.approve("ciyao", s.processInstanceId(), SecondmentKeys.TOWNSHIP_CONSENT);
    support.approve("ningyangorg", s.processInstanceId(), SecondmentKeys.ORGANISATION_APPROVAL);
    assertThat(instance(s)).isWaitingAt(SecondmentKeys.COUNTY_GOVERNMENT_CONSENT);
    assertThat(candidates(s, "countygov370921")).isEqualTo(1);
    assertThat(engine.getTaskService().getVariable(support.task(s.processInstanceId(), SecondmentKeys.COUNTY_GOVERNMENT_CONSENT)
        .getId(), SecondmentKeys.FORM_CHAIN)).asString().contains("【县委、县政府同意（当前）】");
    support.approve("ningyanggov", s.processInstanceId(), SecondmentKeys.COUNTY_GOVERNMENT_CONSENT);
    assertThat(support.view(s.id()).status()).isEqualTo(SecondmentStatus.SECONDED);
    assertThat(steps(support.view(s.id()))).contains("countyGovernmentConsent:APPROVE");
  }

  @Test
  void shouldHaveGansusOrganisationAndHumanResourcesApproveInParallel() {
    // 通渭办发〔2020〕6号 二(四)9: 未征得乡镇党委同意，并经组织、人社部门批准，不得从乡镇借调工作人员
    SecondmentView s = support.submitted("tongweirequester", request("621121100"));
    assertThat(instance(s).getTenantId()).isEqualTo("620000");
    assertThat(s.route()).startsWith("甘肃省：").contains("通办发〔2020〕6号 二(四)9");
    support.approve("pingxiang", s.processInstanceId(), SecondmentKeys.TOWNSHIP_CONSENT);
    assertThat(instance(s)).isWaitingAt(SecondmentKeys.ORGANISATION_APPROVAL, SecondmentKeys.HUMAN_RESOURCES_APPROVAL);
    assertThat(candidates(s, "orgdept621121")).isEqualTo(1);
    assertThat(candidates(s, "hrdept621121")).isEqualTo(1);

    support.approve("tongweihr", s.processInstanceId(), SecondmentKeys.HUMAN_RESOURCES_APPROVAL);
    assertThat(support.view(s.id()).status()).as("one department is not enough").isEqualTo(SecondmentStatus.IN_REVIEW);
    assertThat(instance(s)).isWaitingAt(SecondmentKeys.ORGANISATION_APPROVAL);
    support.approve("tongweiorg", s.processInstanceId(), SecondmentKeys.ORGANISATION_APPROVAL);

    SecondmentView seconded = support.view(s.id());
    assertThat(seconded.status()).isEqualTo(SecondmentStatus.SECONDED);
    assertThat(steps(seconded)).contains("humanResourcesApproval:APPROVE", "organisationApproval:APPROVE",
        "secondmentApproved:SECONDED");
  }

  /** Every stage of every chain, with whom to pass the stages before it. */
  static Stream<Arguments> everyStage() {
    return Stream.of(
        Arguments.of("370921111", SecondmentKeys.TOWNSHIP_CONSENT, "geshi", List.of()),
        Arguments.of("370921111", SecondmentKeys.ORGANISATION_APPROVAL, "ningyangorg", List.of("geshi:townshipConsent")),
        Arguments.of("370921109", SecondmentKeys.COUNTY_GOVERNMENT_CONSENT, "ningyanggov",
            List.of("ciyao:townshipConsent", "ningyangorg:organisationApproval")),
        Arguments.of("621121101", SecondmentKeys.ORGANISATION_APPROVAL, "tongweiorg", List.of("maying:townshipConsent")),
        Arguments.of("621121101", SecondmentKeys.HUMAN_RESOURCES_APPROVAL, "tongweihr", List.of("maying:townshipConsent")));
  }

  private SecondmentView atStage(String township, List<String> before) {
    SecondmentView s = support.submitted(township.startsWith("62") ? "tongweirequester" : "ningyangrequester", request(township));
    before.forEach(step -> support.approve(step.split(":")[0], s.processInstanceId(), step.split(":")[1]));
    return s;
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("everyStage")
  void shouldReturnTheRequestToTheRequesterFromEveryStageWithAnOpinion(String township, String stage, String official,
      List<String> before) {
    SecondmentView s = atStage(township, before);
    assertThatThrownBy(() -> support.complete(official, s.processInstanceId(), stage, Map.of("decision", "RETURN")))
        .isInstanceOf(DecisionRefusedException.class).hasMessageContaining("退回修改时必须填写意见");
    support.complete(official, s.processInstanceId(), stage, Map.of("decision", "RETURN", "opinion", "请写明借调期间的具体工作任务"));

    SecondmentView back = support.view(s.id());
    assertThat(instance(s)).as("a parallel department's task is withdrawn too").isWaitingAt(SecondmentKeys.REVISE);
    assertThat(back.status()).isEqualTo(SecondmentStatus.DRAFT);
    assertThat(back.timeline()).anySatisfy(e -> {
      assertThat(e.stage()).isEqualTo(stage);
      assertThat(e.decision()).isEqualTo("RETURN");
      assertThat(e.opinion()).isEqualTo("请写明借调期间的具体工作任务");
      assertThat(e.actor()).isEqualTo(official);
    });
    String revise = support.task(s.processInstanceId(), SecondmentKeys.REVISE).getId();
    assertThat(engine.getTaskService().getVariable(revise, SecondmentKeys.FORM_OPINIONS)).asString()
        .contains("请写明借调期间的具体工作任务");
    String requester = township.startsWith("62") ? "tongweirequester" : "ningyangrequester";
    assertThat(support.tasksSeenBy(requester, s.processInstanceId())).as("back with the requester in Tasklist").isEqualTo(1);

    // the requester revises the reason in the form and resubmits: a new version, checked again, the chain from its start
    Map<String, Object> form = new java.util.HashMap<>(engine.getTaskService().getVariablesLocal(revise));
    form.put("reason", "重点项目集中攻坚：负责园区企业入统和项目申报材料审核");
    form.put("decision", "SUBMIT");
    support.as(requester, () -> {
      engine.getFormService().submitTaskForm(revise, form);
      return null;
    });
    support.runJobs(s.processInstanceId());
    SecondmentView again = support.view(s.id());
    assertThat(instance(s)).isWaitingAt(SecondmentKeys.TOWNSHIP_CONSENT);
    assertThat(again.version()).isEqualTo(2);
    assertThat(again.reason()).isEqualTo("重点项目集中攻坚：负责园区企业入统和项目申报材料审核");
    assertThat(steps(again)).endsWith("revision:REVISE", "reviseSecondment:SUBMIT", "determineSecondmentRoute:ROUTED",
        "checkSecondment:PASSED");
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("everyStage")
  void shouldEndTheRequestRefusedAtEveryStage(String township, String stage, String official, List<String> before) {
    SecondmentView s = atStage(township, before);
    assertThatThrownBy(() -> support.complete(official, s.processInstanceId(), stage, Map.of("decision", "REJECT")))
        .isInstanceOf(DecisionRefusedException.class).hasMessageContaining("时必须填写意见");
    support.complete(official, s.processInstanceId(), stage, Map.of("decision", "REJECT", "opinion", "该同志承担镇防汛任务，不宜借调"));

    SecondmentView rejected = support.view(s.id());
    assertThat(instance(s)).isNull();
    assertThat(rejected.status()).isEqualTo(SecondmentStatus.REJECTED);
    assertThat(steps(rejected)).endsWith(stage + ":REJECT", "secondmentRejected:REJECTED");
  }

  @Test
  void shouldLetTheRequesterWithdrawARequestSentBack() {
    SecondmentView s = support.submitted("ningyangrequester", request("370921111"));
    support.complete("geshi", s.processInstanceId(), SecondmentKeys.TOWNSHIP_CONSENT,
        Map.of("decision", "RETURN", "opinion", "请与镇党委沟通借调人选"));
    assertThatThrownBy(() -> support.complete("ningyangrequester", s.processInstanceId(), SecondmentKeys.REVISE,
        Map.of("decision", "APPROVE"))).isInstanceOf(DecisionRefusedException.class)
        .hasMessageContaining("只能选择 SUBMIT（重新提交）、WITHDRAW（撤回申请）");
    support.complete("ningyangrequester", s.processInstanceId(), SecondmentKeys.REVISE, Map.of("decision", "WITHDRAW"));
    assertThat(instance(s)).isNull();
    assertThat(support.view(s.id()).status()).isEqualTo(SecondmentStatus.WITHDRAWN);
  }
}
