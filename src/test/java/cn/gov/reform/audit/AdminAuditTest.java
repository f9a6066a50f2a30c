package cn.gov.reform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.Http;
import cn.gov.reform.support.WebappLogin;

/**
 * Every change of users, groups, memberships, tenants and authorizations — through engine REST, the Admin webapp or the
 * app — leaves one row in the append-only {@code app_admin_audit}: who, when, which way, before and after, no password;
 * a refused change leaves none; only administrators read it, and nobody changes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminAuditTest {

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  private List<String> entries(String entityId) {
    JsonNode page = http.get("/api/admin/audit?size=200", PlanFixtures.ADMIN).json();
    List<String> out = new ArrayList<>();
    page.get("items").forEach(e -> {
      if (e.get("entityId").asText().contains(entityId)) {
        out.add(0, e.get("actor").asText() + " " + e.get("channel").asText() + " " + e.get("action").asText() + " "
            + e.get("entityType").asText() + " " + e.get("entityId").asText());
      }
    });
    return out;
  }

  @Test
  void shouldRecordEveryIdentityChangeThroughEngineRestWithItsStatesBeforeAndAfter() {
    String user = "audited" + System.nanoTime() % 100000;
    assertThat(http.post("/engine-rest/user/create", PlanFixtures.ADMIN, """
        {"profile":{"id":"%s","firstName":"宁阳县","lastName":"审查员","email":"a@example.gov.cn"},
         "credentials":{"password":"Audit-pass-2026"}}""".formatted(user)).status()).isEqualTo(204);
    assertThat(http.send("PUT", "/engine-rest/user/" + user + "/profile", PlanFixtures.ADMIN,
        "{\"id\":\"" + user + "\",\"firstName\":\"宁阳县\",\"lastName\":\"审查员二\",\"email\":\"a@example.gov.cn\"}", Map.of()).status())
        .isEqualTo(204);
    assertThat(http.send("PUT", "/engine-rest/group/legal370921/members/" + user, PlanFixtures.ADMIN, null, Map.of()).status())
        .isEqualTo(204);
    Http.Answer grant = http.post("/engine-rest/authorization/create", PlanFixtures.ADMIN, """
        {"type":1,"permissions":["ACCESS"],"userId":"%s","resourceType":0,"resourceId":"cockpit"}""".formatted(user));
    assertThat(grant.status()).as(grant.raw().body()).isEqualTo(200);
    String grantId = grant.json().get("id").asText();
    assertThat(http.send("DELETE", "/engine-rest/authorization/" + grantId, PlanFixtures.ADMIN, null, Map.of()).status()).isEqualTo(204);
    assertThat(http.send("DELETE", "/engine-rest/group/legal370921/members/" + user, PlanFixtures.ADMIN, null, Map.of()).status())
        .isEqualTo(204);
    assertThat(http.send("DELETE", "/engine-rest/user/" + user, PlanFixtures.ADMIN, null, Map.of()).status()).isEqualTo(204);

    assertThat(entries(user)).containsSubsequence(
        "admin ENGINE_REST CREATE USER " + user,
        "admin ENGINE_REST UPDATE USER " + user,
        "admin ENGINE_REST CREATE MEMBERSHIP " + user + " → legal370921",
        "admin ENGINE_REST DELETE MEMBERSHIP " + user + " → legal370921",
        "admin ENGINE_REST DELETE USER " + user);
    assertThat(entries(grantId)).containsExactly("admin ENGINE_REST CREATE AUTHORIZATION " + grantId,
        "admin ENGINE_REST DELETE AUTHORIZATION " + grantId);

    JsonNode users = http.get("/api/admin/audit?entityType=USER&actor=admin&size=200", PlanFixtures.ADMIN).json();
    JsonNode update = null;
    for (JsonNode e : users.get("items")) {
      if (e.get("entityId").asText().equals(user) && e.get("action").asText().equals("UPDATE")) {
        update = e;
      }
    }
    assertThat(update).isNotNull();
    assertThat(update.get("before").get("lastName").asText()).isEqualTo("审查员");
    assertThat(update.get("after").get("lastName").asText()).isEqualTo("审查员二");
    assertThat(update.get("at").asText()).isNotBlank();
    JsonNode grantEntry = http.get("/api/admin/audit?entityType=AUTHORIZATION&size=5", PlanFixtures.ADMIN).json().get("items").get(0);
    assertThat(grantEntry.get("before").get("resource").asText()).isEqualTo("Application");
    assertThat(grantEntry.get("before").get("resourceId").asText()).isEqualTo("cockpit");
    assertThat(grantEntry.get("after").isNull()).isTrue();

    assertThat(jdbc.queryForObject("select count(*) from app_admin_audit where before_state like '%Audit-pass%'"
        + " or after_state like '%Audit-pass%' or after_state like '%SHA%'", Long.class)).as("no password, no hash").isZero();
  }

  @Test
  void shouldRecordTheAdminWebappsChangesAsSuchAndTheAppsOwnAsTheSystem() {
    WebappLogin admin = new WebappLogin(port);
    assertThat(admin.login("admin", PlanFixtures.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    String group = "testgroup" + System.nanoTime() % 100000;
    assertThat(admin.postJson("/camunda/api/engine/engine/default/group/create",
        "{\"id\":\"" + group + "\",\"name\":\"测试组\",\"type\":\"测试\"}").statusCode()).isEqualTo(204);
    engine.getIdentityService().deleteGroup(group);

    assertThat(entries(group)).containsExactly("admin ADMIN_WEBAPP CREATE GROUP " + group, "system APP DELETE GROUP " + group);
  }

  @Test
  void shouldLeaveNoRowForARefusedChangeAndShowTheRecordOnlyToAdministrators() {
    support.ensureUsers(Map.of("ningyang", "drafter370921"));
    long before = jdbc.queryForObject("select count(*) from app_admin_audit", Long.class);
    Http.Answer refused = http.post("/engine-rest/group/create", "ningyang:" + PlanFixtures.PASSWORD,
        "{\"id\":\"sneaky\",\"name\":\"x\",\"type\":\"x\"}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from app_admin_audit", Long.class)).isEqualTo(before);

    Http.Answer forbidden = http.get("/api/admin/audit", "ningyang:" + PlanFixtures.PASSWORD);
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
    Http.Answer bad = http.get("/api/admin/audit?entityType=PLAN", PlanFixtures.ADMIN);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("detail").asText()).contains("entityType");
  }

  @Test
  void shouldRefuseToChangeOrRemoveARecordedRowEvenWithDirectSql() {
    engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup("appendonly" + System.nanoTime() % 100000));
    assertThatThrownBy(() -> jdbc.update("update app_admin_audit set actor = 'someone else'"))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from app_admin_audit")).isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThat(jdbc.queryForObject("select count(*) from app_admin_audit where actor = 'someone else'", Long.class)).isZero();
  }
}
