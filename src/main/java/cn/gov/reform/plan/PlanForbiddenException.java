package cn.gov.reform.plan;

/** The caller is known but their role does not allow this action. */
public class PlanForbiddenException extends RuntimeException {
  public PlanForbiddenException(String message) {
    super(message);
  }
}
