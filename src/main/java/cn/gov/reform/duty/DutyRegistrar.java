package cn.gov.reform.duty;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.gov.reform.engine.AccessRefusedException;
import cn.gov.reform.identity.CurrentCaller;

/**
 * Start listener of {@code dutyAccessApproval}. A request created through {@code /api} arrives with its id; one filled in
 * Tasklist's start form arrives as form fields and is stored here, in the same transaction, so a refused start leaves
 * nothing behind. Either way the instance gets its business key and its province (its tenant's).
 */
@Component("dutyRegistrar")
class DutyRegistrar implements ExecutionListener {

  private final DutyService service;
  private final CurrentCaller caller;

  DutyRegistrar(DutyService service, CurrentCaller caller) {
    this.service = service;
    this.caller = caller;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String id = (String) execution.getVariable(DutyKeys.VAR_DUTY_ID);
    if (id == null) {
      id = registerFromStartForm(execution);
    }
    Duty d = service.find(id);
    execution.setVariable(DutyKeys.VAR_PROVINCE, d.provinceCode());
    service.started(d, execution.getProcessInstanceId(), caller.actorOr(d.createdBy()));
  }

  private String registerFromStartForm(DelegateExecution execution) {
    if (!caller.isAuthenticated()) {
      throw new AccessRefusedException("从表单提交职责准入申请需要登录");
    }
    String id = UUID.randomUUID().toString();
    try {
      service.register(id, DutyFormValues.toRequest(execution.getVariables()), caller.jurisdiction());
    } catch (DutyInputException e) {
      throw DutyFormValues.inFormTerms(e);
    }
    execution.setProcessBusinessKey(id);
    execution.setVariable(DutyKeys.VAR_DUTY_ID, id);
    DutyFormValues.KEYS.forEach(execution::removeVariable);
    return id;
  }
}
