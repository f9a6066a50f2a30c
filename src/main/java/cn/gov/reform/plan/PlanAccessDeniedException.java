package cn.gov.reform.plan;

import cn.gov.reform.engine.AccessRefusedException;

/** Raised inside the engine when the caller's role does not cover the plan's region (engine REST answers 403). */
public class PlanAccessDeniedException extends AccessRefusedException {
  public PlanAccessDeniedException(String message) {
    super(message);
  }
}
