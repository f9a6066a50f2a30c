package cn.gov.reform.duty;

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
import cn.gov.reform.identity.RegionDirectory;

/**
 * Task listener of the duty-access tasks ({@code ${dutyStageListener}}). On create: the request's status, a clean slate
 * for the decision (local to a township's execution, as the townships answer in parallel), the form's texts. On complete:
 * the stage's rules, the township's opinion or the county's decision in the timeline, and at reviseDutyRequest the
 * department's edited request as a new version — all in the completion's transaction (the resubmission's 准入规则校验
 * follows in it too).
 */
@Component("dutyStageListener")
class DutyStageListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(DutyStageListener.class);

  private final DutyService service;
  private final DutyForm form;
  private final CurrentCaller caller;
  private final Attachments attachments;
  private final RegionDirectory regions;

  DutyStageListener(DutyService service, DutyForm form, CurrentCaller caller, Attachments attachments, RegionDirectory regions) {
    this.service = service;
    this.form = form;
    this.caller = caller;
    this.attachments = attachments;
    this.regions = regions;
  }

  @Override
  public void notify(DelegateTask task) {
    DutyStage stage = DutyStage.of(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("no stage rules for task " + task.getTaskDefinitionKey()));
    String id = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      created(task, stage, id);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      completed(task, stage, id);
    }
  }

  private void created(DelegateTask task, DutyStage stage, String id) {
    String township = null;
    if (stage == DutyStage.TOWNSHIP_OPINION) {
      Map<String, Object> slate = new HashMap<>();
      slate.put(DutyKeys.VAR_DECISION, null);
      slate.put(DutyKeys.VAR_OPINION, null);
      task.getExecution().setVariablesLocal(slate); // the township's own execution: parallel answers do not meet
      String code = (String) task.getExecution().getVariable(DutyKeys.VAR_TOWNSHIP);
      township = regions.townshipName(code).orElse(code);
    } else {
      service.waitingAt(id, stage == DutyStage.REVISE ? DutyStatus.RETURNED : DutyStatus.IN_REVIEW);
      task.getExecution().removeVariable(DutyKeys.VAR_DECISION);
      task.getExecution().removeVariable(DutyKeys.VAR_OPINION);
    }
    form.fill(task, stage, service.find(id), township);
  }

  private void completed(DelegateTask task, DutyStage stage, String id) {
    String decision = stage.rules().check(task.getVariable(DutyKeys.VAR_DECISION), task.getVariable(DutyKeys.VAR_OPINION));
    String opinion = (String) task.getVariable(DutyKeys.VAR_OPINION);
    String actor = caller.actorOr(task.getAssignee());
    switch (stage) {
      case TOWNSHIP_OPINION -> service.opinion(id, (String) task.getExecution().getVariable(DutyKeys.VAR_TOWNSHIP), decision, opinion,
          actor, task.getId());
      case COUNTY_APPROVAL -> service.decided(id, stage, decision, opinion, actor, task.getId());
      case REVISE -> {
        if (Decision.SUBMIT.name().equals(decision)) {
          int version = fromForm(task, service.find(id), actor);
          attachments.submitted(DutyKeys.PROCESS, id, version);
        }
        service.decided(id, stage, decision, opinion, actor, task.getId());
      }
    }
    LOG.info("duty request {} {}: {} by {}", id, stage.taskKey(), decision, actor);
  }

  /** The department edited the request in the form: a changed one becomes a new version; returns the current version. */
  private int fromForm(DelegateTask task, Duty d, String actor) {
    Map<String, Object> vars = task.getVariables();
    if (!DutyFormValues.present(vars)) {
      return d.currentVersion();
    }
    DutyRequest current = service.content(d);
    DutyRequest edited;
    try {
      edited = DutyFormValues.toRequest(vars);
      service.checkRevision(d, edited);
    } catch (DutyInputException e) {
      throw DutyFormValues.inFormTerms(e);
    }
    DutyFormValues.KEYS.stream().filter(key -> !task.hasVariableLocal(key)).forEach(task.getExecution()::removeVariable);
    return edited.equals(current) ? d.currentVersion() : service.addVersion(d, edited, actor, task.getId());
  }
}
