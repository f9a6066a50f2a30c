package cn.gov.reform.security;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.gov.reform.web.Problems;

/**
 * Refuses, with 409, removing the last direct member of {@code camunda-admin} over engine REST or the
 * webapps' engine API: deleting that membership, that user, or the group itself.
 */
class AdminMembershipGuard extends OncePerRequestFilter {

  private static final Pattern MEMBER = Pattern.compile("^/group/" + Groups.CAMUNDA_ADMIN + "/members/([^/]+)/?$");
  private static final Pattern USER = Pattern.compile("^/user/([^/]+)/?$");
  private static final Pattern GROUP = Pattern.compile("^/group/" + Groups.CAMUNDA_ADMIN + "/?$");

  private final JdbcTemplate jdbc;
  private final String applicationPath;

  AdminMembershipGuard(JdbcTemplate jdbc, String applicationPath) {
    this.jdbc = jdbc;
    this.applicationPath = applicationPath;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"DELETE".equalsIgnoreCase(request.getMethod()) || RequestPaths.engineResource(request, applicationPath) == null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String resource = RequestPaths.engineResource(request, applicationPath);
    if (GROUP.matcher(resource).matches()) {
      refuse(response, "管理员组 camunda-admin 不能删除");
      return;
    }
    Matcher m = MEMBER.matcher(resource);
    if (!m.matches()) {
      m = USER.matcher(resource);
    }
    if (m.matches()) {
      List<String> members = jdbc.queryForList("select USER_ID_ from ACT_ID_MEMBERSHIP where GROUP_ID_ = ?", String.class,
          Groups.CAMUNDA_ADMIN);
      if (members.size() == 1 && members.get(0).equals(m.group(1))) {
        refuse(response, "用户 " + m.group(1) + " 是管理员组 camunda-admin 唯一的直接成员，不能移除");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletResponse response, String detail) throws IOException {
    Problems.write(response, 409, "管理员组必须保留成员", detail, null, null);
  }
}
