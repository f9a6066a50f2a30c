package cn.gov.reform.supervision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.gov.reform.audit.AuditTrail;

/**
 * Timeout listener of 报告进展 ({@code reportProgress}): the unit has not reported within the campaign's interval. 催报: a
 * timeline entry and a task comment; the task stays with the unit.
 */
@Component("workReminder")
class WorkReminder implements TaskListener {

  private final SupervisionService service;

  WorkReminder(SupervisionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    Work w = service.work((String) task.getVariable(SupervisionKeys.VAR_WORK_ID));
    Object every = task.getVariable(SupervisionKeys.VAR_REPORT_EVERY);
    String text = "已到报告期限（每" + every + "个工作日报告一次进展），请" + w.unitName() + "报告进展";
    service.record(w.id(), AuditTrail.SYSTEM, AuditTrail.Step.of(SupervisionKeys.REPORT, WorkStage.REPORT_PROGRESS.label(),
        "REMIND").opinion(text).task(task.getId()));
    task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(), "催报：" + text);
  }
}
