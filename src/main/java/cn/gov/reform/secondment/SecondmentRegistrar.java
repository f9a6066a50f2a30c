package cn.gov.reform.secondment;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.gov.reform.engine.AccessRefusedException;
import cn.gov.reform.identity.CurrentCaller;

/**
 * Start listener of {@code secondmentApproval}. A request created through {@code /api} arrives with its id; one filled in
 * Tasklist's start form arrives as form fields and is stored here, in the same transaction, so a refused start (bad dates,
 * a township outside the requester's county) leaves nothing behind. The documents' rules do not refuse it here: the check
 * after 确定审批链 sends a request they forbid back to its requester with the findings. Either way the instance gets its
 * business key and its province (its tenant's).
 */
@Component("secondmentRegistrar")
class SecondmentRegistrar implements ExecutionListener {

  private final SecondmentService service;
  private final CurrentCaller caller;

  SecondmentRegistrar(SecondmentService service, CurrentCaller caller) {
    this.service = service;
    this.caller = caller;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String id = (String) execution.getVariable(SecondmentKeys.VAR_SECONDMENT_ID);
    if (id == null) {
      id = registerFromStartForm(execution);
    }
    Secondment s = service.find(id);
    execution.setVariable(SecondmentKeys.VAR_PROVINCE, s.provinceCode());
    service.started(s, execution.getProcessInstanceId(), caller.actorOr(s.createdBy()));
  }

  private String registerFromStartForm(DelegateExecution execution) {
    if (!caller.isAuthenticated()) {
      throw new AccessRefusedException("从表单提出借调申请需要登录");
    }
    String id = UUID.randomUUID().toString();
    try {
      service.register(id, SecondmentFormValues.toRequest(execution.getVariables()), caller.jurisdiction(), caller.groupIds());
    } catch (SecondmentInputException e) {
      throw SecondmentFormValues.inFormTerms(e);
    }
    execution.setProcessBusinessKey(id);
    execution.setVariable(SecondmentKeys.VAR_SECONDMENT_ID, id);
    SecondmentFormValues.KEYS.forEach(execution::removeVariable);
    return id;
  }
}
