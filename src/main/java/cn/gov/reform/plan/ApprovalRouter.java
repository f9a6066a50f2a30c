package cn.gov.reform.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.engine.DeployedDecisions;
import cn.gov.reform.identity.JointReviewProperties;
import cn.gov.reform.identity.Role;
import cn.gov.reform.plan.PlanRequest.PlanType;

/**
 * The step 确定审批链: asks the decision table {@value ProcessKeys#ROUTE_DECISION} (latest deployed version)
 * which chain the plan's province and type take, and gives the instance the chain (variables {@code route},
 * {@code routeName}, {@code finalStatus}, {@code routeStageNames}, read by {@link StageSequence} at the hub) and
 * the candidate groups of the chain's stages (README "Demo users").
 * Which stage a role works is the contract; which stages a province has is data.
 */
@Component("approvalRouter")
public class ApprovalRouter implements JavaDelegate {

  private final DeployedDecisions decisions;
  private final PlanRepository plans;
  private final PlanService service;
  private final JointReviewProperties jointReview;

  ApprovalRouter(DeployedDecisions decisions, PlanRepository plans, PlanService service, JointReviewProperties jointReview) {
    this.service = service;
    this.decisions = decisions;
    this.plans = plans;
    this.jointReview = jointReview;
  }

  /** The chain of a province's plans of this type (the national default where the table has no row of its own). */
  ApprovalRoute route(String provinceCode, PlanType planType) {
    DmnDecisionResult rows = decisions.evaluateLatest(ProcessKeys.ROUTE_DECISION, Variables.createVariables()
        .putValue("provinceCode", provinceCode).putValue("planType", planType.name()));
    if (rows.isEmpty()) {
      throw new IllegalStateException("决策表 " + ProcessKeys.ROUTE_DECISION + " 对 " + provinceCode + "/" + planType
          + " 没有匹配的行：最后一行应为全国通行审批链");
    }
    DmnDecisionResultEntries row = rows.getFirstResult();
    // an empty cell is no entry at all: ApprovalRoute names what is missing
    return ApprovalRoute.of((String) row.get("chainName"), (String) row.get("stages"), (String) row.get("finalStatus"),
        (String) row.get("stageNames"));
  }

  @Override
  public void execute(DelegateExecution execution) {
    Plan plan = plans.find(execution.getProcessBusinessKey()).orElseThrow();
    ApprovalRoute route = route(plan.provinceCode(), plan.planType());
    Map<String, Object> vars = new HashMap<>();
    vars.put(ProcessKeys.VAR_ROUTE, route.stageKeys());
    vars.put(ProcessKeys.VAR_ROUTE_NAME, route.name());
    vars.put(ProcessKeys.VAR_FINAL_STATUS, route.finalStatus().name());
    vars.put(ProcessKeys.VAR_ROUTE_STAGE_NAMES, route.stageNamesText());
    vars.put(ProcessKeys.VAR_DRAFTER_GROUP, Role.DRAFTER.group(plan.countyCode()));
    for (Stage stage : route.stages()) {
      switch (stage) {
        case CITY_REVIEW -> vars.put(ProcessKeys.VAR_REVIEWER_GROUP, Role.REVIEWER.group(plan.cityCode()));
        case CITY_SUBMISSION -> vars.put(ProcessKeys.VAR_SUBMITTER_GROUP, Role.SUBMITTER.group(plan.cityCode()));
        case CITY_APPROVAL -> vars.put(ProcessKeys.VAR_APPROVER_GROUP, Role.APPROVER.group(plan.cityCode()));
        case PROVINCE_REVIEW -> vars.put(ProcessKeys.VAR_PROVINCE_REVIEWER_GROUP, Role.REVIEWER.group(plan.provinceCode()));
        case PROVINCE_APPROVAL -> vars.put(ProcessKeys.VAR_PROVINCE_APPROVER_GROUP, Role.APPROVER.group(plan.provinceCode()));
        case PROVINCE_FILING -> vars.put(ProcessKeys.VAR_FILER_GROUP, Role.FILER.group(plan.provinceCode()));
        default -> { } // drafters above; departments are the multi-instance collection below
      }
    }
    execution.setVariables(vars);
    service.record(plan.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(ProcessKeys.DETERMINE_ROUTE, "确定审批链", "ROUTED")
        .opinion(route.name()).version(plan.currentVersion()));
  }

  /** The departments of the joint review, one task each: {@code ${approvalRouter.departmentGroups(execution)}}. */
  public List<String> departmentGroups(DelegateExecution execution) {
    if (!ApprovalRoute.of(execution).map(route -> route.includes(Stage.DEPARTMENT_REVIEW)).orElse(false)) {
      return List.of();
    }
    return jointReview.groupsOf((String) execution.getVariable(ProcessKeys.VAR_PROVINCE));
  }
}
