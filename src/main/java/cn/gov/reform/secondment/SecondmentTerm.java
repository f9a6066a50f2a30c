package cn.gov.reform.secondment;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.identity.CurrentCaller;

/**
 * The secondment's term once every stage agreed ({@code ${secondmentTerm}}): {@link #approved} starts it and sets the two
 * timers — the reminder {@code app.secondments.reminder-working-days} working days before the end date (09:00), and the
 * end, at 00:00 after the end date; {@link #remind} records the reminder the requester's and the township's tasks carry;
 * {@link #returned} records the person back in the township. As a task listener of the two reminder tasks it fills their
 * form and records that they were read.
 */
@Component("secondmentTerm")
public class SecondmentTerm implements TaskListener {

  private static final int REMINDER_HOUR = 9;

  private final SecondmentService service;
  private final SecondmentForm form;
  private final WorkingDayCalendar calendar;
  private final SecondmentProperties properties;
  private final CurrentCaller caller;

  SecondmentTerm(SecondmentService service, SecondmentForm form, WorkingDayCalendar calendar, SecondmentProperties properties,
      CurrentCaller caller) {
    this.service = service;
    this.form = form;
    this.calendar = calendar;
    this.properties = properties;
    this.caller = caller;
  }

  /** The reminder's day: the configured number of working days before the end date. */
  LocalDate reminderDate(LocalDate endDate) {
    return calendar.before(endDate, properties.reminderWorkingDays());
  }

  public void approved(DelegateExecution execution) {
    Secondment s = service.find(execution.getProcessBusinessKey());
    LocalDate reminder = reminderDate(s.endDate());
    execution.setVariable(SecondmentKeys.VAR_REMINDER_AT, at(reminder, REMINDER_HOUR));
    execution.setVariable(SecondmentKeys.VAR_ENDS_AT, at(s.endDate().plusDays(1), 0));
    service.approved(s, reminder);
  }

  public void remind(DelegateExecution execution) {
    service.reminded(service.find(execution.getProcessBusinessKey()));
  }

  public void returned(DelegateExecution execution) {
    service.returned(service.find(execution.getProcessBusinessKey()));
  }

  @Override
  public void notify(DelegateTask task) {
    String id = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      form.fillReminder(task, service.find(id));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      service.reminderRead(id, task.getTaskDefinitionKey(), task.getName(), caller.actorOr(task.getAssignee()), task.getId());
    }
  }

  private static Date at(LocalDate day, int hour) {
    return Date.from(day.atTime(hour, 0).atZone(WorkingDayCalendar.ZONE).toInstant());
  }
}
