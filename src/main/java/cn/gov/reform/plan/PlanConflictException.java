package cn.gov.reform.plan;

/** The plan is not in a state that allows this action (e.g. revising a plan that is under review). */
public class PlanConflictException extends RuntimeException {
  public PlanConflictException(String message) {
    super(message);
  }
}
