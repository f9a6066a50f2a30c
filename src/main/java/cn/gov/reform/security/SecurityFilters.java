package cn.gov.reform.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The filters closing CVE-2026-77226 and CVE-2026-109432 (fixed upstream only in paid patch releases of
 * 7.24) and HSTS outside the webapps. Orders: the body size limit (web, +10) and HTTP Basic on engine
 * REST (+20) run first, so the expression guard sees a bounded body and knows the caller.
 */
@Configuration
class SecurityFilters {

  private final String applicationPath;

  SecurityFilters(@Value("${camunda.bpm.application-path:/camunda}") String applicationPath) {
    this.applicationPath = applicationPath;
  }

  @Bean
  FilterRegistrationBean<AdminSetupGuard> adminSetupGuard(JdbcTemplate jdbc,
      @Value("${app.security.admin-setup:when-no-users}") String adminSetup) {
    FilterRegistrationBean<AdminSetupGuard> bean =
        new FilterRegistrationBean<>(new AdminSetupGuard(jdbc, "refused".equals(adminSetup), applicationPath));
    bean.setName("admin-setup-guard");
    bean.addUrlPatterns(applicationPath + "/api/admin/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return bean;
  }

  @Bean
  FilterRegistrationBean<AdminMembershipGuard> adminMembershipGuard(JdbcTemplate jdbc) {
    FilterRegistrationBean<AdminMembershipGuard> bean =
        new FilterRegistrationBean<>(new AdminMembershipGuard(jdbc, applicationPath));
    bean.setName("admin-membership-guard");
    bean.addUrlPatterns("/engine-rest/*", applicationPath + "/api/engine/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return bean;
  }

  @Bean
  FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard(ProcessEngine engine) {
    FilterRegistrationBean<QueryExpressionGuard> bean =
        new FilterRegistrationBean<>(new QueryExpressionGuard(engine.getIdentityService(), applicationPath));
    bean.setName("query-expression-guard");
    bean.addUrlPatterns("/engine-rest/*", applicationPath + "/api/engine/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return bean;
  }

  @Bean
  FilterRegistrationBean<PasswordPolicyGuard> passwordPolicyGuard(ProcessEngine engine) {
    FilterRegistrationBean<PasswordPolicyGuard> bean = new FilterRegistrationBean<>(new PasswordPolicyGuard(
        engine.getIdentityService(), engine.getProcessEngineConfiguration().isEnablePasswordPolicy(), applicationPath));
    bean.setName("password-policy-guard");
    bean.addUrlPatterns("/engine-rest/*", applicationPath + "/api/engine/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return bean;
  }

  @Bean
  @ConditionalOnProperty(name = "app.security.hsts", matchIfMissing = false)
  FilterRegistrationBean<StrictTransportSecurityFilter> strictTransportSecurity(@Value("${app.security.hsts}") String value) {
    FilterRegistrationBean<StrictTransportSecurityFilter> bean =
        new FilterRegistrationBean<>(new StrictTransportSecurityFilter(value, applicationPath));
    bean.setName("strict-transport-security");
    bean.addUrlPatterns("/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return bean;
  }
}
