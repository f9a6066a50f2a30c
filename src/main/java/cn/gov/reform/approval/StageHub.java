package cn.gov.reform.approval;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The hub 下一环节？ of a procedure whose chain of stages is data (a DMN row): the model records the stage answered last
 * in {@value #LAST_STAGE} (removed when the item goes back to its author), and this start listener of the hub computes
 * once per pass the stage that comes next, as the transient variable {@value #NEXT_STAGE} the hub's flows compare
 * ({@code ${nextStage == 'legalReview'}}), so one gateway serves every chain the table can give.
 */
public abstract class StageHub implements ExecutionListener {

  /** Task key of the stage answered last; absent while the chain starts from its first stage. */
  public static final String LAST_STAGE = "lastStage";
  /** The hub's answer, read by its outgoing flows' conditions; transient: computed once per pass, never stored. */
  public static final String NEXT_STAGE = "nextStage";

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariableLocal(NEXT_STAGE, Variables.stringValue(next(execution), true));
  }

  /** The next stage's task key, or the end the chain reaches when none is left. */
  public abstract String next(DelegateExecution execution);

  /** The stage after {@code answered} in {@code chain}: the first while none was answered, {@code end} after the last. */
  public static String after(List<String> chain, String answered, String end) {
    int next = answered == null ? 0 : chain.indexOf(answered) + 1;
    return next < chain.size() ? chain.get(next) : end;
  }
}
