package cn.gov.reform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

import cn.gov.reform.ReformApprovalApplication;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.web.Problems;

/**
 * The one check of an HTTP Basic login on engine REST, {@code /api} and {@code /actuator/prometheus}, which knows
 * why it refused. Camunda's {@code checkPassword} only answers false, also when the password is right but the
 * user is held back after failed logins (each failure locks the user for 3, 6, 12 … up to 60 s; after 10 in a row
 * until an administrator unlocks them): a caller then saw "未登录" and could not tell a typo from a lock. The lock
 * is read before the password is checked, so a check during the lock neither counts as a failure nor tests the
 * password. A successful check is remembered ({@link AuthenticationCache}) with the user's groups and tenants:
 * without that every call checks the password and reads groups and tenants, three queries and transactions
 * before any work is done.
 */
final class BasicLogin {

  private static final DateTimeFormatter UNTIL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of(ReformApprovalApplication.ZONE));

  /** Either the accepted login or why it was refused. */
  record Outcome(AuthenticationResult accepted, Refusal refused) {}

  enum Reason { NO_CREDENTIALS, WRONG_CREDENTIALS, LOCKED, LOCKED_UNTIL_UNLOCKED }

  /** A refused login: why, and for a temporary lock until when (engine clock). */
  record Refusal(Reason reason, Instant lockedUntil) {

    static final Refusal NO_CREDENTIALS = new Refusal(Reason.NO_CREDENTIALS, null);

    String title() {
      return switch (reason) {
        case NO_CREDENTIALS -> "未登录";
        case WRONG_CREDENTIALS -> "登录失败";
        case LOCKED -> "登录暂被锁定";
        case LOCKED_UNTIL_UNLOCKED -> "账户已锁定";
      };
    }

    String detail() {
      return switch (reason) {
        case NO_CREDENTIALS -> "未登录：需要用户名和密码（HTTP Basic）";
        case WRONG_CREDENTIALS -> "用户名或密码不正确";
        case LOCKED -> "登录失败次数过多，请于" + UNTIL.format(lockedUntil) + "（北京时间）后重试";
        case LOCKED_UNTIL_UNLOCKED -> "登录失败次数过多，账户已锁定，请联系系统管理员解锁";
      };
    }

    /** 401 with the Basic challenge, the reason in Chinese and, for a temporary lock, Retry-After. */
    void write(HttpServletResponse response, ProcessEngine engine) throws IOException {
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + engine.getName() + "\"");
      if (reason == Reason.LOCKED) {
        long seconds = Duration.between(EngineClock.now(), lockedUntil).toMillis();
        response.setHeader("Retry-After", Long.toString(Math.max(1, (seconds + 999) / 1000)));
      }
      Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, title(), detail(), null);
    }
  }

  private BasicLogin() {}

  static Outcome check(HttpServletRequest request, ProcessEngine engine) {
    String[] credentials = credentials(request.getHeader("Authorization"));
    if (credentials == null) {
      return new Outcome(null, Refusal.NO_CREDENTIALS);
    }
    String user = credentials[0];
    String password = credentials[1];
    AuthenticationResult cached = AuthenticationCache.find(engine.getName(), user, password);
    if (cached != null) {
      return new Outcome(cached, null);
    }
    IdentityService identity = engine.getIdentityService();
    Refusal locked = lock(identity.createUserQuery().userId(user).singleResult(), engine);
    if (locked != null) {
      return new Outcome(null, locked);
    }
    if (!identity.checkPassword(user, password)) {
      return new Outcome(null, new Refusal(Reason.WRONG_CREDENTIALS, null));
    }
    AuthenticationResult result = AuthenticationResult.successful(user);
    result.setGroups(identity.createGroupQuery().groupMember(user).unlimitedList().stream().map(Group::getId).toList());
    result.setTenants(identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).unlimitedList().stream()
        .map(Tenant::getId).toList());
    AuthenticationCache.remember(engine.getName(), user, password, result);
    return new Outcome(result, null);
  }

  /** The engine's own lock rule (DbIdentityServiceProvider.isUserLocked), or null for an unlocked or unknown user. */
  private static Refusal lock(User user, ProcessEngine engine) {
    if (!(user instanceof UserEntity entity)) {
      return null;
    }
    int maxAttempts = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getLoginMaxAttempts();
    if (entity.getAttempts() >= maxAttempts) {
      return new Refusal(Reason.LOCKED_UNTIL_UNLOCKED, null);
    }
    if (entity.getLockExpirationTime() != null && entity.getLockExpirationTime().toInstant().isAfter(EngineClock.now())) {
      return new Refusal(Reason.LOCKED, entity.getLockExpirationTime().toInstant());
    }
    return null;
  }

  /** user and password of a Basic header, or null. */
  static String[] credentials(String header) {
    if (header == null || !header.startsWith("Basic ")) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = decoded.indexOf(':');
    return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }
}
