package cn.gov.reform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Successful HTTP Basic checks remembered for {@code app.security.authentication-cache-seconds}
 * (default 30; 0 turns it off), keyed by user and a salted hash of the password, never the password
 * itself. Any change to users, groups, tenants or memberships made through this node's engine clears
 * it at once; on other nodes of a cluster it takes effect within the configured seconds.
 */
@Component
public class AuthenticationCache extends AbstractProcessEnginePlugin {

  private record Entry(String user, List<String> groups, List<String> tenants, long expiresAt) {}

  private static final int MAX_ENTRIES = 50_000;
  private static final byte[] SALT = new SecureRandom().generateSeed(16);
  private static final Map<String, Entry> ENTRIES = new ConcurrentHashMap<>();
  private static volatile long ttlMillis = 30_000;

  AuthenticationCache(@Value("${app.security.authentication-cache-seconds:30}") long seconds) {
    ttlMillis = Math.max(0, seconds) * 1000;
    ENTRIES.clear();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    List<CommandInterceptor> post = cfg.getCustomPreCommandInterceptorsTxRequired();
    List<CommandInterceptor> list = new java.util.ArrayList<>(post == null ? List.of() : post);
    list.add(new ClearOnIdentityChange());
    cfg.setCustomPreCommandInterceptorsTxRequired(list);
  }

  static AuthenticationResult find(String engine, String user, String password) {
    if (ttlMillis == 0) {
      return null;
    }
    Entry e = ENTRIES.get(key(engine, user, password));
    if (e == null || e.expiresAt() < System.currentTimeMillis()) {
      return null;
    }
    AuthenticationResult result = AuthenticationResult.successful(e.user());
    result.setGroups(e.groups());
    result.setTenants(e.tenants());
    return result;
  }

  static void remember(String engine, String user, String password, AuthenticationResult result) {
    if (ttlMillis == 0) {
      return;
    }
    if (ENTRIES.size() >= MAX_ENTRIES) {
      ENTRIES.clear();
    }
    ENTRIES.put(key(engine, user, password), new Entry(result.getAuthenticatedUser(),
        copy(result.getGroups()), copy(result.getTenants()),
        System.currentTimeMillis() + ttlMillis));
  }

  private static List<String> copy(List<String> list) {
    return list == null ? null : List.copyOf(list);
  }

  public static void clear() {
    ENTRIES.clear();
  }

  private static String key(String engine, String user, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(SALT);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return engine + '/' + user + '/' + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Users, groups, tenants, memberships or passwords changed: forget every remembered check. */
  static final class ClearOnIdentityChange extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      T result = next.execute(command);
      String name = command.getClass().getSimpleName();
      if (name.matches("(Create|Delete|Save|Unlock).*(Membership|User|Group|Tenant).*Cmd")) {
        clear();
      }
      return result;
    }
  }
}
