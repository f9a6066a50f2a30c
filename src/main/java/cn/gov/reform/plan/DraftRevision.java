package cn.gov.reform.plan;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The drafter edited the plan in the draftPlan form and submitted it: a changed plan becomes a new version
 * (checked like one sent to {@code PUT /api/plans/{id}}); an unchanged one stays as it was.
 */
@Component
class DraftRevision {

  private final PlanService service;
  private final PlanInputChecker input;

  DraftRevision(PlanService service, PlanInputChecker input) {
    this.service = service;
    this.input = input;
  }

  /** Returns the plan's current version after the submission. */
  int fromForm(DelegateTask task, Plan plan, String actor) {
    Map<String, Object> vars = task.getVariables();
    if (!DraftFormValues.present(vars) || !Boolean.TRUE.equals(vars.get(ProcessKeys.FORM_EDITABLE))) {
      return plan.currentVersion();
    }
    PlanRequest current = service.content(plan.id(), plan.currentVersion());
    PlanRequest edited;
    try {
      edited = DraftFormValues.toRequest(vars, current);
      input.check(edited);
    } catch (PlanInputException e) {
      throw DraftFormValues.inFormTerms(e);
    }
    for (String key : DraftFormValues.KEYS) {
      if (!task.hasVariableLocal(key)) {
        task.getExecution().removeVariable(key);
      }
    }
    if (edited.equals(current)) {
      return plan.currentVersion();
    }
    int version = service.addVersion(plan, edited, actor);
    service.record(plan.id(), actor, PlanService.revised(version).task(task.getId()));
    return version;
  }
}
