package cn.gov.reform.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;

/** One indicator of a province's annual evaluation, as its row of {@value EvaluationKeys#INDICATORS_DECISION} gives it. */
@Schema(description = "年度评估的一项指标")
public record Indicator(
    @Schema(description = "指标代码", example = "JL-POWERS") String code,
    @Schema(description = "指标名称", example = "扩大经济社会管理权限") String name,
    @Schema(description = "满分", example = "20") int maxScore,
    @Schema(description = "出处", example = "吉林省实施意见 二(一)") String source) {}
