package cn.gov.reform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import cn.gov.reform.web.Problems;

/**
 * Refuses request bodies over 1 MB with 413 before anything reads them. A body sent without a length
 * (chunked) is read here up to the limit and handed on from memory, so it cannot slip past.
 */
class BodySizeFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > BufferedBody.MAX_BYTES) {
      tooLarge(response);
      return;
    }
    if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
      var body = BufferedBody.read(request);
      if (body.isEmpty()) {
        tooLarge(response);
        return;
      }
      chain.doFilter(body.get(), response);
      return;
    }
    chain.doFilter(request, response);
  }

  static void tooLarge(HttpServletResponse response) throws IOException {
    response.setHeader("Connection", "close");
    Problems.write(response, 413, "请求体过大", "请求体不能超过1MB", null);
  }
}
