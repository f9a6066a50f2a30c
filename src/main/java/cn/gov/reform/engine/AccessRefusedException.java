package cn.gov.reform.engine;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * Raised inside the engine (a start form's listener) when the caller's role does not cover the item's region: engine
 * REST and Tasklist answer 403 with the message, {@code /api} too.
 */
public class AccessRefusedException extends AuthorizationException {

  public AccessRefusedException(String message) {
    super(message);
  }
}
