package cn.gov.reform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.Http;

/**
 * A refused HTTP Basic login on {@code /api}, engine REST and {@code /actuator/prometheus} says why, in Chinese, as
 * problem+json: no credentials, a wrong user or password, a login held back after failures (until when), an account
 * locked after ten. Every wrong password here is typed for a user of this test's own: it holds that user's next
 * logins back. The lock follows the engine's clock, which the tests move instead of waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BasicLoginTest {

  private static final List<String> PROTECTED = List.of("/api/plans", "/engine-rest/task?maxResults=1", "/actuator/prometheus");
  private static final String PASSWORD = "Sesame-open-2026";
  private static final DateTimeFormatter BEIJING =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
  private static int serial;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  private final List<String> created = new ArrayList<>();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    created.forEach(identity::deleteUser);
  }

  /** A reviewer of 泰安市 like {@code taian}: may read plans, is not in {@code monitoring}. */
  private String reviewer() {
    String id = "lockreviewer" + (++serial);
    User u = identity.newUser(id);
    u.setFirstName("锁定");
    u.setLastName("审核员");
    u.setPassword(PASSWORD);
    identity.saveUser(u);
    identity.createMembership(id, "reviewer370900");
    created.add(id);
    return id;
  }

  private static void assertRefused(Http.Answer a, String path, String title, String detail) {
    assertThat(a.status()).as(path).isEqualTo(401);
    assertThat(a.header("Content-Type")).as(path).startsWith("application/problem+json");
    assertThat(a.header("WWW-Authenticate")).as(path).startsWith("Basic realm=");
    JsonNode problem = a.json();
    assertThat(problem.path("status").asInt()).as(path).isEqualTo(401);
    assertThat(problem.path("title").asText()).as(path).isEqualTo(title);
    assertThat(problem.path("detail").asText()).as(path).isEqualTo(detail);
  }

  private Date lockExpiration(String user) {
    return ((UserEntity) identity.createUserQuery().userId(user).singleResult()).getLockExpirationTime();
  }

  @Test
  void shouldAskForUserAndPasswordWhenNoneAreSent() {
    for (String path : PROTECTED) {
      assertRefused(http.get(path, null), path, "未登录", "未登录：需要用户名和密码（HTTP Basic）");
      Http.Answer notBasic = http.send("GET", path, null, null, Map.of("Authorization", "Bearer abc"));
      assertRefused(notBasic, path, "未登录", "未登录：需要用户名和密码（HTTP Basic）");
    }
  }

  @Test
  void shouldSayUserOrPasswordIsWrongForAnUnknownUserAndForAWrongPassword() {
    for (String path : PROTECTED) {
      assertRefused(http.get(path, "nosuchuser:" + PASSWORD), path, "登录失败", "用户名或密码不正确");
      assertRefused(http.get(path, reviewer() + ":wrong-" + PASSWORD), path, "登录失败", "用户名或密码不正确");
    }
  }

  @Test
  void shouldSayUntilWhenTheRightPasswordIsHeldBackAfterAWrongOne() {
    for (String path : PROTECTED) {
      String user = reviewer();
      assertRefused(http.get(path, user + ":wrong-" + PASSWORD), path, "登录失败", "用户名或密码不正确");
      Date until = lockExpiration(user);

      Http.Answer held = http.get(path, user + ":" + PASSWORD);
      assertRefused(held, path, "登录暂被锁定", "登录失败次数过多，请于" + BEIJING.format(until.toInstant()) + "（北京时间）后重试");
      assertThat(Integer.parseInt(held.header("Retry-After"))).as(path).isBetween(1, 3);
      assertThat(lockExpiration(user)).as("a login during the lock is not another failure").isEqualTo(until);

      ClockUtil.setCurrentTime(new Date(until.getTime() + 1000));
      Http.Answer after = http.get(path, user + ":" + PASSWORD);
      if (path.startsWith("/actuator")) {
        assertThat(after.status()).as("a known user without the monitoring role").isEqualTo(403);
        assertThat(after.json().path("title").asText()).isEqualTo("无权操作");
        assertThat(after.json().path("detail").asText()).contains("monitoring");
      } else {
        assertThat(after.status()).as(path).isEqualTo(200);
      }
      ClockUtil.reset();
    }
  }

  @Test
  void shouldSayTheAccountIsLockedAfterTooManyFailuresUntilAnAdministratorUnlocksIt() {
    String user = reviewer();
    int maxAttempts = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getLoginMaxAttempts();
    for (int i = 0; i < maxAttempts; i++) {
      assertRefused(http.get("/engine-rest/task?maxResults=1", user + ":wrong-" + PASSWORD), "attempt " + (i + 1), "登录失败",
          "用户名或密码不正确");
      ClockUtil.setCurrentTime(new Date(lockExpiration(user).getTime() + 1000));
    }

    for (String path : PROTECTED) {
      Http.Answer locked = http.get(path, user + ":" + PASSWORD);
      assertRefused(locked, path, "账户已锁定", "登录失败次数过多，账户已锁定，请联系系统管理员解锁");
      assertThat(locked.header("Retry-After")).as(path).isNull();
    }

    assertThat(http.send("POST", "/engine-rest/user/" + user + "/unlock", PlanFixtures.ADMIN, null, Map.of()).status())
        .isEqualTo(204);
    assertThat(http.get("/api/plans", user + ":" + PASSWORD).status()).isEqualTo(200);
  }
}
