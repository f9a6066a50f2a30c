package cn.gov.reform.plan;

import static cn.gov.reform.plan.Chains.GANSU_TOWNSHIP;
import static cn.gov.reform.plan.Chains.JILIN_DEPARTMENTS;
import static cn.gov.reform.plan.Chains.JILIN_DEVELOPED_TOWN;
import static cn.gov.reform.plan.Chains.NATIONAL_DEFAULT;
import static cn.gov.reform.plan.Chains.SHANDONG_DEVELOPED_TOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.plan.Chains.Chain;
import cn.gov.reform.plan.Chains.Step;
import cn.gov.reform.plan.Chains.Worker;

/** Every approval chain of the documents (DOMAIN "The real approval chains"), end to end on the real engine. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class ApprovalChainsTest {

  /** Every stage of every chain, and in the joint review a department as well as the provincial 编办. */
  static Stream<Arguments> stagesOfEveryChain() {
    List<Arguments> cases = new ArrayList<>();
    Chains.all().forEach(c -> c.steps().forEach(s -> cases.add(Arguments.of(c, s.stage(), s.worker()))));
    cases.add(Arguments.of(JILIN_DEVELOPED_TOWN, ProcessKeys.DEPARTMENT_REVIEW, JILIN_DEPARTMENTS.get(2)));
    return cases.stream();
  }

  @Autowired ProcessEngine engine;
  @Autowired PlanFixtures support;
  @Autowired PlanService plans;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
  }

  private PlanView submitted(Chain chain) {
    PlanView plan = support.create(chain.drafter(), chain.plan().get());
    support.runJobs(plan.processInstanceId());
    return plan;
  }

  private ProcessInstance instance(PlanView plan) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(plan.processInstanceId()).singleResult();
  }

  private Task departmentTask(String pi, String group) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey(ProcessKeys.DEPARTMENT_REVIEW)
        .taskCandidateGroup(group).singleResult();
  }

  private void completeDepartment(String pi, Worker department, Map<String, Object> vars) {
    TaskService tasks = engine.getTaskService();
    String taskId = departmentTask(pi, department.group()).getId();
    support.as(department.user(), () -> {
      tasks.complete(taskId, vars);
      return null;
    });
  }

  /** Approves a stage; the joint review also needs every department's consent. */
  private void approve(String pi, Step step) {
    support.complete(step.worker().user(), pi, step.stage(), Map.of("decision", decisionToPass(step.stage())));
    if (step.stage().equals(ProcessKeys.PROVINCE_REVIEW)) {
      JILIN_DEPARTMENTS.forEach(d -> completeDepartment(pi, d, Map.of("decision", "APPROVE", "opinion", "同意")));
    }
  }

  private static String decisionToPass(String stage) {
    return stage.equals(ProcessKeys.PROVINCE_FILING) ? "FILE" : "APPROVE";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.gov.reform.plan.Chains#all")
  void shouldTakeEveryPlanThroughItsDocumentedChainToItsEnd(Chain chain) {
    PlanView plan = submitted(chain);
    ProcessInstance pi = instance(plan);
    List<String> passed = new ArrayList<>();
    for (Step step : chain.steps()) {
      assertThat(pi).isWaitingAt(step.stage());
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step.stage())
          .singleResult()).satisfies(t -> assertThat(t).hasCandidateGroup(step.worker().group()));
      assertThat(plans.view(plan.id()).status()).isEqualTo(PlanStatus.IN_REVIEW);
      approve(pi.getId(), step);
      passed.add(step.stage());
    }
    passed.add(chain.endEvent());
    assertThat(pi).hasPassedInOrder(passed.toArray(String[]::new)).isEnded();
    PlanView done = plans.view(plan.id());
    assertThat(done.status()).isEqualTo(chain.end());
    assertThat(done.stages()).isEmpty();
    assertThat(done.filingNumber() != null).isEqualTo(chain.end() == PlanStatus.FILED);
    List<String> expected = new ArrayList<>(List.of("planStarted", ProcessKeys.DETERMINE_ROUTE, ProcessKeys.VALIDATE_PLAN));
    expected.addAll(passed);
    assertThat(done.timeline()).extracting(TimelineEntry::stage).containsSubsequence(expected);
  }

  @Test
  void shouldRunJilinJointReviewWithOneTaskPerConfiguredDepartmentInParallel() {
    PlanView plan = submitted(JILIN_DEVELOPED_TOWN);
    String pi = plan.processInstanceId();
    approve(pi, JILIN_DEVELOPED_TOWN.steps().get(0));

    assertThat(plans.view(plan.id()).stages()).containsExactly(ProcessKeys.DEPARTMENT_REVIEW, ProcessKeys.PROVINCE_REVIEW);
    assertThat(instance(plan)).isWaitingAt(ProcessKeys.PROVINCE_REVIEW, ProcessKeys.DEPARTMENT_REVIEW);
    assertThat(support.task(pi, ProcessKeys.PROVINCE_REVIEW)).hasCandidateGroup("reviewer220000");
    for (Worker d : JILIN_DEPARTMENTS) {
      assertThat(departmentTask(pi, d.group())).as(d.group()).isNotNull();
    }
    assertThat(departmentTask(pi, "deptczt220000").getName()).isEqualTo("相关部门会审（省财政厅）");
    String chain = (String) engine.getTaskService().getVariableLocal(departmentTask(pi, "deptfgw220000").getId(),
        ProcessKeys.FORM_CHAIN);
    assertThat(chain).startsWith("吉林省经济发达镇方案").contains("【相关部门会审（当前）】").endsWith("已批准");
  }

  @Test
  void shouldSendPlanBackAfterEveryoneAnsweredWhenOneDepartmentReturnsItCarryingAllOpinions() {
    PlanView plan = submitted(JILIN_DEVELOPED_TOWN);
    String pi = plan.processInstanceId();
    approve(pi, JILIN_DEVELOPED_TOWN.steps().get(0));
    support.complete("jilinreviewer", pi, ProcessKeys.PROVINCE_REVIEW, Map.of("decision", "APPROVE", "opinion", "编制结构合理"));
    completeDepartment(pi, JILIN_DEPARTMENTS.get(0), Map.of("decision", "RETURN", "opinion", "请补充经济发展指标"));

    // the others have not answered yet: the plan waits for them
    assertThat(instance(plan)).isWaitingAt(ProcessKeys.DEPARTMENT_REVIEW).isNotWaitingAt(ProcessKeys.DRAFT_PLAN);
    JILIN_DEPARTMENTS.subList(1, 4).forEach(d -> completeDepartment(pi, d, Map.of("decision", "APPROVE")));

    assertThat(instance(plan)).isWaitingAt(ProcessKeys.DRAFT_PLAN).task().hasCandidateGroup("drafter220122");
    PlanView returned = plans.view(plan.id());
    assertThat(returned.status()).isEqualTo(PlanStatus.DRAFT);
    assertThat(returned.timeline()).filteredOn(e -> e.stage().equals(ProcessKeys.DEPARTMENT_REVIEW)).hasSize(4)
        .anySatisfy(e -> {
          assertThat(e.stageName()).isEqualTo("相关部门会审（省发展改革委）");
          assertThat(e.decision()).isEqualTo("RETURN");
          assertThat(e.opinion()).isEqualTo("请补充经济发展指标");
          assertThat(e.actor()).isEqualTo("jilinfgw");
        })
        .filteredOn(e -> e.decision().equals("APPROVE")).allSatisfy(e -> assertThat(e.opinion()).isNull());
    String opinions = (String) engine.getTaskService().getVariableLocal(support.task(pi, ProcessKeys.DRAFT_PLAN).getId(),
        ProcessKeys.FORM_OPINIONS);
    assertThat(opinions).contains("省编办审核 · 审核通过", "编制结构合理", "相关部门会审（省发展改革委） · 退回修改", "请补充经济发展指标",
        "相关部门会审（省财政厅） · 同意", "相关部门会审（省民政厅） · 同意");

    // resubmitted, it starts the chain again from the city's submission
    support.complete("nongan", pi, ProcessKeys.DRAFT_PLAN, Map.of("decision", "SUBMIT"));
    support.runJobs(pi);
    assertThat(instance(plan)).isWaitingAt(ProcessKeys.CITY_SUBMISSION);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("stagesOfEveryChain")
  void shouldReturnPlanToCountyFromEveryStageOfEveryChain(Chain chain, String stage, Worker worker) {
    PlanView plan = submitted(chain);
    String pi = plan.processInstanceId();
    String opinion = "请补充" + stage + "所需材料";
    for (Step step : chain.steps()) {
      boolean joint = stage.equals(ProcessKeys.DEPARTMENT_REVIEW) && step.stage().equals(ProcessKeys.PROVINCE_REVIEW);
      if (joint) {
        support.complete(step.worker().user(), pi, step.stage(), Map.of("decision", "APPROVE"));
        for (Worker d : JILIN_DEPARTMENTS) {
          completeDepartment(pi, d, d.equals(worker) ? Map.of("decision", "RETURN", "opinion", opinion) : Map.of("decision", "APPROVE"));
        }
        break;
      }
      if (step.stage().equals(stage)) {
        support.complete(worker.user(), pi, stage, Map.of("decision", "RETURN", "opinion", opinion));
        if (stage.equals(ProcessKeys.PROVINCE_REVIEW)) {
          JILIN_DEPARTMENTS.forEach(d -> completeDepartment(pi, d, Map.of("decision", "APPROVE")));
        }
        break;
      }
      approve(pi, step);
    }
    assertThat(instance(plan)).isWaitingAt(ProcessKeys.DRAFT_PLAN).task().hasCandidateGroup("drafter" + chain.plan().get().countyCode());
    PlanView returned = plans.view(plan.id());
    assertThat(returned.status()).isEqualTo(PlanStatus.DRAFT);
    assertThat(returned.stages()).containsExactly(ProcessKeys.DRAFT_PLAN);
    assertThat(returned.timeline()).anySatisfy(e -> {
      assertThat(e.stage()).isEqualTo(stage);
      assertThat(e.decision()).isEqualTo("RETURN");
      assertThat(e.opinion()).isEqualTo(opinion);
    });

    support.complete(chain.drafter(), pi, ProcessKeys.DRAFT_PLAN, Map.of("decision", "SUBMIT"));
    support.runJobs(pi);
    assertThat(instance(plan)).isWaitingAt(chain.steps().get(0).stage());
    assertThat(plans.view(plan.id()).status()).isEqualTo(PlanStatus.IN_REVIEW);
  }

  @Test
  void shouldEndRejectedWhenTheProvinceRejectsADevelopedTown() {
    PlanView plan = submitted(SHANDONG_DEVELOPED_TOWN);
    String pi = plan.processInstanceId();
    approve(pi, SHANDONG_DEVELOPED_TOWN.steps().get(0));
    approve(pi, SHANDONG_DEVELOPED_TOWN.steps().get(1));
    support.complete("shandongapprover", pi, ProcessKeys.PROVINCE_APPROVAL, Map.of("decision", "REJECT", "opinion", "建成区人口不足"));
    assertThat(instance(plan)).isNull();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult()
        .getEndActivityId()).isEqualTo("planRejectedByProvince");
    assertThat(plans.view(plan.id()).status()).isEqualTo(PlanStatus.REJECTED);
  }

  @Test
  void shouldShowTheChainAndTheCurrentStageOnEveryForm() {
    PlanView gansu = submitted(GANSU_TOWNSHIP);
    assertThat(engine.getTaskService().getVariableLocal(support.task(gansu.processInstanceId(), ProcessKeys.CITY_APPROVAL).getId(),
        ProcessKeys.FORM_CHAIN)).isEqualTo("甘肃省乡镇机构方案，报市委审批（通办发〔2020〕6号 二(一)1）：县级起草 → 【市委审批（当前）】 → 已批准");
    assertThat(support.task(gansu.processInstanceId(), ProcessKeys.CITY_APPROVAL).getName()).isEqualTo("市委审批");
    PlanView hebei = submitted(NATIONAL_DEFAULT);
    assertThat(engine.getTaskService().getVariableLocal(support.task(hebei.processInstanceId(), ProcessKeys.CITY_REVIEW).getId(),
        ProcessKeys.FORM_CHAIN)).isEqualTo("全国通行审批链（本省未配置专门规定）：县级起草 → 【市编办审核（当前）】 → 市委、市政府审批 → 省编办备案 → 已备案");
    assertThat(plans.view(hebei.id()).timeline()).filteredOn(e -> e.stage().equals(ProcessKeys.DETERMINE_ROUTE)).singleElement()
        .satisfies(e -> assertThat(e.opinion()).isEqualTo("全国通行审批链（本省未配置专门规定）"));
  }

  /** Deploys approvalRoute with one more row above the national default, as an official would in Modeler. */
  private Deployment deployWithRow(String id, String province, String planType,
      String stages, String finalStatus, String chainName) throws IOException {
    String table;
    try (var in = getClass().getResourceAsStream("/processes/approvalRoute.dmn")) {
      table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String row = """
        <rule id="%1$s">
                <description>测试行</description>
                <inputEntry id="%1$sProvince"><text>"%2$s"</text></inputEntry>
                <inputEntry id="%1$sPlanType"><text>"%3$s"</text></inputEntry>
                <outputEntry id="%1$sStages"><text>"%4$s"</text></outputEntry>
                <outputEntry id="%1$sFinalStatus"><text>"%5$s"</text></outputEntry>
                <outputEntry id="%1$sChainName"><text>"%6$s"</text></outputEntry>
                <outputEntry id="%1$sStageNames"><text></text></outputEntry>
              </rule>
              <rule id="nationalDefault">""".formatted(id, province, planType, stages, finalStatus, chainName);
    return engine.getRepositoryService().createDeployment().name("an official adds a row")
        .addString("approvalRoute.dmn", table.replace("<rule id=\"nationalDefault\">", row)).deploy();
  }

  @Test
  void shouldRouteANewProvinceByANewDecisionRowWithoutCodeChanges() throws Exception {
    var deployment = deployWithRow("hebeiTownship", "130000", "TOWNSHIP", "cityReview,cityApproval", "APPROVED", "河北省乡镇方案（测试）");
    try {
      PlanView plan = submitted(NATIONAL_DEFAULT);
      String pi = plan.processInstanceId();
      assertThat(instance(plan)).isWaitingAt(ProcessKeys.CITY_REVIEW).task().hasCandidateGroup("reviewer130100");
      support.complete("shijiazhuang", pi, ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
      assertThat(instance(plan)).isWaitingAt(ProcessKeys.CITY_APPROVAL).task().hasCandidateGroup("approver130100");
      support.complete("shijiazhuangapprover", pi, ProcessKeys.CITY_APPROVAL, Map.of("decision", "APPROVE"));
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult()
          .getEndActivityId()).isEqualTo("planApproved");
      assertThat(plans.view(plan.id()).status()).isEqualTo(PlanStatus.APPROVED);
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
    // without the row, Hebei is back on the national default chain
    PlanView later = submitted(NATIONAL_DEFAULT);
    assertThat(plans.view(later.id()).timeline()).filteredOn(e -> e.stage().equals(ProcessKeys.DETERMINE_ROUTE))
        .singleElement().satisfies(e -> assertThat(e.opinion()).startsWith("全国通行审批链"));
  }

  @Test
  void shouldLetTheProvincialOfficeReviewAloneWhereNoDepartmentsAreConfigured() throws Exception {
    // a joint review row for a province without app.joint-review.departments: the 编办 reviews alone
    var deployment = deployWithRow("hebeiJointReview", "130000", "TOWNSHIP", "provinceReview,departmentReview,provinceApproval",
        "APPROVED", "河北省会同审核（测试）");
    try {
      PlanView plan = submitted(NATIONAL_DEFAULT);
      String pi = plan.processInstanceId();
      assertThat(instance(plan)).isWaitingAt(ProcessKeys.PROVINCE_REVIEW).task().hasCandidateGroup("reviewer130000");
      assertThat(plans.view(plan.id()).stages()).containsExactly(ProcessKeys.PROVINCE_REVIEW);
      support.complete("hebeireviewer", pi, ProcessKeys.PROVINCE_REVIEW, Map.of("decision", "APPROVE"));
      assertThat(instance(plan)).isWaitingAt(ProcessKeys.PROVINCE_APPROVAL).task().hasCandidateGroup("approver130000");
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }
}
