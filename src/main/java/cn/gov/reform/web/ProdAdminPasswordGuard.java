package cn.gov.reform.web;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * In profile {@code prod} the app refuses to start, before it touches the database, unless
 * {@code APP_ADMIN_PASSWORD} is set: there is no default password outside the demo profiles.
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
    }
  }
}
