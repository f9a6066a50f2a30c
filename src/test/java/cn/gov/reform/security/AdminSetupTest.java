package cn.gov.reform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.BasicHttp;
import cn.gov.reform.support.WebappLogin;

/**
 * CVE-2026-77226: the Admin webapp's first-run setup must never let an anonymous caller create an
 * administrator once the system has users — not even while {@code camunda-admin} has no direct member.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminSetupTest {

  private static final String SETUP = "/camunda/api/admin/setup/default/user/create";
  private static final String INTRUDER = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\","
      + "\"email\":\"intruder@example.com\"},\"credentials\":{\"password\":\"Intruder-pass-2026\"}}";

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired ProcessEngine engine;
  IdentityService identity;

  @BeforeEach
  void setUp() {
    identity = engine.getIdentityService();
  }

  @Test
  void shouldKeepAdminAsDirectMemberOfCamundaAdminAfterStartup() {
    assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
        .extracting(u -> u.getId()).contains("admin");
  }

  @Test
  void shouldRefuseAnonymousAdminSetupWhileUsersExist() {
    HttpResponse<String> answer = new WebappLogin(port).visit().postJson(SETUP, INTRUDER);

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(answer.body()).contains("初始化设置已关闭");
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void shouldRefuseAnonymousAdminSetupEvenWhenCamundaAdminHasNoDirectMember() {
    identity.deleteMembership("admin", Groups.CAMUNDA_ADMIN);
    try {
      assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isZero();
      WebappLogin anonymous = new WebappLogin(port).visit();

      HttpResponse<String> create = anonymous.postJson(SETUP, INTRUDER);
      HttpResponse<String> put = anonymous.send("PUT", SETUP, INTRUDER, "application/json");

      assertThat(create.statusCode()).isEqualTo(403);
      assertThat(create.body()).contains("系统已有用户");
      assertThat(put.statusCode()).isEqualTo(403);
      assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
      assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isZero();
    } finally {
      identity.createMembership("admin", Groups.CAMUNDA_ADMIN);
    }
  }

  @Test
  void shouldRefuseRemovingTheLastDirectMemberOfCamundaAdminOverRest() {
    BasicHttp http = new BasicHttp(port);
    assertThat(http.status("DELETE", "/engine-rest/group/camunda-admin/members/admin", PlanFixtures.ADMIN)).isEqualTo(409);
    assertThat(http.status("DELETE", "/engine-rest/user/admin", PlanFixtures.ADMIN)).isEqualTo(409);
    assertThat(http.status("DELETE", "/engine-rest/group/camunda-admin", PlanFixtures.ADMIN)).isEqualTo(409);

    assertThat(identity.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isOne();
  }

  @Test
  void shouldAlwaysRefuseSetupWhenConfiguredSoEvenWithoutUsers() throws Exception {
    JdbcTemplate noUsers = mock(JdbcTemplate.class);
    when(noUsers.queryForObject(anyString(), any(Class.class))).thenReturn(0);

    MockHttpServletResponse refused = run(new AdminSetupGuard(noUsers, true, "/camunda"));
    MockHttpServletResponse firstRun = run(new AdminSetupGuard(noUsers, false, "/camunda"));

    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(refused.getContentAsString()).contains("本环境不提供管理员初始化设置");
    // a truly empty system outside prod keeps Camunda's first-run setup
    assertThat(firstRun.getStatus()).isEqualTo(200);
  }

  private static MockHttpServletResponse run(AdminSetupGuard guard) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", SETUP);
    request.setServletPath("/camunda/api/admin");
    request.setPathInfo("/setup/default/user/create");
    MockHttpServletResponse response = new MockHttpServletResponse();
    guard.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
