package cn.gov.reform.plan;

import org.camunda.bpm.engine.AuthorizationException;

/** Raised inside the engine when the caller's role does not cover the plan's region (engine REST answers 403). */
public class PlanAccessDeniedException extends AuthorizationException {
  public PlanAccessDeniedException(String message) {
    super(message);
  }
}
