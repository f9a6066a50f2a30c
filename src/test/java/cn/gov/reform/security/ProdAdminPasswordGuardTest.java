package cn.gov.reform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** Profile prod never starts with a default admin password. */
class ProdAdminPasswordGuardTest {

  private final ProdAdminPasswordGuard guard = new ProdAdminPasswordGuard();

  @Test
  void shouldRefuseToStartProdWithoutAdminPassword() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("prod");
    assertThatThrownBy(() -> guard.postProcessEnvironment(env, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("APP_ADMIN_PASSWORD");
    env.getPropertySources().addFirst(new MapPropertySource("blank", Map.of("APP_ADMIN_PASSWORD", "  ")));
    assertThatThrownBy(() -> guard.postProcessEnvironment(env, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldRefuseToStartProdWithAWeakAdminPassword() {
    for (String weak : new String[] {"demo", "choose-a-strong-one", "Admin-pass-2026"}) {
      MockEnvironment env = new MockEnvironment().withProperty("APP_ADMIN_PASSWORD", weak);
      env.setActiveProfiles("prod");
      assertThatThrownBy(() -> guard.postProcessEnvironment(env, new SpringApplication())).as(weak)
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("password policy");
    }
  }

  @Test
  void shouldStartProdWithAdminPasswordAndDemoWithout() {
    MockEnvironment prod = new MockEnvironment().withProperty("APP_ADMIN_PASSWORD", "S3cure-prod-2026");
    prod.setActiveProfiles("prod");
    assertThatCode(() -> guard.postProcessEnvironment(prod, new SpringApplication())).doesNotThrowAnyException();
    MockEnvironment demo = new MockEnvironment();
    assertThatCode(() -> guard.postProcessEnvironment(demo, new SpringApplication())).doesNotThrowAnyException();
  }
}
