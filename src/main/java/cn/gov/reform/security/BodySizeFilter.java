package cn.gov.reform.security;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import cn.gov.reform.web.Problems;

/**
 * Refuses request bodies over 1 MB with 413 before anything reads them. A body sent without a length
 * (chunked) is read here up to the limit and handed on from memory, so it cannot slip past. An attachment upload
 * ({@code POST /api/records/{processKey}/{businessKey}/attachments}) may be as large as the multipart limit (the
 * file limit {@code app.attachments.max-size} and its form); sent chunked, the multipart parser counts it against
 * that limit itself.
 */
class BodySizeFilter extends OncePerRequestFilter {

  private static final Pattern UPLOAD = Pattern.compile("^/api/records/[^/]+/[^/]+/attachments/?$");

  private final long uploadLimit;
  private final String uploadLimitText;

  /** {@code uploadLimit}: the largest attachment upload in bytes; {@code uploadLimitText} its file limit in words (20MB). */
  BodySizeFilter(long uploadLimit, String uploadLimitText) {
    this.uploadLimit = uploadLimit;
    this.uploadLimitText = uploadLimitText;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("POST".equals(request.getMethod()) && UPLOAD.matcher(RequestPaths.of(request)).matches()) {
      if (request.getContentLengthLong() > uploadLimit) {
        tooLarge(response, "文件过大", "附件不能超过" + uploadLimitText + "，未保存");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
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
    tooLarge(response, "请求体过大", "请求体不能超过1MB");
  }

  private static void tooLarge(HttpServletResponse response, String title, String detail) throws IOException {
    response.setHeader("Connection", "close");
    Problems.write(response, 413, title, detail, null);
  }
}
