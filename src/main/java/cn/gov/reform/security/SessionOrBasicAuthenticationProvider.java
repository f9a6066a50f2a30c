package cn.gov.reform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * {@code /api} authentication: HTTP Basic as before, or, without an Authorization header, the user already
 * logged in to the Camunda webapps in this browser session: for reading requests (GET, HEAD) — that is how the
 * dashboard reads {@code /api/stats} and {@code /api/plans} — and for writing requests that carry the session's
 * CSRF token in {@code X-XSRF-TOKEN}, as the webapps' own writing requests do — that is how Tasklist's 审批操作
 * tab posts. A session cookie alone can never change anything (no cross-site request forgery).
 * Groups and tenants are read afresh from the identity service by the filter.
 */
public class SessionOrBasicAuthenticationProvider extends ProblemBasicAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if ((reading || sameSiteWrite(request)) && request.getHeader("Authorization") == null) {
      var user = WebappSession.user(request, engine.getName());
      if (user.isPresent()) {
        return AuthenticationResult.successful(user.get());
      }
    }
    return super.extractAuthenticatedUser(request, engine);
  }

  /** A writing request that proves it comes from a page of this app: it carries the session's CSRF token. */
  private static boolean sameSiteWrite(HttpServletRequest request) {
    String sent = request.getHeader(WebappSession.CSRF_HEADER);
    return sent != null && !sent.isBlank() && WebappSession.csrfToken(request)
        .map(token -> java.security.MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            sent.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .orElse(false);
  }
}
