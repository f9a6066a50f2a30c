package cn.gov.reform.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP Basic on engine REST and the domain API through Camunda's own authentication filter, which
 * also sets the engine's authentication so every engine call is authorization-checked as the caller.
 * Only {@code GET /engine-rest/engine} stays open (the filter's own white list). Open as well: {@code /actuator/health}
 * (probes) and the API description ({@code /v3/api-docs}, {@code /swagger-ui.html}); {@code /actuator/prometheus}
 * needs an administrator or a member of {@code monitoring}. {@code /api} also accepts,
 * for reading, the browser session of a webapp login (the dashboard; see SessionOrBasicAuthenticationProvider).
 */
@Configuration
class SecurityConfiguration {

  @Bean
  FilterRegistrationBean<BodySizeFilter> bodySizeFilter() {
    FilterRegistrationBean<BodySizeFilter> bean = new FilterRegistrationBean<>(new BodySizeFilter());
    bean.addUrlPatterns("/api/*", "/engine-rest/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return bean;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> bean = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    bean.setName("engine-rest-authentication");
    bean.addInitParameter("authentication-provider", CachedBasicAuthenticationProvider.class.getName());
    bean.addUrlPatterns("/engine-rest/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return bean;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> bean = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    bean.setName("api-authentication");
    bean.addInitParameter("authentication-provider", SessionOrBasicAuthenticationProvider.class.getName());
    bean.addInitParameter("rest-url-pattern-prefix", "");
    bean.addUrlPatterns("/api/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return bean;
  }

  @Bean
  FilterRegistrationBean<MetricsAccessFilter> metricsAccess(ProcessEngine engine) {
    FilterRegistrationBean<MetricsAccessFilter> bean = new FilterRegistrationBean<>(new MetricsAccessFilter(engine));
    bean.setName("metrics-access");
    bean.addUrlPatterns("/actuator/prometheus", "/actuator/prometheus/*");
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return bean;
  }
}
