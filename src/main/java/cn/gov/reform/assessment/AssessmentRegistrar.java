package cn.gov.reform.assessment;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.gov.reform.engine.AccessRefusedException;
import cn.gov.reform.identity.CurrentCaller;

/**
 * Start listener of {@code assessmentItemApproval}. A request created through {@code /api} arrives with its id; one filled
 * in Tasklist's start form arrives as form fields and is stored here, in the same transaction, so a refused start leaves
 * nothing behind. Either way the instance gets its business key and its province (its tenant's).
 */
@Component("assessmentRegistrar")
class AssessmentRegistrar implements ExecutionListener {

  private final AssessmentService service;
  private final CurrentCaller caller;

  AssessmentRegistrar(AssessmentService service, CurrentCaller caller) {
    this.service = service;
    this.caller = caller;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String id = (String) execution.getVariable(AssessmentKeys.VAR_ITEM_ID);
    if (id == null) {
      if (!caller.isAuthenticated()) {
        throw new AccessRefusedException("从表单提交考核事项申请需要登录");
      }
      id = UUID.randomUUID().toString();
      try {
        service.register(id, AssessmentFormValues.toRequest(execution.getVariables()), caller.jurisdiction());
      } catch (AssessmentInputException e) {
        throw AssessmentFormValues.inFormTerms(e);
      }
      execution.setProcessBusinessKey(id);
      execution.setVariable(AssessmentKeys.VAR_ITEM_ID, id);
      AssessmentFormValues.KEYS.forEach(execution::removeVariable);
    }
    AssessmentItem a = service.find(id);
    execution.setVariable(AssessmentKeys.VAR_PROVINCE, a.provinceCode());
    service.started(a, execution.getProcessInstanceId(), caller.actorOr(a.createdBy()));
  }
}
