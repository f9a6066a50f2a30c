package cn.gov.reform.security;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;

import cn.gov.reform.web.Problems;

/** Camunda's HTTP Basic provider, answering an unauthenticated {@code /api} call with problem+json. */
public class ProblemBasicAuthenticationProvider extends CachedBasicAuthenticationProvider {

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    super.augmentResponseByAuthenticationChallenge(response, engine);
    try {
      Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "未登录", "需要用户名和密码（HTTP Basic）", null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
