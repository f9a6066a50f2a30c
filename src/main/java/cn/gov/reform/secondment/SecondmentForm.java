package cn.gov.reform.secondment;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What a task shows (reviewSecondment.form; secondmentStart.form at reviseSecondment): the chain with the current stage
 * marked, the request's summary, the rules' findings (a WARNING — e.g. a period over 6 months with its written justification
 * — reaches every approver), earlier opinions, the stage's decisions in its own words, the task's subject for Tasklist's
 * list — and at reviseSecondment the request's fields for editing.
 */
@Component
class SecondmentForm {

  private final SecondmentService service;
  private final SecondmentNarrative narrative;

  SecondmentForm(SecondmentService service, SecondmentNarrative narrative) {
    this.service = service;
    this.narrative = narrative;
  }

  void fill(DelegateTask task, SecondmentStage stage, Secondment s) {
    Map<String, Object> local = new HashMap<>();
    local.put(SecondmentKeys.FORM_CHAIN, SecondmentNarrative.chain(SecondmentRoute.of(task.getExecution()), stage));
    local.put(SecondmentKeys.FORM_SUMMARY, SecondmentNarrative.summary(s));
    local.put(SecondmentKeys.FORM_FINDINGS, SecondmentNarrative.findings(s, service.findings(s)));
    local.put(SecondmentKeys.FORM_OPINIONS, narrative.opinions(s, service.timeline(s.id())));
    local.putAll(stage.rules().formTexts());
    if (stage == SecondmentStage.REVISE) {
      local.putAll(SecondmentFormValues.of(s));
    }
    local.put(SecondmentKeys.FORM_SUBJECT, s.label());
    task.setVariablesLocal(local);
  }

  void fillReminder(DelegateTask task, Secondment s) {
    task.setVariablesLocal(Map.of(SecondmentKeys.FORM_REMINDER, SecondmentNarrative.reminder(s), SecondmentKeys.FORM_SUMMARY,
        SecondmentNarrative.summary(s), SecondmentKeys.FORM_SUBJECT, "借调期满提醒 · " + s.label()));
  }
}
