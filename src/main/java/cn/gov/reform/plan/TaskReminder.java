package cn.gov.reform.plan;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.calendar.TimeLimits;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.engine.EngineClock;

/**
 * Timeout listener {@code ${taskReminder}} of every review, approval and filing task: when the task's due
 * date passes, 催办 in the timeline and as a task comment, and the follow-up date moves
 * {@code app.deadlines.reminder-working-days} later ({@link TaskEscalation} fires when that passes too).
 */
@Component("taskReminder")
class TaskReminder implements TaskListener {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final PlanService service;
  private final PlanRepository plans;
  private final WorkingDayCalendar calendar;
  private final TimeLimits limits;

  TaskReminder(PlanService service, PlanRepository plans, WorkingDayCalendar calendar, TimeLimits limits) {
    this.service = service;
    this.plans = plans;
    this.calendar = calendar;
    this.limits = limits;
  }

  @Override
  public void notify(DelegateTask task) {
    Date due = task.getDueDate();
    Date followUp = calendar.after(due == null ? EngineClock.nowDate() : due, limits.reminder());
    task.setFollowUpDate(followUp);
    String text = "催办：" + task.getName() + "已超过办理时限（" + day(due) + "），请于" + day(followUp) + "前办结";
    note(service, plans, task, AuditTrail.Step.of("reminder", "催办（" + task.getName() + "）", "REMINDED"), text);
  }

  /** The step in the plan's timeline and the same text as a comment on the task, where Tasklist shows it. */
  static void note(PlanService service, PlanRepository plans, DelegateTask task, AuditTrail.Step step, String text) {
    String planId = task.getExecution().getProcessBusinessKey();
    int version = plans.find(planId).map(Plan::currentVersion).orElse(0);
    service.record(planId, AuditTrail.SYSTEM, step.opinion(text).version(version).task(task.getId()));
    task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(), text);
  }

  static String day(Date date) {
    return date == null ? "未设定" : DAY.format(ZonedDateTime.ofInstant(date.toInstant(), WorkingDayCalendar.ZONE));
  }
}
