package cn.gov.reform.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Called from the model: {@code ${assessmentOutcome.finish(execution, 'APPROVED')}} at the end events,
 * {@code ${assessmentOutcome.overdue(execution, 'countyApproval')}} when a stage passes its due date.
 */
@Component("assessmentOutcome")
public class AssessmentOutcome {

  private final AssessmentService service;

  AssessmentOutcome(AssessmentService service) {
    this.service = service;
  }

  public void finish(DelegateExecution execution, String status) {
    service.finished(execution.getProcessBusinessKey(), AssessmentStatus.valueOf(status), execution.getCurrentActivityId());
  }

  public void overdue(DelegateExecution execution, String stageKey) {
    service.overdue(execution.getProcessBusinessKey(), stageKey);
  }
}
