package cn.gov.reform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.reform.PlanFixtures;

/**
 * A remembered login never outlives a change: a removed role, a changed password or a wrong
 * password take effect on the very next call, though successful checks are cached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthenticationCacheTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired PlanFixtures support;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void restore() {
    if (identity.createUserQuery().userId("taian").memberOfGroup("reviewer370900").count() == 0) {
      identity.createMembership("taian", "reviewer370900");
    }
    if (!identity.checkPassword("taian", PlanFixtures.PASSWORD)) {
      var u = identity.createUserQuery().userId("taian").singleResult();
      ((org.camunda.bpm.engine.impl.persistence.entity.UserEntity) u).setPassword(PlanFixtures.PASSWORD);
      identity.saveUser(u);
    }
  }

  @Test
  void shouldTakeARemovedRoleAwayOnTheNextCall() {
    String plan = "/api/plans/" + support.create("ningyang", PlanFixtures.ningyangPlan()).id();
    assertThat(http.get(plan, "taian").status()).isEqualTo(200);
    assertThat(http.get(plan, "taian").status()).isEqualTo(200);

    assertThat(http.send("DELETE", "/engine-rest/group/reviewer370900/members/taian", "admin:" + PlanFixtures.ADMIN_PASSWORD,
        null, Map.of()).status()).isEqualTo(204);

    assertThat(http.get(plan, "taian").status())
        .as("without the reviewer role taian may not see Taian's plans any more").isIn(403, 404);
  }

  @Test
  void shouldRefuseAWrongOrChangedPasswordOnTheNextCall() {
    assertThat(http.get("/api/plans", "ningyang").status()).isEqualTo(200);
    assertThat(http.get("/api/plans", "ningyang:wrong-" + PlanFixtures.PASSWORD).status()).isEqualTo(401);
    assertThat(http.get("/api/plans", "taian").status()).isEqualTo(200);

    String body = "{\"password\":\"Changed-pass-2026\",\"authenticatedUserPassword\":\"" + PlanFixtures.ADMIN_PASSWORD + "\"}";
    assertThat(http.send("PUT", "/engine-rest/user/taian/credentials", "admin:" + PlanFixtures.ADMIN_PASSWORD, body, Map.of())
        .status()).isEqualTo(204);

    assertThat(http.get("/api/plans", "taian:Changed-pass-2026").status()).isEqualTo(200);
    assertThat(http.get("/api/plans", "taian").status()).as("the old password").isEqualTo(401);
  }
}
