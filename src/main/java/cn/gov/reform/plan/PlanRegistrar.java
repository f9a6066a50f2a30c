package cn.gov.reform.plan;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.identity.Jurisdiction;

/**
 * Start listener of {@code reformPlanApproval}. A plan created through {@code /api} arrives with its id;
 * a plan started from Tasklist's start form arrives as form fields and is stored here, in the same
 * transaction, so a refused start leaves nothing behind. Either way the instance gets its business
 * key and its region; the next step, 确定审批链, gives it its chain.
 */
@Component("planRegistrar")
class PlanRegistrar implements ExecutionListener {

  private final PlanService service;
  private final PlanRepository plans;
  private final PlanInputChecker input;
  private final CurrentCaller caller;

  PlanRegistrar(PlanService service, PlanRepository plans, PlanInputChecker input, CurrentCaller caller) {
    this.service = service;
    this.plans = plans;
    this.input = input;
    this.caller = caller;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String planId = (String) execution.getVariable(ProcessKeys.VAR_PLAN_ID);
    if (planId == null) {
      planId = registerFromStartForm(execution);
    }
    Plan plan = plans.find(planId).orElseThrow(() -> new IllegalStateException("plan not stored"));
    execution.setVariable(ProcessKeys.VAR_COUNTY, plan.countyCode());
    execution.setVariable(ProcessKeys.VAR_CITY, plan.cityCode());
    execution.setVariable(ProcessKeys.VAR_PROVINCE, plan.provinceCode());
    execution.setVariable(ProcessKeys.VAR_PLAN_TYPE, plan.planType().name());
    service.started(plan, execution.getProcessInstanceId(), caller.actorOr(plan.createdBy()));
  }

  private String registerFromStartForm(DelegateExecution execution) {
    if (!caller.isAuthenticated()) {
      throw new PlanAccessDeniedException("从表单起草方案需要登录");
    }
    Jurisdiction who = caller.jurisdiction();
    Map<String, Object> vars = execution.getVariables();
    PlanRequest request;
    try {
      request = DraftFormValues.toRequest(vars, null);
      input.check(request);
    } catch (PlanInputException e) {
      throw DraftFormValues.inFormTerms(e);
    }
    if (!who.canDraftFor(request.countyCode())) {
      throw new PlanAccessDeniedException("只有该县的起草人员（drafter" + request.countyCode() + "）可以起草该县的方案");
    }
    String planId = UUID.randomUUID().toString();
    service.register(planId, request, who.userId());
    execution.setProcessBusinessKey(planId);
    execution.setVariable(ProcessKeys.VAR_PLAN_ID, planId);
    DraftFormValues.KEYS.forEach(execution::removeVariable);
    return planId;
  }
}
