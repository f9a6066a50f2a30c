package cn.gov.reform.evaluation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import cn.gov.reform.web.ApiProblem;
import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.Paging;
import cn.gov.reform.web.ProblemResponses;

/** The error answers of this package's operations, for the API description, and the paging parameters' check. */
final class ApiAnswers {

  static final int MAX_PAGE_SIZE = 200;
  static final int MAX_IDEMPOTENCY_KEY = 200;

  private ApiAnswers() {}

  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(responseCode = "404", description = "不存在，或不在调用者的辖区内（其存在与否不公开）",
      content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @interface NotFound {}

  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(responseCode = "409", description = "当前状态不允许此操作（如该年度已发起评估、该镇已在名单中或已有申请在办、任务不在此环节或已由他人认领），"
      + "或 Idempotency-Key 已用于内容不同的请求",
      content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @interface Conflict {}

  /** The paging parameters and region codes of a list, field by field. */
  static List<FieldError> paging(int page, int size) {
    List<FieldError> errors = Paging.errors(page, size, MAX_PAGE_SIZE);
    return errors;
  }

  static void code(List<FieldError> errors, String field, String value, String pattern, String what) {
    if (value != null && !value.matches(pattern)) {
      errors.add(new FieldError(field, "应为" + what));
    }
  }

  static void idempotencyKey(String key) {
    if (key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY)) {
      throw new EvaluationInputException("Idempotency-Key", "长度应为1—" + MAX_IDEMPOTENCY_KEY + "个字符");
    }
  }
}
