package cn.gov.reform.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.gov.reform.audit.AuditTrail;

/**
 * Timeout listener {@code ${taskEscalation}}: a task still open when its reminder's follow-up date passes
 * is recorded as 提请督办 and the province's supervisor is asked to step in ({@code supervisePlan}).
 */
@Component("taskEscalation")
class TaskEscalation implements TaskListener {

  private final PlanService service;
  private final PlanRepository plans;

  TaskEscalation(PlanService service, PlanRepository plans) {
    this.service = service;
    this.plans = plans;
  }

  @Override
  public void notify(DelegateTask task) {
    String text = "督办：" + task.getName() + "催办后仍未办结（原时限" + TaskReminder.day(task.getDueDate()) + "），已提请省级督办";
    TaskReminder.note(service, plans, task, AuditTrail.Step.of("escalation", "提请督办（" + task.getName() + "）", "ESCALATED"), text);
    Supervision.request(task.getProcessEngineServices().getRuntimeService(), task.getProcessInstanceId(),
        task.getName() + "超过时限且催办后仍未办结");
  }
}
