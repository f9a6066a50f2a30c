package cn.gov.reform.security;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * HTTP Basic for Camunda's authentication filter on engine REST and {@code /api}, checked by {@link BasicLogin}, a
 * refusal answered as problem+json saying why in Chinese. The filter asks for the user, then, if refused, for the
 * answer without passing the request again: the refusal waits for it in a thread-local in between.
 */
public class ProblemBasicAuthenticationProvider implements AuthenticationProvider {

  private final ThreadLocal<BasicLogin.Refusal> refusal = new ThreadLocal<>();

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    BasicLogin.Outcome login = BasicLogin.check(request, engine);
    if (login.refused() != null) {
      refusal.set(login.refused());
      return AuthenticationResult.unsuccessful();
    }
    refusal.remove();
    return login.accepted();
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    BasicLogin.Refusal why = refusal.get();
    refusal.remove();
    try {
      (why == null ? BasicLogin.Refusal.NO_CREDENTIALS : why).write(response, engine);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
