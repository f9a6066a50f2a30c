package cn.gov.reform.secondment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.identity.CurrentCaller;

/**
 * Task listener of every decision task ({@code ${secondmentStageListener}}). On create: the secondment's status, a clean
 * slate for the decision variables, the form's texts ({@link SecondmentForm}). On complete: the stage's rules
 * ({@link SecondmentStage#rules}), at reviseSecondment a new version when the requester edited the form, and the timeline
 * entry — all in the completion's transaction.
 */
@Component("secondmentStageListener")
class SecondmentStageListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(SecondmentStageListener.class);

  private final SecondmentService service;
  private final SecondmentForm form;
  private final CurrentCaller caller;

  SecondmentStageListener(SecondmentService service, SecondmentForm form, CurrentCaller caller) {
    this.service = service;
    this.form = form;
    this.caller = caller;
  }

  @Override
  public void notify(DelegateTask task) {
    SecondmentStage stage = SecondmentStage.of(task.getTaskDefinitionKey()).filter(s -> s.rules() != null)
        .orElseThrow(() -> new IllegalStateException("no stage rules for task " + task.getTaskDefinitionKey()));
    String id = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      service.waitingAt(id, stage == SecondmentStage.REVISE);
      task.getExecution().removeVariable(SecondmentKeys.VAR_DECISION);
      task.getExecution().removeVariable(SecondmentKeys.VAR_OPINION);
      form.fill(task, stage, service.find(id));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      completed(task, stage, id);
    }
  }

  private void completed(DelegateTask task, SecondmentStage stage, String id) {
    String decision = stage.rules().check(task.getVariable(SecondmentKeys.VAR_DECISION), task.getVariable(SecondmentKeys.VAR_OPINION));
    String opinion = (String) task.getVariable(SecondmentKeys.VAR_OPINION);
    Secondment s = service.findForUpdate(id);
    String actor = caller.actorOr(task.getAssignee());
    int version = s.currentVersion();
    if (stage == SecondmentStage.REVISE && Decision.SUBMIT.name().equals(decision)
        && SecondmentFormValues.present(task.getVariables())) {
      try {
        version = service.revise(s, SecondmentFormValues.toRequest(task.getVariables()), actor, caller.groupIds(),
            caller.isAuthenticated() && caller.jurisdiction().admin(), task.getId());
      } catch (SecondmentInputException e) {
        throw SecondmentFormValues.inFormTerms(e);
      }
      SecondmentFormValues.KEYS.stream().filter(key -> !task.hasVariableLocal(key)).forEach(task.getExecution()::removeVariable);
    }
    service.record(id, actor, AuditTrail.Step.of(stage.key(), stage.label(), decision).opinion(opinion).version(version)
        .task(task.getId()));
    LOG.info("secondment {} {}: {} by {}", id, stage.key(), decision, actor);
  }
}
