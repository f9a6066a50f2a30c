package cn.gov.reform.catalogue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Called from the end events: {@code ${catalogueOutcome.finish(execution, 'REJECTED')}}. */
@Component("catalogueOutcome")
public class CatalogueOutcome {

  private final CatalogueService service;

  CatalogueOutcome(CatalogueService service) {
    this.service = service;
  }

  public void finish(DelegateExecution execution, String status) {
    service.finished(execution.getProcessBusinessKey(), CatalogueStatus.valueOf(status), execution.getCurrentActivityId());
  }
}
