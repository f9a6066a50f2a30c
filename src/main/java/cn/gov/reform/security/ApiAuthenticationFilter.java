package cn.gov.reform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

import cn.gov.reform.web.PublicApi;

/**
 * Camunda's authentication filter on {@code /api}, but for its public part ({@link PublicApi}): a request for a published
 * item goes on without login and without any caller, so nothing there can read more than what is published. The path
 * is the one the request is dispatched on, decoded and normalized by the container ({@code /api/public/../plans} is
 * {@code /api/plans} and needs a login).
 */
class ApiAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && PublicApi.covers(RequestPaths.of(http))) {
      chain.doFilter(request, response);
      return;
    }
    super.doFilter(request, response, chain);
  }
}
