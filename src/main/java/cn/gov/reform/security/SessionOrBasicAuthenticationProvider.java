package cn.gov.reform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * {@code /api} authentication: HTTP Basic as before, or, for reading requests (GET, HEAD) without an
 * Authorization header, the user already logged in to the Camunda webapps in this browser session. That
 * is how the dashboard's page reads {@code /api/stats} and {@code /api/plans}. Writing requests still need
 * HTTP Basic, so a session cookie alone can never change anything (no cross-site request forgery).
 * Groups and tenants are read afresh from the identity service by the filter.
 */
public class SessionOrBasicAuthenticationProvider extends ProblemBasicAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (reading && request.getHeader("Authorization") == null) {
      var user = WebappSession.user(request, engine.getName());
      if (user.isPresent()) {
        return AuthenticationResult.successful(user.get());
      }
    }
    return super.extractAuthenticatedUser(request, engine);
  }
}
