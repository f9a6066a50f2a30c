package cn.gov.reform.web;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Every /api error as application/problem+json (RFC 9457); bad fields listed under {@code errors}. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ProblemDetail refused(ApiException e) {
    return problem(e.status(), e.title(), e.getMessage(), null);
  }

  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "无权操作", e.getMessage(), null);
  }

  @ExceptionHandler({OptimisticLockingException.class, DataIntegrityViolationException.class})
  ProblemDetail concurrent(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "操作冲突", "该事项正被他人同时处理，请刷新后重试", null);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.BAD_REQUEST, "请求参数有误", "参数 " + e.getName() + " 的取值无效",
        List.of(new FieldError(e.getName(), "取值无效")));
  }

  /** A body that is no readable multipart form (an upload cut off, a boundary missing). */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail badUpload(MultipartException e) {
    return problem(HttpStatus.BAD_REQUEST, "附件有误", "上传的内容不是有效的 multipart/form-data，请重新上传",
        List.of(new FieldError("file", "上传的内容不完整或格式不对")));
  }

  /** An upload larger than the multipart limit (sent without a length, so the body size filter could not refuse it). */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大", "上传的内容超过大小上限，未保存", null));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DatabaseOutage.is(e)) {
      LOG.warn("database unavailable: {}", e.toString());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
          .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
          .body(problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.TITLE,
              DatabaseOutage.DETAIL, null));
    }
    ProblemDetail problem = unexpectedProblem(e);
    return ResponseEntity.status(problem.getStatus()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private ProblemDetail unexpectedProblem(Exception e) {
    if (e instanceof InvalidFields invalid) {
      // raised by a procedure's checks or inside the engine by its listeners; 400 names every bad field
      String detail = invalid.errors().isEmpty()
          || invalid.errors().size() == 1 && invalid.errors().get(0).message().equals(e.getMessage())
          ? e.getMessage() : "请按 errors 修改后重新提交";
      return problem(HttpStatus.BAD_REQUEST, invalid.problemTitle(), detail, invalid.errors());
    }
    LOG.error("unexpected error in /api", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", "请稍后重试；如持续出现请联系管理员", null);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    ProblemDetail body;
    if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String field = path(m);
      String message;
      if (m instanceof UnrecognizedPropertyException) {
        message = "不认识的字段";
      } else if (m instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
        message = "取值无效，应为 " + java.util.Arrays.stream(f.getTargetType().getEnumConstants()).map(String::valueOf)
            .collect(Collectors.joining("、"));
      } else if (m instanceof MismatchedInputException) {
        message = "类型不符或数值超出范围";
      } else {
        message = "取值无效";
      }
      body = problem(HttpStatus.BAD_REQUEST, "请求数据有误", field + " " + message, List.of(new FieldError(field, message)));
    } else {
      body = problem(HttpStatus.BAD_REQUEST, "请求数据有误", "请求体不是有效的 JSON", null);
    }
    return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  static String path(JsonMappingException m) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail, List<FieldError> errors) {
    return Problems.detail(status, title, detail, errors);
  }
}
