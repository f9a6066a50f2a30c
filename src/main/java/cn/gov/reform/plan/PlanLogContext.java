package cn.gov.reform.plan;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every log line of a request about one plan ({@code /api/plans/{id}}) carries {@code planId} in the log context
 * (MDC), as the engine's own lines do (business key = plan id); a new plan's lines also carry its
 * {@code processInstanceId} once it has started.
 */
@Configuration
class PlanLogContext implements WebMvcConfigurer, HandlerInterceptor {

  static final String PLAN_ID = "planId";
  static final String PROCESS_INSTANCE_ID = "processInstanceId";

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/plans", "/api/plans/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars
        && vars.get("id") instanceof String id) {
      MDC.put(PLAN_ID, id);
    }
    return true;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    MDC.remove(PLAN_ID);
    MDC.remove(PROCESS_INSTANCE_ID);
  }

  /** A plan's ids for the rest of the request's log lines. */
  static void plan(String planId, String processInstanceId) {
    MDC.put(PLAN_ID, planId);
    if (processInstanceId != null) {
      MDC.put(PROCESS_INSTANCE_ID, processInstanceId);
    }
  }
}
