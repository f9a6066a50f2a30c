package cn.gov.reform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.gov.reform.web.Problems;

/**
 * Closes CVE-2026-77226: the Admin webapp's first-run setup ({@code /camunda/api/admin/setup/…}) lets an
 * anonymous caller create an administrator whenever {@code camunda-admin} has no direct member. Here it
 * is refused, for every method, as soon as any user exists, and always when
 * {@code app.security.admin-setup=refused} (set in profile {@code prod}).
 */
class AdminSetupGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(AdminSetupGuard.class);

  private final JdbcTemplate jdbc;
  private final boolean alwaysRefused;
  private final String setupPath;

  AdminSetupGuard(JdbcTemplate jdbc, boolean alwaysRefused, String applicationPath) {
    this.jdbc = jdbc;
    this.alwaysRefused = alwaysRefused;
    this.setupPath = applicationPath + "/api/admin/setup";
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // servlet path + path info: decoded, normalized, without ;parameters
    String path = RequestPaths.of(request);
    return !(path.equals(setupPath) || path.startsWith(setupPath + "/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (alwaysRefused || usersExist()) {
      LOG.warn("Refused admin setup request {} {} from {}", request.getMethod(), request.getRequestURI(),
          request.getRemoteAddr());
      Problems.write(response, 403, "初始化设置已关闭",
          alwaysRefused ? "本环境不提供管理员初始化设置" : "系统已有用户，不能再通过初始化设置创建管理员", null, null);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Straight from the table, so no engine authentication or authorization can hide a user. */
  private boolean usersExist() {
    Integer users = jdbc.queryForObject("select count(*) from ACT_ID_USER", Integer.class);
    return users != null && users > 0;
  }
}
