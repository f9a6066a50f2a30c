package cn.gov.reform.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.StageHub;

/**
 * The hub 下一环节？ of the reform-plan process: the stage of the plan's chain that comes after the one
 * answered last, computed once as the plan enters the hub (transient variable {@value #VAR_NEXT_STAGE}), so that one
 * BPMN gateway serves every chain the decision table {@value ProcessKeys#ROUTE_DECISION} can give. The model records the stage answered last in {@value #VAR_LAST_STAGE} and removes it when the plan
 * goes back to the county, so a resubmission starts the chain again from its first stage.
 */
@Component("stageSequence")
public class StageSequence extends StageHub {

  /** Task key of the stage answered last; absent while the chain starts from its first stage. */
  public static final String VAR_LAST_STAGE = StageHub.LAST_STAGE;
  /** The hub's answer, read by its outgoing flows' conditions; transient: computed once per pass, never stored. */
  public static final String VAR_NEXT_STAGE = StageHub.NEXT_STAGE;

  /** The next stage's task key, or the chain's end state (APPROVED) when none is left. */
  @Override
  public String next(DelegateExecution execution) {
    ApprovalRoute route = ApprovalRoute.of(execution).orElseThrow(() -> new IllegalStateException(
        "方案 " + execution.getProcessBusinessKey() + " 尚未确定审批链（缺少变量 " + ProcessKeys.VAR_ROUTE + "）"));
    Object last = execution.getVariable(VAR_LAST_STAGE);
    Stage answered = last == null ? Stage.DRAFT : Stage.of((String) last)
        .orElseThrow(() -> new IllegalStateException("变量 " + VAR_LAST_STAGE + " 不是审批环节：" + last));
    return after(route, answered);
  }

  /** Chains keep the order of {@link Stage} (ApprovalRoute refuses any other), so "after" is "later in that order". */
  static String after(ApprovalRoute route, Stage answered) {
    return route.stages().stream()
        .filter(stage -> stage.ordinal() > answered.ordinal())
        .filter(stage -> stage != Stage.DEPARTMENT_REVIEW) // answers together with provinceReview, in the joint review
        .findFirst()
        .map(Stage::taskKey)
        .orElse(route.finalStatus().name());
  }
}
