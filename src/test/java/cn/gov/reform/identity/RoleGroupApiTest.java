package cn.gov.reform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.Http;

/** An administrator registers the first official of a township: its group is made on demand, nobody else may. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoleGroupApiTest {

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired ProcessEngine engine;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    support.ensureUsers(java.util.Map.of("ningyang", "drafter370921"));
  }

  @Test
  void shouldLetOnlyAnAdministratorMakeAnOnDemandRoleGroupExist() {
    Http.Answer refused = http.send("PUT", "/api/admin/role-groups/township370921101", "ningyang", "", java.util.Map.of());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("detail").asText()).contains("系统管理员");
    assertThat(engine.getIdentityService().createGroupQuery().groupId("township370921101").count()).isZero();

    Http.Answer made = http.send("PUT", "/api/admin/role-groups/township370921101", PlanFixtures.ADMIN, "", java.util.Map.of());
    assertThat(made.status()).as(made.raw().body()).isEqualTo(200);
    assertThat(made.json().get("name").asText()).isEqualTo("山东省泰安市宁阳县泗店镇党委");
    assertThat(http.send("PUT", "/api/admin/role-groups/township370921101", PlanFixtures.ADMIN, "", java.util.Map.of()).json().get("id").asText())
        .isEqualTo("township370921101");
    assertThat(engine.getIdentityService().createGroupQuery().groupId("township370921101").count()).isEqualTo(1);

    Http.Answer unknown = http.send("PUT", "/api/admin/role-groups/township370921999", PlanFixtures.ADMIN, "", java.util.Map.of());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    assertThat(unknown.json().get("detail").asText()).contains("不是审批岗位");
  }
}
