package cn.gov.reform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.gov.reform.web.DatabaseOutage;
import cn.gov.reform.web.Problems;

/**
 * The outermost filter: a request that meets the database down anywhere before a handler answers it — in the login
 * check of engine REST (HTTP Basic asks the identity tables), in a guard, in the webapps — gets 503 数据库暂时不可用
 * problem+json with {@code Retry-After}, not the container's 500 page. Handlers answer their own (ApiExceptionHandler,
 * DatabaseOutage's mappers).
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!DatabaseOutage.is(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn("database unavailable at {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
      response.resetBuffer();
      response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
      java.util.Map<String, Object> body = DatabaseOutage.body();
      response.setStatus(503);
      response.setContentType(Problems.MEDIA_TYPE + ";charset=UTF-8");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body));
    }
  }
}
