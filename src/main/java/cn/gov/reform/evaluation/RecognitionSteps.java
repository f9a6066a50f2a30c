package cn.gov.reform.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The recognition model's expressions ({@code ${recognitionSteps.…}}): the standard's check and the end events. */
@Component("recognitionSteps")
public class RecognitionSteps {

  private final RecognitionService service;

  RecognitionSteps(RecognitionService service) {
    this.service = service;
  }

  /** 认定标准检查: {@code hasErrors} sends an application that fails the standard to its end. */
  public void check(DelegateExecution execution) {
    execution.setVariable(EvaluationKeys.VAR_HAS_ERRORS, service.check(execution.getProcessBusinessKey()));
  }

  public void finish(DelegateExecution execution, String status) {
    service.finished(execution.getProcessBusinessKey(), RecognitionStatus.valueOf(status), execution.getCurrentActivityId());
  }
}
