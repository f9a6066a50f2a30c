package cn.gov.reform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.BasicHttp;
import cn.gov.reform.support.WebappLogin;

/** The engine settings of Camunda's security instructions are in effect, as a caller experiences them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class EngineHardeningTest {

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired ProcessEngine engine;
  BasicHttp http;

  @BeforeEach
  void client() {
    http = new BasicHttp(port);
  }

  @Test
  void shouldRunTheEngineWithTheHardenedSettings() {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(cfg.isEnablePasswordPolicy()).isTrue();
    assertThat(cfg.getPasswordPolicy()).isNotNull();
    assertThat(cfg.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(cfg.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(cfg.getDeserializationTypeValidator()).isNotNull();
    assertThat(cfg.getQueryMaxResultsLimit()).isEqualTo(2000);
    assertThat(cfg.isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(cfg.isWebappsAuthenticationLoggingEnabled()).isTrue();
    assertThat(cfg.isAuthorizationEnabled()).isTrue();
  }

  @Test
  void shouldRefuseAWeakPasswordAndCreateNoUser() {
    String weak = "{\"profile\":{\"id\":\"weakling\",\"firstName\":\"弱\",\"lastName\":\"口令\"},"
        + "\"credentials\":{\"password\":\"demo\"}}";
    HttpResponse<String> refused = http.send("POST", "/engine-rest/user/create", PlanFixtures.ADMIN, weak);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(refused.body()).contains("credentials.password").contains("至少10个字符").contains("至少1个大写字母");
    assertThat(engine.getIdentityService().createUserQuery().userId("weakling").count()).isZero();

    String strong = weak.replace("\"demo\"", "\"Strong-pass-2026\"");
    HttpResponse<String> created = http.send("POST", "/engine-rest/user/create", PlanFixtures.ADMIN, strong);
    try {
      assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    } finally {
      engine.getIdentityService().deleteUser("weakling");
    }
  }

  @Test
  void shouldRefuseJavaSerializedVariables() {
    String pi = support.create("ningyang", PlanFixtures.ningyangPlan()).processInstanceId();
    String serialized = "{\"value\":\"rO0ABXQABGRlbW8=\",\"type\":\"Object\",\"valueInfo\":{"
        + "\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}";
    HttpResponse<String> answer =
        http.send("PUT", "/engine-rest/process-instance/" + pi + "/variables/smuggled", PlanFixtures.ADMIN, serialized);
    assertThat(answer.statusCode()).as(answer.body()).isIn(400, 500);
    assertThat(answer.body()).contains("Java serialization format is prohibited");
    assertThat(engine.getRuntimeService().getVariable(pi, "smuggled")).isNull();
  }

  @Test
  void shouldRefuseAnUnboundedQuery() {
    HttpResponse<String> unbounded = http.send("GET", "/engine-rest/task", PlanFixtures.ADMIN, null);
    assertThat(unbounded.statusCode()).isEqualTo(400);
    assertThat(unbounded.body()).contains("An unbound number of results is forbidden");
    HttpResponse<String> tooMany = http.send("GET", "/engine-rest/task?maxResults=2001", PlanFixtures.ADMIN, null);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("Max results limit of 2000 exceeded");
    assertThat(http.status("GET", "/engine-rest/task?maxResults=2000", PlanFixtures.ADMIN)).isEqualTo(200);
  }

  @Test
  void shouldLogWebappLoginsAndFailedAttempts(CapturedOutput output) {
    assertThat(new WebappLogin(port).login("taian", PlanFixtures.PASSWORD).statusCode()).isEqualTo(200);
    // a failed attempt delays the user's next login: a user of this test's own
    User guesser = engine.getIdentityService().newUser("guesser");
    guesser.setPassword("Sesame-open-2026");
    engine.getIdentityService().saveUser(guesser);
    try {
      assertThat(new WebappLogin(port).login("guesser", "Wrong-pass-2026").statusCode()).isEqualTo(401);
    } finally {
      engine.getIdentityService().deleteUser("guesser");
    }

    assertThat(output.getOut()).contains("Successful login for user taian.")
        .contains("Failed login attempt for user guesser. Reason: bad credentials");
  }
}
