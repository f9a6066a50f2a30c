package cn.gov.reform.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.gov.reform.engine.AccessRefusedException;
import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.identity.Role;

/**
 * Start listener of {@code developedTownRecognition}: an application is made over {@code /api/developed-towns/applications},
 * which stores it and starts the instance with its id; a start without one (engine REST) is refused. The instance gets
 * the provincial government's group.
 */
@Component("recognitionRegistrar")
class RecognitionRegistrar implements ExecutionListener {

  private final RecognitionService service;
  private final CurrentCaller caller;

  RecognitionRegistrar(RecognitionService service, CurrentCaller caller) {
    this.service = service;
    this.caller = caller;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String id = (String) execution.getVariable(EvaluationKeys.VAR_APPLICATION_ID);
    Recognition r = id == null ? null : service.stored(id).orElse(null);
    if (r == null || r.processInstanceId() != null || !id.equals(execution.getProcessBusinessKey())) {
      throw new AccessRefusedException("列入名单的申请须通过 POST /api/developed-towns/applications 由市（州）政府提出");
    }
    execution.setVariable(EvaluationKeys.VAR_PROVINCE_APPROVER_GROUP, Role.APPROVER.group(r.provinceCode()));
    service.started(id, execution.getProcessInstanceId(), caller.actorOr(r.createdBy()));
  }
}
