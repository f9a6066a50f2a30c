package cn.gov.reform.secondment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Called from the end events of a refused or withdrawn request: {@code ${secondmentOutcome.finish(execution, 'REJECTED')}}. */
@Component("secondmentOutcome")
public class SecondmentOutcome {

  private final SecondmentService service;

  SecondmentOutcome(SecondmentService service) {
    this.service = service;
  }

  public void finish(DelegateExecution execution, String status) {
    service.finished(execution.getProcessBusinessKey(), SecondmentStatus.valueOf(status), execution.getCurrentActivityId());
  }
}
