package cn.gov.reform.plan;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.gov.reform.identity.JointReviewProperties;

/**
 * What a stage's task shows: its name in this plan's chain (市委审批 in Gansu, the department in a joint
 * review), and the form's read-only texts — the chain with the current stage marked, the plan's summary,
 * its findings and earlier opinions — plus, at draftPlan, the plan's fields for editing.
 */
@Component
class StageForm {

  private final PlanService service;
  private final PlanRepository plans;
  private final PlanNarrative narrative;
  private final JointReviewProperties jointReview;

  StageForm(PlanService service, PlanRepository plans, PlanNarrative narrative, JointReviewProperties jointReview) {
    this.service = service;
    this.plans = plans;
    this.narrative = narrative;
    this.jointReview = jointReview;
  }

  void fill(DelegateTask task, Stage stage, Plan plan) {
    Optional<ApprovalRoute> route = ApprovalRoute.of(task.getExecution());
    if (stage == Stage.DEPARTMENT_REVIEW) {
      task.setName(stage.label() + "（" + jointReview.nameOf((String) task.getVariable(ProcessKeys.VAR_DEPARTMENT_GROUP)) + "）");
    } else if (route.isPresent() && route.get().stageNames().containsKey(stage)) {
      task.setName(route.get().label(stage));
    }
    PlanRequest content = service.content(plan.id(), plan.currentVersion());
    Map<String, Object> local = new HashMap<>();
    local.put(ProcessKeys.FORM_CHAIN, narrative.chain(route, stage));
    local.put(ProcessKeys.FORM_SUMMARY, narrative.summary(plan, content));
    local.put(ProcessKeys.FORM_FINDINGS, narrative.findings(plans.findings(plan.id(), plan.currentVersion())));
    local.put(ProcessKeys.FORM_OPINIONS, narrative.opinions(service.timeline(plan.id())));
    if (stage == Stage.DRAFT) {
      local.putAll(DraftFormValues.of(content, plan.currentVersion()));
    }
    task.setVariablesLocal(local);
  }
}
