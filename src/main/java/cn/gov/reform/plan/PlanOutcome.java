package cn.gov.reform.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Called from the end events: {@code ${planOutcome.finish(execution, 'FILED')}}. */
@Component("planOutcome")
public class PlanOutcome {

  private final PlanService service;

  PlanOutcome(PlanService service) {
    this.service = service;
  }

  public void finish(DelegateExecution execution, String status) {
    service.finished(execution.getProcessBusinessKey(), PlanStatus.valueOf(status), execution.getCurrentActivityId());
  }
}
