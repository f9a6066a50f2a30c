package cn.gov.reform.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.reform.audit.AuditTrail;

/**
 * 标记逾期并提请督办 ({@code markWorkOverdue}): the work's deadline passed (the end of that day, Beijing time) and it is not
 * accepted; the timeline says so and 督办 goes to the campaign's supervisor group. The work's own path goes on.
 */
@Component("workDeadline")
class WorkDeadline implements JavaDelegate {

  private final SupervisionService service;

  WorkDeadline(SupervisionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Work w = service.work((String) execution.getVariable(SupervisionKeys.VAR_WORK_ID));
    execution.setVariable(SupervisionKeys.VAR_NEW_DEADLINE_SET, false);
    service.record(w.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(SupervisionKeys.MARK_OVERDUE, "逾期提请督办", "OVERDUE")
        .opinion("时间节点 " + w.deadline() + " 已过，" + w.unitName() + "的任务" + w.taskNo() + "尚未验收（" + w.status().label() + "，进度"
            + w.progress() + "%）").target((String) execution.getVariable(SupervisionKeys.VAR_SUPERVISOR_GROUP)));
  }
}
