package cn.gov.reform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/** RFC 9457 answers written by the security filters, before any controller or Jersey resource runs. */
final class Problems {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  static void write(HttpServletResponse response, int status, String title, String detail, String field, String message)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (field != null) {
      body.put("errors", List.of(Map.of("field", field, "message", message)));
    }
    response.setStatus(status);
    response.setContentType("application/problem+json;charset=UTF-8");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(body));
  }

  static void tooLarge(HttpServletResponse response) throws IOException {
    write(response, 413, "请求体过大", "请求体不能超过1MB", null, null);
  }
}
