package cn.gov.reform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HSTS on the paths outside the webapps ({@code /api}, {@code /engine-rest}, {@code /actuator}); the webapps
 * under the application path get theirs from Camunda's header security filter
 * ({@code camunda.bpm.webapp.header-security.hsts-*}).
 */
class StrictTransportSecurityFilter extends OncePerRequestFilter {

  private final String value;
  private final String applicationPath;

  StrictTransportSecurityFilter(String value, String applicationPath) {
    this.value = value;
    this.applicationPath = applicationPath;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = RequestPaths.of(request);
    return path.equals(applicationPath) || path.startsWith(applicationPath + "/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Strict-Transport-Security", value);
    chain.doFilter(request, response);
  }
}
