package cn.gov.reform.secondment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.StageHub;

/**
 * The hub 下一环节？ of the secondment's process ({@link StageHub}): after the stage answered last, the next stage of the
 * chain 确定审批链 gave the request at its latest submission, or {@value SecondmentKeys#APPROVED_NEXT} once every stage has
 * agreed.
 */
@Component("secondmentStages")
class SecondmentStages extends StageHub {

  @Override
  public String next(DelegateExecution execution) {
    return after(SecondmentRoute.of(execution).keys(), (String) execution.getVariable(SecondmentKeys.VAR_LAST_STAGE),
        SecondmentKeys.APPROVED_NEXT);
  }
}
