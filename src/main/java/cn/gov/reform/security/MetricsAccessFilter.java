package cn.gov.reform.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.gov.reform.operations.MonitoringGroup;
import cn.gov.reform.web.Problems;

/**
 * {@code /actuator/prometheus} for administrators and members of {@code monitoring} only, over HTTP Basic: the
 * numbers are aggregates, but they are the state of a government approval system. Health stays open for probes.
 */
class MetricsAccessFilter extends OncePerRequestFilter {

  private static final Set<String> ALLOWED = Set.of(Groups.CAMUNDA_ADMIN, MonitoringGroup.ID);

  private final ProcessEngine engine;
  private final ProblemBasicAuthenticationProvider basic = new ProblemBasicAuthenticationProvider();

  MetricsAccessFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    AuthenticationResult who = basic.extractAuthenticatedUser(request, engine);
    if (!who.isAuthenticated()) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      basic.augmentResponseByAuthenticationChallenge(response, engine);
      return;
    }
    boolean allowed = engine.getIdentityService().createGroupQuery().groupMember(who.getAuthenticatedUser()).list()
        .stream().map(Group::getId).anyMatch(ALLOWED::contains);
    if (!allowed) {
      Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "无权操作", "只有系统管理员（camunda-admin）和运维监控组（monitoring）的成员可以读取监控指标", null);
      return;
    }
    chain.doFilter(request, response);
  }
}
