package cn.gov.reform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.Http;

/**
 * A remembered login never outlives a change: a removed role, a changed password or a wrong
 * password take effect on the very next call, though successful checks are cached. Uses its own
 * user: a wrong password makes Camunda hold the user's next logins back for a few seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthenticationCacheTest {

  private static final String USER = "cachedreviewer";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired PlanFixtures support;
  Http http;

  @BeforeEach
  void reviewer() {
    http = new Http(port);
    User user = identity.newUser(USER);
    user.setFirstName("缓存");
    user.setLastName("审核员");
    user.setPassword(PlanFixtures.PASSWORD);
    identity.saveUser(user);
    identity.createMembership(USER, "reviewer370900");
  }

  @AfterEach
  void remove() {
    identity.deleteUser(USER);
  }

  @Test
  void shouldTakeARemovedRoleAwayOnTheNextCall() {
    String plan = "/api/plans/" + support.create("ningyang", PlanFixtures.ningyangPlan()).id();
    assertThat(http.get(plan, USER).status()).isEqualTo(200);
    assertThat(http.get(plan, USER).status()).isEqualTo(200);

    assertThat(http.send("DELETE", "/engine-rest/group/reviewer370900/members/" + USER, "admin:" + PlanFixtures.ADMIN_PASSWORD,
        null, Map.of()).status()).isEqualTo(204);

    assertThat(http.get(plan, USER).status())
        .as("without the reviewer role the user may not see Taian's plans any more").isIn(403, 404);
  }

  @Test
  void shouldRefuseAWrongOrChangedPasswordOnTheNextCall() {
    assertThat(http.get("/api/plans", USER).status()).isEqualTo(200);
    assertThat(http.get("/api/plans", USER + ":wrong-" + PlanFixtures.PASSWORD).status()).isEqualTo(401);

    String body = "{\"password\":\"Changed-pass-2026\",\"authenticatedUserPassword\":\"" + PlanFixtures.ADMIN_PASSWORD + "\"}";
    assertThat(http.send("PUT", "/engine-rest/user/" + USER + "/credentials", "admin:" + PlanFixtures.ADMIN_PASSWORD, body,
        Map.of()).status()).isEqualTo(204);

    assertThat(http.get("/api/plans", USER).status()).as("the old password").isEqualTo(401);
  }
}
