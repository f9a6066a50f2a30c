package cn.gov.reform.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal any procedure may raise, answered as problem+json with its status and title: the item does not
 * exist for this caller (404), the caller's role does not allow it (403), its state does not (409), or what was sent
 * is too large (413).
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String title;

  protected ApiException(HttpStatus status, String title, String message) {
    super(message);
    this.status = status;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** No such item, or one the caller may not know exists (existence of another region's items is private). */
  public static ApiException notFound(String title, String message) {
    return new ApiException(HttpStatus.NOT_FOUND, title, message);
  }

  /** The caller is known but their role does not allow this action. */
  public static ApiException badRequest(String title, String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, title, message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(HttpStatus.FORBIDDEN, "无权操作", message);
  }

  /** The item is not in a state that allows this action. */
  public static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, "操作冲突", message);
  }

  /** What was sent is larger than the configured limit (e.g. an attachment over app.attachments.max-size). */
  public static ApiException tooLarge(String message) {
    return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大", message);
  }

  /** The same action was taken too recently (e.g. 催办 within its interval). */
  public static ApiException tooSoon(String message) {
    return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "操作过于频繁", message);
  }
}
