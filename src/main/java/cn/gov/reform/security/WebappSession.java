package cn.gov.reform.security;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * The user a Camunda webapp login (Tasklist, Cockpit, Admin or the dashboard's login, which posts to
 * the same endpoint) put into the HTTP session, so the dashboard and its GET calls to {@code /api}
 * need no second login; and the CSRF token Camunda keeps there, which the dashboard's login and logout send.
 */
public final class WebappSession {

  /** The request header that carries the CSRF token to the webapps' endpoints (X-XSRF-TOKEN). */
  public static final String CSRF_HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;

  private WebappSession() {}

  /** The groups of every webapp login in the request's session (none without a session). */
  public static Set<String> groups(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Set<String> groups = new HashSet<>();
    if (session != null) {
      for (Authentication a : AuthenticationUtil.getAuthsFromSession(session).getAuthentications()) {
        if (a instanceof UserAuthentication user && user.getGroupIds() != null) {
          groups.addAll(user.getGroupIds());
        }
      }
    }
    return groups;
  }

  public static Optional<String> user(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentication auth = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
    return Optional.ofNullable(auth == null ? null : auth.getName());
  }

  /** The token Camunda's CSRF filter keeps in the session, which the webapps' writing requests must send. */
  public static Optional<String> csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return Optional.ofNullable(token).map(String::valueOf);
  }
}
