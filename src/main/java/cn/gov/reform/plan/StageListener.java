package cn.gov.reform.plan;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Attachments;
import cn.gov.reform.approval.Decision;
import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.identity.CurrentCaller;

/**
 * Task listener of every stage's user task ({@code ${stageListener}}). On create: the plan's status, a clean
 * slate for the decision variables, the form's texts ({@link StageForm}), and a note when the due date was
 * estimated. On complete: the stage's rules ({@link Stage#check}), a revised version when the drafter edited
 * the form ({@link DraftRevision}) and the files added at draftPlan given to the submitted version, the filing
 * number's rules, the joint review's "somebody returned it" flag, the timeline entry, and on the plan's approval its
 * 批复 ({@link PlanDocuments}), in the completion's transaction.
 */
@Component("stageListener")
class StageListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(StageListener.class);

  private final PlanService service;
  private final PlanRepository plans;
  private final StageForm form;
  private final DraftRevision revision;
  private final FilingRegistrar filing;
  private final CurrentCaller caller;
  private final WorkingDayCalendar calendar;
  private final Attachments attachments;
  private final PlanDocuments documents;

  StageListener(PlanService service, PlanRepository plans, StageForm form, DraftRevision revision, FilingRegistrar filing,
      CurrentCaller caller, WorkingDayCalendar calendar, Attachments attachments, PlanDocuments documents) {
    this.attachments = attachments;
    this.documents = documents;
    this.service = service;
    this.plans = plans;
    this.form = form;
    this.revision = revision;
    this.filing = filing;
    this.caller = caller;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    Stage stage = Stage.of(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("no stage rules for task " + task.getTaskDefinitionKey()));
    String planId = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      created(task, stage, planId);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      completed(task, stage, planId);
    }
  }

  private void created(DelegateTask task, Stage stage, String planId) {
    Plan plan = plans.find(planId).orElseThrow();
    service.waitingAt(planId, stage == Stage.DRAFT);
    task.getExecution().removeVariable(ProcessKeys.VAR_DECISION);
    task.getExecution().removeVariable(ProcessKeys.VAR_OPINION);
    task.getExecution().removeVariable(ProcessKeys.VAR_FILING_NUMBER);
    if (stage.joint()) {
      // parallel answers: each task's decision and opinion stay with its own execution, none overwrites another's
      task.getExecution().setVariableLocal(ProcessKeys.VAR_DECISION, null);
      task.getExecution().setVariableLocal(ProcessKeys.VAR_OPINION, null);
    }
    form.fill(task, stage, plan);
    flagEstimatedDueDate(task, plan);
    LOG.info("plan {} waits at {}", planId, stage.taskKey());
  }

  /** A due date counted into a year without a holiday notice is weekends-only: say so in the timeline. */
  private void flagEstimatedDueDate(DelegateTask task, Plan plan) {
    if (task.getDueDate() == null) {
      return;
    }
    int year = task.getDueDate().toInstant().atZone(WorkingDayCalendar.ZONE).getYear();
    if (calendar.knows(year)) {
      return;
    }
    service.record(plan.id(), AuditTrail.SYSTEM, AuditTrail.Step.of("calendar", "工作日推算（" + task.getName() + "）", "ESTIMATED")
        .opinion("办理时限延伸到" + year + "年，尚未导入该年节假日安排，暂按周末推算；导入后新建的任务按正式安排计算")
        .version(plan.currentVersion()).task(task.getId()));
  }

  private void completed(DelegateTask task, Stage stage, String planId) {
    String decision = stage.check(task.getVariable(ProcessKeys.VAR_DECISION), task.getVariable(ProcessKeys.VAR_OPINION));
    String opinion = (String) task.getVariable(ProcessKeys.VAR_OPINION);
    Plan plan = plans.findForUpdate(planId).orElseThrow();
    String actor = caller.actorOr(task.getAssignee());
    int version = plan.currentVersion();
    if (stage == Stage.DRAFT && Decision.SUBMIT.name().equals(decision)) {
      version = revision.fromForm(task, plan, actor);
      attachments.submitted(ProcessKeys.PROCESS, planId, version);
    }
    if (stage == Stage.PROVINCE_FILING && Decision.FILE.name().equals(decision)) {
      filing.checkRequested(task.getVariable(ProcessKeys.VAR_FILING_NUMBER));
    }
    if (stage.joint() && Decision.RETURN.name().equals(decision)) {
      task.getExecution().setVariable(ProcessKeys.VAR_JOINT_REVIEW_RETURNED, true);
    }
    Optional<ApprovalRoute> route = ApprovalRoute.of(task.getExecution());
    String stageName = stage == Stage.DEPARTMENT_REVIEW ? task.getName() : route.map(r -> r.label(stage)).orElse(stage.label());
    service.record(planId, actor, AuditTrail.Step.of(stage.taskKey(), stageName, decision).opinion(opinion).version(version)
        .task(task.getId()));
    if (PlanDocuments.approves(stage, decision, route)) {
      documents.approved(plan, stage, stageName, task.getId(), actor, opinion, route);
    }
    LOG.info("plan {} {}: {} by {}", planId, stage.taskKey(), decision, actor);
  }
}
