package cn.gov.reform.assessment;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Attachments;
import cn.gov.reform.approval.Decision;
import cn.gov.reform.identity.CurrentCaller;

/**
 * Task listener of the assessment-item tasks ({@code ${assessmentStageListener}}). On create: the request's status, a clean
 * slate for the decision, the form's texts (reviewAssessment.form). On complete: the stage's rules (an opinion for RETURN and
 * REJECT) and the decision in the timeline, and at reviseAssessmentItem the department's edited request (assessmentStart.form)
 * as a new version — in the completion's transaction (the resubmission's 考核事项规则校验 follows in it).
 */
@Component("assessmentStageListener")
class AssessmentStageListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(AssessmentStageListener.class);

  private final AssessmentService service;
  private final AssessmentTexts texts;
  private final CurrentCaller caller;
  private final Attachments attachments;

  AssessmentStageListener(AssessmentService service, AssessmentTexts texts, CurrentCaller caller, Attachments attachments) {
    this.service = service;
    this.texts = texts;
    this.caller = caller;
    this.attachments = attachments;
  }

  @Override
  public void notify(DelegateTask task) {
    AssessmentStage stage = AssessmentStage.of(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("no stage rules for task " + task.getTaskDefinitionKey()));
    String id = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      service.waitingAt(id, switch (stage) {
        case COUNTY_APPROVAL -> AssessmentStatus.COUNTY_REVIEW;
        case PROVINCE_APPROVAL -> AssessmentStatus.PROVINCE_REVIEW;
        case REVISE -> AssessmentStatus.RETURNED;
      });
      task.getExecution().removeVariable(AssessmentKeys.VAR_DECISION);
      task.getExecution().removeVariable(AssessmentKeys.VAR_OPINION);
      AssessmentItem a = service.find(id);
      Map<String, Object> local = new HashMap<>(texts.of(a, stage));
      local.put(Attachments.FORM_TEXT, attachments.markdown(AssessmentKeys.PROCESS, id));
      local.putAll(stage.rules().formTexts());
      if (stage == AssessmentStage.REVISE) {
        local.putAll(AssessmentFormValues.of(service.content(a)));
      }
      task.setVariablesLocal(local);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      String decision = stage.rules().check(task.getVariable(AssessmentKeys.VAR_DECISION), task.getVariable(AssessmentKeys.VAR_OPINION));
      String actor = caller.actorOr(task.getAssignee());
      if (stage == AssessmentStage.REVISE && Decision.SUBMIT.name().equals(decision)) {
        int version = fromForm(task, service.find(id), actor);
        attachments.submitted(AssessmentKeys.PROCESS, id, version);
      }
      service.decided(id, stage, decision, (String) task.getVariable(AssessmentKeys.VAR_OPINION), actor, task.getId());
      LOG.info("assessment item {} {}: {} by {}", id, stage.taskKey(), decision, actor);
    }
  }

  /** The department edited the request in the form: a changed one becomes a new version; returns the current version. */
  private int fromForm(DelegateTask task, AssessmentItem a, String actor) {
    Map<String, Object> vars = task.getVariables();
    if (!AssessmentFormValues.present(vars)) {
      return a.currentVersion();
    }
    AssessmentRequest current = service.content(a);
    AssessmentRequest edited;
    try {
      edited = AssessmentFormValues.revision(vars, current);
      service.checkRevision(a, edited);
    } catch (AssessmentInputException e) {
      throw AssessmentFormValues.inFormTerms(e);
    }
    AssessmentFormValues.KEYS.stream().filter(key -> !task.hasVariableLocal(key)).forEach(task.getExecution()::removeVariable);
    return edited.equals(current) ? a.currentVersion() : service.addVersion(a, edited, actor, task.getId());
  }
}
