package cn.gov.reform.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The shape of every /api error, for the API description only (the handler builds a {@code ProblemDetail}). */
@Schema(name = "Problem", description = "错误说明（application/problem+json，RFC 9457）")
public record ApiProblem(
    @Schema(description = "错误类型，固定为 about:blank", example = "about:blank") String type,
    @Schema(description = "错误标题", example = "方案数据有误") String title,
    @Schema(description = "HTTP 状态码", example = "400") int status,
    @Schema(description = "错误详情，说明如何修改", example = "请按 errors 修改后重新提交") String detail,
    @Schema(description = "出错的请求路径", example = "/api/plans") String instance,
    @Schema(description = "有误的字段（仅在字段有误时出现）") List<Field> errors) {

  @Schema(name = "ProblemField", description = "一个有误的字段")
  public record Field(
      @Schema(description = "字段路径", example = "townships[0].bodies[0].staff") String field,
      @Schema(description = "错在哪里", example = "不能为负数") String message) {}
}
