package cn.gov.reform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses request bodies over 1 MB with 413 before anything reads them. */
class BodySizeFilter extends OncePerRequestFilter {

  static final long MAX_BYTES = 1024 * 1024;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BYTES) {
      response.setStatus(413);
      response.setContentType("application/problem+json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"请求体过大\",\"status\":413,"
          + "\"detail\":\"请求体不能超过1MB\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
