package cn.gov.reform.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Opinions;
import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.engine.DecisionRefusedException;
import cn.gov.reform.identity.CurrentCaller;

/**
 * The 督办 task ({@code supervisePlan}). On create: why it was raised, where the plan stands, its
 * history. On complete: the supervisor's note (required) and an optional new target date, which becomes
 * the plan's deadline; both go to the timeline. The chain is not touched.
 */
@Component("supervisionListener")
class SupervisionListener implements TaskListener {

  private final PlanRepository plans;
  private final PlanService service;
  private final PlanNarrative narrative;
  private final CurrentCaller caller;
  private final WorkingDayCalendar calendar;

  SupervisionListener(PlanRepository plans, PlanService service, PlanNarrative narrative, CurrentCaller caller,
      WorkingDayCalendar calendar) {
    this.plans = plans;
    this.service = service;
    this.narrative = narrative;
    this.caller = caller;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    String planId = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      created(task, planId);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      completed(task, planId);
    }
  }

  private void created(DelegateTask task, String planId) {
    Plan plan = plans.find(planId).orElseThrow();
    String open = task.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(task.getProcessInstanceId()).active().listPage(0, 50).stream()
        .filter(t -> !t.getId().equals(task.getId())).map(t -> t.getName()).distinct().collect(Collectors.joining("、"));
    Map<String, Object> local = new HashMap<>();
    local.put(ProcessKeys.VAR_SUPERVISION_REASON, task.getVariable(ProcessKeys.VAR_SUPERVISION_REASON)
        + "\n当前环节：" + (open.isEmpty() ? "无" : open) + "\n完成期限：" + (plan.deadline() == null ? "未设定" : plan.deadline()));
    local.put(ProcessKeys.FORM_CHAIN, narrative.chain(ApprovalRoute.of(task.getExecution()), null));
    PlanRequest content = service.content(planId, plan.currentVersion());
    local.put(ProcessKeys.FORM_SUMMARY, narrative.summary(plan, content));
    local.put(ProcessKeys.FORM_OPINIONS, narrative.opinions(service.timeline(planId)));
    local.put(ProcessKeys.VAR_PLAN_LABEL, narrative.label(plan, content));
    task.setVariablesLocal(local);
    // the supervisor's answer stays in the 督办 scope: it must not become the chain's opinion
    task.getExecution().setVariableLocal(ProcessKeys.VAR_OPINION, null);
    task.getExecution().setVariableLocal(ProcessKeys.VAR_TARGET_DATE, null);
  }

  private void completed(DelegateTask task, String planId) {
    String text = Opinions.check(task.getVariable(ProcessKeys.VAR_OPINION), "督办须填写督办意见");
    LocalDate target = targetDate(task.getVariable(ProcessKeys.VAR_TARGET_DATE));
    Plan plan = plans.findForUpdate(planId).orElseThrow();
    String opinion = text.strip();
    if (target != null) {
      service.moveDeadline(planId, target);
      opinion += "（新的完成期限：" + target + "）";
      // wakes the deadline branch, which times the new date
      task.getExecution().getProcessInstance().setVariable(ProcessKeys.VAR_DEADLINE, target.toString());
    }
    service.record(planId, caller.actorOr(task.getAssignee()), AuditTrail.Step.of(ProcessKeys.SUPERVISE_PLAN, "省级督办", "SUPERVISED")
        .opinion(opinion).version(plan.currentVersion()).task(task.getId()));
  }

  /** A date from the form (yyyy-MM-dd text) or engine REST (Date); not before today. */
  private LocalDate targetDate(Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    LocalDate date;
    try {
      date = value instanceof Date d ? d.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate()
          : LocalDate.parse(String.valueOf(value).strip().substring(0, Math.min(10, String.valueOf(value).strip().length())));
    } catch (DateTimeParseException e) {
      throw new DecisionRefusedException(ProcessKeys.VAR_TARGET_DATE, "新的完成期限应为日期，如 2027-03-31");
    }
    if (date.isBefore(calendar.today())) {
      throw new DecisionRefusedException(ProcessKeys.VAR_TARGET_DATE, "新的完成期限不能早于今天（" + calendar.today() + "）");
    }
    return date;
  }
}
