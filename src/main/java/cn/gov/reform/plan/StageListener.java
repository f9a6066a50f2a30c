package cn.gov.reform.plan;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.identity.JointReviewProperties;
import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.engine.DecisionRefusedException;

/**
 * Task listener of every user task. On create: the plan's status, a clean slate for the decision
 * variables, and the plan's chain, summary, findings and earlier opinions for the form. On complete: the
 * contract's refusal rules, a revised version when the drafter edited the form, the joint review's
 * "somebody returned it" flag, and the timeline entry.
 */
@Component("stageListener")
class StageListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(StageListener.class);

  private final PlanService service;
  private final PlanRepository plans;
  private final PlanInputChecker input;
  private final PlanNarrative narrative;
  private final CurrentCaller caller;
  private final JointReviewProperties jointReview;
  private final WorkingDayCalendar calendar;

  StageListener(PlanService service, PlanRepository plans, PlanInputChecker input, PlanNarrative narrative,
      CurrentCaller caller, JointReviewProperties jointReview, WorkingDayCalendar calendar) {
    this.service = service;
    this.plans = plans;
    this.input = input;
    this.narrative = narrative;
    this.caller = caller;
    this.jointReview = jointReview;
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
    plans.updateStatus(planId, stage == Stage.DRAFT ? PlanStatus.DRAFT : PlanStatus.IN_REVIEW);
    task.getExecution().removeVariable(ProcessKeys.VAR_DECISION);
    task.getExecution().removeVariable(ProcessKeys.VAR_OPINION);
    task.getExecution().removeVariable(ProcessKeys.VAR_FILING_NUMBER);
    if (stage.joint()) {
      // parallel answers: each task's decision and opinion stay with its own execution, none overwrites another's
      task.getExecution().setVariableLocal(ProcessKeys.VAR_DECISION, null);
      task.getExecution().setVariableLocal(ProcessKeys.VAR_OPINION, null);
    }
    Optional<ApprovalRoute> route = ApprovalRoute.of(task.getExecution());
    if (stage == Stage.DEPARTMENT_REVIEW) {
      task.setName(stage.label() + "（" + jointReview.nameOf((String) task.getVariable(ProcessKeys.VAR_DEPARTMENT_GROUP)) + "）");
    } else if (route.isPresent() && route.get().stageNames().containsKey(stage)) {
      task.setName(route.get().label(stage));
    }
    PlanRequest content = service.content(planId, plan.currentVersion());
    Map<String, Object> local = new HashMap<>();
    local.put(ProcessKeys.FORM_CHAIN, narrative.chain(route, stage));
    local.put(ProcessKeys.FORM_SUMMARY, narrative.summary(plan, content));
    local.put(ProcessKeys.FORM_FINDINGS, narrative.findings(plans.findings(planId, plan.currentVersion())));
    local.put(ProcessKeys.FORM_OPINIONS, narrative.opinions(plans.timeline(planId)));
    if (stage == Stage.DRAFT) {
      local.putAll(DraftFormValues.of(content, plan.currentVersion()));
    }
    task.setVariablesLocal(local);
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
    plans.addTimeline(plan.id(), new TimelineEntry("calendar", "工作日推算（" + task.getName() + "）", "ESTIMATED",
        "办理时限延伸到" + year + "年，尚未导入该年节假日安排，暂按周末推算；导入后新建的任务按正式安排计算",
        CurrentCaller.SYSTEM, ClockUtil.getCurrentTime().toInstant(), plan.currentVersion()), task.getId());
  }

  private void completed(DelegateTask task, Stage stage, String planId) {
    String decision = stage.check(task.getVariable(ProcessKeys.VAR_DECISION), task.getVariable(ProcessKeys.VAR_OPINION));
    String opinion = (String) task.getVariable(ProcessKeys.VAR_OPINION);
    Plan plan = plans.findForUpdate(planId).orElseThrow();
    String actor = caller.actorOr(task.getAssignee());
    int version = plan.currentVersion();
    if (stage == Stage.DRAFT && "SUBMIT".equals(decision)) {
      version = reviseFromForm(task, plan, actor);
    }
    if (stage == Stage.PROVINCE_FILING && "FILE".equals(decision)) {
      checkFilingNumber(task.getVariable(ProcessKeys.VAR_FILING_NUMBER));
    }
    if (stage.joint() && "RETURN".equals(decision)) {
      task.getExecution().setVariable(ProcessKeys.VAR_JOINT_REVIEW_RETURNED, true);
    }
    String stageName = stage == Stage.DEPARTMENT_REVIEW ? task.getName()
        : ApprovalRoute.of(task.getExecution()).map(r -> r.label(stage)).orElse(stage.label());
    plans.addTimeline(planId, new TimelineEntry(stage.taskKey(), stageName, decision, opinion, actor,
        ClockUtil.getCurrentTime().toInstant(), version), task.getId());
    LOG.info("plan {} {}: {} by {}", planId, stage.taskKey(), decision, actor);
  }

  /** The drafter edited the plan in the draftPlan form: a changed plan becomes a new version. Returns the current version. */
  private int reviseFromForm(DelegateTask task, Plan plan, String actor) {
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
    plans.addTimeline(plan.id(), new TimelineEntry("revision", "修订方案", "REVISE", null, actor,
        ClockUtil.getCurrentTime().toInstant(), version), task.getId());
    return version;
  }

  private void checkFilingNumber(Object number) {
    if (number == null || (number instanceof String s && s.isBlank())) {
      return;
    }
    if (!(number instanceof String s)) {
      throw new DecisionRefusedException(ProcessKeys.VAR_FILING_NUMBER, "备案编号应为文本");
    }
    if (s.strip().length() > ProcessKeys.MAX_FILING_NUMBER) {
      throw new DecisionRefusedException(ProcessKeys.VAR_FILING_NUMBER, "备案编号不能超过" + ProcessKeys.MAX_FILING_NUMBER + "字");
    }
    if (plans.filingNumberTaken(s.strip())) {
      throw new DecisionRefusedException(ProcessKeys.VAR_FILING_NUMBER, "备案编号“" + s.strip() + "”已被使用，备案编号不得重复");
    }
  }
}
