package cn.gov.reform.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.gov.reform.operations.MonitoringGroup;
import cn.gov.reform.web.Problems;

/**
 * {@code /actuator/prometheus} for administrators and members of {@code monitoring} only, over HTTP Basic: the
 * numbers are aggregates, but they are the state of a government approval system. Health stays open for probes.
 * A refused login says why ({@link BasicLogin}); a user without either group gets 403.
 */
class MetricsAccessFilter extends OncePerRequestFilter {

  private static final Set<String> ALLOWED = Set.of(Groups.CAMUNDA_ADMIN, MonitoringGroup.ID);

  private final ProcessEngine engine;

  MetricsAccessFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    BasicLogin.Outcome login = BasicLogin.check(request, engine);
    if (login.refused() != null) {
      login.refused().write(response, engine);
      return;
    }
    boolean allowed = login.accepted().getGroups().stream().anyMatch(ALLOWED::contains);
    if (!allowed) {
      Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "无权操作", "只有系统管理员（camunda-admin）和运维监控组（monitoring）的成员可以读取监控指标", null);
      return;
    }
    chain.doFilter(request, response);
  }
}
