package cn.gov.reform.duty;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Called from the model: {@code ${dutyOutcome.accept(execution)}} (列入乡镇职责清单), {@code ${dutyOutcome.finish(execution,
 * 'REJECTED')}} at the end events, {@code ${dutyOutcome.overdue(execution)}} when the county's approval passes its due date.
 */
@Component("dutyOutcome")
public class DutyOutcome {

  private final DutyService service;

  DutyOutcome(DutyService service) {
    this.service = service;
  }

  public void accept(DelegateExecution execution) {
    service.accepted(execution.getProcessBusinessKey());
  }

  public void finish(DelegateExecution execution, String status) {
    service.finished(execution.getProcessBusinessKey(), DutyStatus.valueOf(status), execution.getCurrentActivityId());
  }

  public void overdue(DelegateExecution execution) {
    service.approvalOverdue(execution.getProcessBusinessKey());
  }
}
