package cn.gov.reform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one writer of RFC 9457 problem+json answers: for {@code /api} controllers ({@link #detail}), for
 * servlet filters that answer before any controller runs ({@link #write}), and for engine REST's exception
 * mappers ({@link #body}). Every answer has {@code type}, {@code title}, {@code status}, {@code detail}
 * and, for bad fields, {@code errors: [{field, message}]}.
 */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  public static ProblemDetail detail(HttpStatusCode status, String title, String detail, List<FieldError> errors) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    if (errors != null) {
      p.setProperty("errors", fields(errors));
    }
    return p;
  }

  /** The same answer as a plain map, for writers outside Spring MVC. */
  public static Map<String, Object> body(int status, String title, String detail, List<FieldError> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (errors != null) {
      body.put("errors", fields(errors));
    }
    return body;
  }

  public static void write(HttpServletResponse response, int status, String title, String detail, List<FieldError> errors)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE + ";charset=UTF-8");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(body(status, title, detail, errors)));
  }

  /** A filter's answer naming at most one bad field. */
  public static void write(HttpServletResponse response, int status, String title, String detail, String field,
      String message) throws IOException {
    write(response, status, title, detail, field == null ? null : List.of(new FieldError(field, message)));
  }

  private static List<Map<String, String>> fields(List<FieldError> errors) {
    return errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList();
  }
}
