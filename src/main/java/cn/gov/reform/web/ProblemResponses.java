package cn.gov.reform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Error answers shared by several operations, as meta-annotations for the API description. 401, 413 and 500, which
 * every operation may give, are added to all of them by {@link OpenApiConfiguration}.
 */
public final class ProblemResponses {

  public static final String PROBLEM_JSON = "application/problem+json";

  private ProblemResponses() {}

  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(responseCode = "400", description = "请求有误：JSON 格式错误、字段缺失或不认识、取值无效、地区代码不存在、乡镇不属于该县等；"
      + "errors 列出每个有误的字段，不保存任何数据", content = @Content(mediaType = PROBLEM_JSON,
          schema = @Schema(implementation = ApiProblem.class)))
  public @interface BadInput {}

  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(responseCode = "403", description = "调用者的角色不允许此操作", content = @Content(mediaType = PROBLEM_JSON,
      schema = @Schema(implementation = ApiProblem.class)))
  public @interface Forbidden {}

  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(responseCode = "404", description = "方案不存在，或不在调用者的辖区内（其存在与否不公开）",
      content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  public @interface NotFound {}
}
