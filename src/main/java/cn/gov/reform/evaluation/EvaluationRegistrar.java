package cn.gov.reform.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.gov.reform.engine.AccessRefusedException;
import cn.gov.reform.identity.Role;

/**
 * Start listener of {@code developedTownEvaluation}: an evaluation year is launched over {@code /api/evaluations}, which
 * stores it first and starts the instance with its id; a start without one (engine REST) is refused. The instance gets the
 * provincial 编办's and government's groups.
 */
@Component("evaluationRegistrar")
class EvaluationRegistrar implements ExecutionListener {

  private final EvaluationService service;

  EvaluationRegistrar(EvaluationService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String id = (String) execution.getVariable(EvaluationKeys.VAR_EVALUATION_ID);
    Evaluation e = id == null ? null : service.stored(id).orElse(null);
    if (e == null || e.processInstanceId() != null || !id.equals(execution.getProcessBusinessKey())) {
      throw new AccessRefusedException("年度评估须通过 POST /api/evaluations 由省编办发起");
    }
    execution.setVariable(EvaluationKeys.VAR_PROVINCE_REVIEWER_GROUP, Role.REVIEWER.group(e.provinceCode()));
    execution.setVariable(EvaluationKeys.VAR_PROVINCE_APPROVER_GROUP, Role.APPROVER.group(e.provinceCode()));
    service.started(id, execution.getProcessInstanceId());
  }
}
