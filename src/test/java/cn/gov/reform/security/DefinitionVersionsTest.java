package cn.gov.reform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.Http;
import cn.gov.reform.support.WebappLogin;

/**
 * Cockpit's process-definition page lists every version of the definition without a page size; it works for a
 * supervisor instead of failing with "An unbound number of results is forbidden!", while engine REST clients
 * must still page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DefinitionVersionsTest {

  private static final String VERSIONS = "process-definition?key=reformPlanApproval&sortBy=version&sortOrder=desc&withoutTenantId=true";

  @LocalServerPort int port;
  @Autowired PlanFixtures users;

  @Test
  void shouldListADefinitionsVersionsInCockpitButStillRefuseUnboundEngineRestQueries() {
    WebappLogin cockpit = new WebappLogin(port);
    assertThat(cockpit.login("shandongsupervisor", PlanFixtures.PASSWORD).statusCode()).isEqualTo(200);
    HttpResponse<String> versions = cockpit.get("/camunda/api/engine/engine/default/" + VERSIONS);
    assertThat(versions.statusCode()).as(versions.body()).isEqualTo(200);
    assertThat(versions.body()).startsWith("[").contains("\"key\":\"reformPlanApproval\"");

    Http.Answer rest = new Http(port).get("/engine-rest/" + VERSIONS, "shandongsupervisor");
    assertThat(rest.status()).isEqualTo(400);
    assertThat(rest.raw().body()).contains("unbound number of results");
  }
}
