package cn.gov.reform.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;

/**
 * The user a Camunda webapp login (Tasklist, Cockpit, Admin or the dashboard's login, which posts to
 * the same endpoint) put into the HTTP session, so the dashboard and its GET calls to {@code /api}
 * need no second login.
 */
final class WebappSession {

  private WebappSession() {}

  static Optional<String> user(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentication auth = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
    return Optional.ofNullable(auth == null ? null : auth.getName());
  }
}
