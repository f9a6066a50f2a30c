package cn.gov.reform.security;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * In profile {@code prod} the app refuses to start, before it touches the database, unless
 * {@code APP_ADMIN_PASSWORD} is set and satisfies the engine's password policy: there is no default
 * password outside the demo profiles, and a weak one would only fail later, inside the engine.
 */
public class ProdAdminPasswordGuard implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (Arrays.asList(env.getActiveProfiles()).contains("prod")) {
      String password = env.getProperty("APP_ADMIN_PASSWORD");
      if (password == null || password.isBlank()) {
        throw new IllegalStateException("profile prod: set APP_ADMIN_PASSWORD (the admin user's password); "
            + "the app does not start with a default password");
      }
      UserEntity admin = new UserEntity(env.getProperty("camunda.bpm.admin-user.id", "admin"));
      List<PasswordPolicyRule> violated = new DefaultPasswordPolicyImpl().getRules().stream()
          .filter(rule -> !rule.execute(password, admin)).toList();
      if (!violated.isEmpty()) {
        throw new IllegalStateException("profile prod: APP_ADMIN_PASSWORD does not satisfy the password policy (at least "
            + "10 characters with upper and lower case, a digit and a special character, not containing the user id) — "
            + PasswordPolicyMessages.describe(violated));
      }
    }
  }
}
