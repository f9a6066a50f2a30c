package cn.gov.reform.security;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;

/** Camunda's HTTP Basic provider, answering an unauthenticated {@code /api} call with problem+json. */
public class ProblemBasicAuthenticationProvider extends CachedBasicAuthenticationProvider {

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    super.augmentResponseByAuthenticationChallenge(response, engine);
    response.setContentType("application/problem+json;charset=UTF-8");
    try {
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"未登录\",\"status\":401,"
          + "\"detail\":\"需要用户名和密码（HTTP Basic）\"}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
