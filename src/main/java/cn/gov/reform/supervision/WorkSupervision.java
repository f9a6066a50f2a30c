package cn.gov.reform.supervision;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Opinions;
import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.engine.DecisionRefusedException;
import cn.gov.reform.identity.CurrentCaller;

/**
 * Task listener of 督办 ({@code superviseWork}). On create: why (the deadline passed) and the work's texts. On complete:
 * the supervision note (required) and, optionally, a new deadline after today, which replaces the work's and is timed
 * again ({@value SupervisionKeys#VAR_NEW_DEADLINE_SET}); the timeline records both.
 */
@Component("workSupervision")
class WorkSupervision implements TaskListener {

  private final SupervisionService service;
  private final WorkForm form;
  private final CurrentCaller caller;
  private final WorkingDayCalendar calendar;

  WorkSupervision(SupervisionService service, WorkForm form, CurrentCaller caller, WorkingDayCalendar calendar) {
    this.service = service;
    this.form = form;
    this.caller = caller;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    Work w = service.work((String) task.getVariable(SupervisionKeys.VAR_WORK_ID));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.getExecution().removeVariable(SupervisionKeys.VAR_OPINION);
      task.getExecution().removeVariable(SupervisionKeys.VAR_NEW_DEADLINE);
      form.fill(task, w, null);
      task.setVariableLocal(SupervisionKeys.FORM_REASON, "任务" + w.taskNo() + "的时间节点 " + w.deadline() + " 已过，" + w.unitName()
          + "尚未完成验收（" + w.status().label() + "，进度" + w.progress() + "%）。请督办：写明督办意见，可确定新的完成期限。");
      return;
    }
    String opinion = Opinions.check(task.getVariable(SupervisionKeys.VAR_OPINION), "督办时必须填写督办意见");
    LocalDate newDeadline = newDeadline(task.getVariable(SupervisionKeys.VAR_NEW_DEADLINE));
    service.supervised(w, newDeadline);
    task.getExecution().setVariable(SupervisionKeys.VAR_NEW_DEADLINE_SET, newDeadline != null);
    if (newDeadline != null) {
      task.getExecution().setVariable(SupervisionKeys.VAR_DEADLINE_AT, (Date) SupervisionService.deadlinePassed(newDeadline));
    }
    service.record(w.id(), caller.actorOr(task.getAssignee()), AuditTrail.Step.of(SupervisionKeys.SUPERVISE, "督办", "SUPERVISE")
        .opinion(opinion).task(task.getId()).target(newDeadline == null ? null : newDeadline.toString()));
    task.getExecution().removeVariable(SupervisionKeys.VAR_NEW_DEADLINE);
  }

  /** The new deadline: an ISO date (form-js sends one) after today and within five years, or none. */
  private LocalDate newDeadline(Object value) {
    if (value == null || String.valueOf(value).isBlank()) {
      return null;
    }
    LocalDate date;
    try {
      date = value instanceof Date d ? LocalDate.ofInstant(d.toInstant(), WorkingDayCalendar.ZONE)
          : LocalDate.parse(String.valueOf(value).strip().substring(0, Math.min(10, String.valueOf(value).strip().length())));
    } catch (DateTimeParseException e) {
      throw new DecisionRefusedException(SupervisionKeys.VAR_NEW_DEADLINE, "新的完成期限应为日期（如 2027-03-31）");
    }
    LocalDate today = calendar.today();
    if (!date.isAfter(today) || date.isAfter(today.plusYears(5))) {
      throw new DecisionRefusedException(SupervisionKeys.VAR_NEW_DEADLINE, "新的完成期限应在今天（" + today + "）之后、五年以内");
    }
    return date;
  }
}
