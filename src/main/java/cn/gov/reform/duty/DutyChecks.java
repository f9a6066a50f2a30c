package cn.gov.reform.duty;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The step 准入规则校验, run at the submission and at every resubmission, in its transaction (not async): a request that
 * lacks an element the rules require, or uses a banned form without citing the document that requires it, is refused —
 * the submission fails with 400 naming what is missing and the clause, and nothing of it is stored. A request that passes
 * is recorded as checked.
 */
@Component("dutyChecks")
class DutyChecks implements JavaDelegate {

  private final DutyService service;

  DutyChecks(DutyService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Duty d = service.find(execution.getProcessBusinessKey());
    DutyRequest request = service.content(d);
    service.checkRules(d, request);
    service.checked(d, request);
  }
}
