package cn.gov.reform.security;

import jakarta.servlet.MultipartConfigElement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Every servlet filter of the app, in the one place that sets their order ({@link Order}): HSTS outside the
 * webapps; the body size limit (1 MB; an attachment upload up to the multipart limit); HTTP Basic on engine REST and {@code /api} through Camunda's own authentication
 * filter (which sets the engine's authentication, so every engine call is authorization-checked as the caller;
 * {@code /api} also accepts, for reading, the session of a webapp login — see SessionOrBasicAuthenticationProvider);
 * the monitoring group on {@code /actuator/prometheus} (a refused login on any of the three says why, see BasicLogin); then the guards closing CVE-2026-77226 and
 * CVE-2026-109432 (fixed upstream only in paid patch releases of 7.24), which see a bounded body and know the
 * caller; last, Cockpit's one unbounded query gets a page size ({@link DefinitionVersionsFilter}). Open without login: {@code GET /engine-rest/engine}, {@code /actuator/health}, the API description, and what
 * procedures publish ({@code /api/public/…}, {@code /public/…}).
 */
@Configuration
class SecurityFilters {

  /** The filters' order, first to last. */
  static final class Order {
    static final int DATABASE_OUTAGE = Ordered.HIGHEST_PRECEDENCE;
    static final int ADMIN_SETUP = Ordered.HIGHEST_PRECEDENCE + 1;
    static final int HSTS = Ordered.HIGHEST_PRECEDENCE + 5;
    static final int BODY_SIZE = Ordered.HIGHEST_PRECEDENCE + 10;
    static final int AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 20;
    static final int GUARDS = Ordered.HIGHEST_PRECEDENCE + 30;
    static final int COMPATIBILITY = Ordered.HIGHEST_PRECEDENCE + 40;

    private Order() {}
  }

  private final String applicationPath;

  SecurityFilters(@Value("${camunda.bpm.application-path:/camunda}") String applicationPath) {
    this.applicationPath = applicationPath;
  }

  /** Outermost: the database down anywhere in the chain is a 503 problem, not the container's 500 page. */
  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter() {
    FilterRegistrationBean<DatabaseOutageFilter> bean = new FilterRegistrationBean<>(new DatabaseOutageFilter());
    bean.setOrder(Order.DATABASE_OUTAGE);
    return bean;
  }

  /** The 1 MB body limit, and for attachment uploads the multipart request limit (the file and its form). */
  @Bean
  FilterRegistrationBean<BodySizeFilter> bodySizeFilter(MultipartConfigElement multipart,
      @Value("${app.attachments.max-size:20MB}") DataSize maxAttachment) {
    long bytes = maxAttachment.toBytes();
    String text = bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + "MB" : bytes % 1024 == 0 ? bytes / 1024 + "KB" : bytes + "字节";
    FilterRegistrationBean<BodySizeFilter> bean = new FilterRegistrationBean<>(new BodySizeFilter(multipart.getMaxRequestSize(), text));
    bean.addUrlPatterns("/api/*", "/engine-rest/*");
    bean.setOrder(Order.BODY_SIZE);
    return bean;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> bean = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    bean.setName("engine-rest-authentication");
    bean.addInitParameter("authentication-provider", ProblemBasicAuthenticationProvider.class.getName());
    bean.addUrlPatterns("/engine-rest/*");
    bean.setOrder(Order.AUTHENTICATION);
    return bean;
  }

  /** {@code /api} but its public part ({@code /api/public/…}, see {@link ApiAuthenticationFilter}). */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> bean = new FilterRegistrationBean<>(new ApiAuthenticationFilter());
    bean.setName("api-authentication");
    bean.addInitParameter("authentication-provider", SessionOrBasicAuthenticationProvider.class.getName());
    bean.addInitParameter("rest-url-pattern-prefix", "");
    bean.addUrlPatterns("/api/*");
    bean.setOrder(Order.AUTHENTICATION);
    return bean;
  }

  @Bean
  FilterRegistrationBean<MetricsAccessFilter> metricsAccess(ProcessEngine engine) {
    FilterRegistrationBean<MetricsAccessFilter> bean = new FilterRegistrationBean<>(new MetricsAccessFilter(engine));
    bean.setName("metrics-access");
    bean.addUrlPatterns("/actuator/prometheus", "/actuator/prometheus/*");
    bean.setOrder(Order.AUTHENTICATION);
    return bean;
  }

  @Bean
  FilterRegistrationBean<AdminSetupGuard> adminSetupGuard(JdbcTemplate jdbc,
      @Value("${app.security.admin-setup:when-no-users}") String adminSetup) {
    FilterRegistrationBean<AdminSetupGuard> bean =
        new FilterRegistrationBean<>(new AdminSetupGuard(jdbc, "refused".equals(adminSetup), applicationPath));
    bean.setName("admin-setup-guard");
    bean.addUrlPatterns(applicationPath + "/api/admin/*");
    bean.setOrder(Order.ADMIN_SETUP);
    return bean;
  }

  @Bean
  FilterRegistrationBean<AdminMembershipGuard> adminMembershipGuard(JdbcTemplate jdbc) {
    FilterRegistrationBean<AdminMembershipGuard> bean =
        new FilterRegistrationBean<>(new AdminMembershipGuard(jdbc, applicationPath));
    bean.setName("admin-membership-guard");
    bean.addUrlPatterns("/engine-rest/*", applicationPath + "/api/engine/*");
    bean.setOrder(Order.GUARDS);
    return bean;
  }

  @Bean
  FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard(ProcessEngine engine) {
    FilterRegistrationBean<QueryExpressionGuard> bean =
        new FilterRegistrationBean<>(new QueryExpressionGuard(engine.getIdentityService(), applicationPath));
    bean.setName("query-expression-guard");
    bean.addUrlPatterns("/engine-rest/*", applicationPath + "/api/engine/*");
    bean.setOrder(Order.GUARDS);
    return bean;
  }

  @Bean
  FilterRegistrationBean<PasswordPolicyGuard> passwordPolicyGuard(ProcessEngine engine) {
    FilterRegistrationBean<PasswordPolicyGuard> bean = new FilterRegistrationBean<>(new PasswordPolicyGuard(
        engine.getIdentityService(), engine.getProcessEngineConfiguration().isEnablePasswordPolicy(), applicationPath));
    bean.setName("password-policy-guard");
    bean.addUrlPatterns("/engine-rest/*", applicationPath + "/api/engine/*");
    bean.setOrder(Order.GUARDS);
    return bean;
  }

  @Bean
  @ConditionalOnProperty(name = "app.security.hsts", matchIfMissing = false)
  FilterRegistrationBean<StrictTransportSecurityFilter> strictTransportSecurity(@Value("${app.security.hsts}") String value) {
    FilterRegistrationBean<StrictTransportSecurityFilter> bean =
        new FilterRegistrationBean<>(new StrictTransportSecurityFilter(value, applicationPath));
    bean.setName("strict-transport-security");
    bean.addUrlPatterns("/*");
    bean.setOrder(Order.HSTS);
    return bean;
  }

  @Bean
  FilterRegistrationBean<DefinitionVersionsFilter> definitionVersions(
      @Value("${camunda.bpm.generic-properties.properties.query-max-results-limit:2000}") int limit) {
    FilterRegistrationBean<DefinitionVersionsFilter> bean =
        new FilterRegistrationBean<>(new DefinitionVersionsFilter(applicationPath, limit));
    bean.setName("definition-versions");
    bean.addUrlPatterns(applicationPath + "/api/engine/*");
    bean.setOrder(Order.COMPATIBILITY);
    return bean;
  }
}
