package cn.gov.reform.plan;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.gov.reform.calendar.TimeLimits;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.audit.TimelineEntry;

/**
 * The timeout task listeners of every review, approval and filing task. {@code taskReminder} fires
 * when the task's due date passes: 催办 in the timeline and as a task comment, and the follow-up date
 * moves {@code app.deadlines.reminder-working-days} later. {@code taskEscalation} fires when that
 * passes too: the province's supervisor is asked to step in ({@code supervisePlan}).
 */
@Configuration
class TaskReminders {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  @Bean("taskReminder")
  TaskListener taskReminder(PlanRepository plans, WorkingDayCalendar calendar, TimeLimits limits) {
    return task -> {
      Date due = task.getDueDate();
      Date followUp = calendar.after(due == null ? ClockUtil.getCurrentTime() : due, limits.reminder());
      task.setFollowUpDate(followUp);
      String text = "催办：" + task.getName() + "已超过办理时限（" + day(due) + "），请于" + day(followUp) + "前办结";
      record(plans, task, "reminder", "催办", "REMINDED", text);
    };
  }

  @Bean("taskEscalation")
  TaskListener taskEscalation(PlanRepository plans) {
    return task -> {
      String text = "督办：" + task.getName() + "催办后仍未办结（原时限" + day(task.getDueDate()) + "），已提请省级督办";
      record(plans, task, "escalation", "提请督办", "ESCALATED", text);
      Supervision.request(task.getProcessEngineServices().getRuntimeService(), task.getProcessInstanceId(),
          task.getName() + "超过时限且催办后仍未办结");
    };
  }

  private static void record(PlanRepository plans, DelegateTask task, String stage, String stageName, String decision,
      String text) {
    String planId = task.getExecution().getProcessBusinessKey();
    int version = plans.find(planId).map(p -> p.currentVersion()).orElse(0);
    plans.addTimeline(planId, new TimelineEntry(stage, stageName + "（" + task.getName() + "）", decision, text,
        CurrentCaller.SYSTEM, ClockUtil.getCurrentTime().toInstant(), version), task.getId());
    task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(), text);
  }

  private static String day(Date date) {
    return date == null ? "未设定" : DAY.format(ZonedDateTime.ofInstant(date.toInstant(), WorkingDayCalendar.ZONE));
  }
}
