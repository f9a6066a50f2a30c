package cn.gov.reform.approval;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;

import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.InvalidFields;

/**
 * Completing a task the approval operations hold open: delegated and not yet handed back (委派), a co-signature
 * still missing (加签), or a co-signer's own task, which is answered by 签署意见, not by completing it. Engine
 * REST, Tasklist and {@code /api} answer 400 with the message; the transaction rolls back and the task stays open.
 */
public class TaskRefusedException extends ProcessEngineException implements InvalidFields {

  public TaskRefusedException(String message) {
    super(message);
  }

  @Override
  public String problemTitle() {
    return "任务暂不能办结";
  }

  @Override
  public List<FieldError> errors() {
    return List.of();
  }
}
