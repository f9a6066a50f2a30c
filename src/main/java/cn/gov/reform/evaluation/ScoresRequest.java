package cn.gov.reform.evaluation;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** A town's scores as the city (self-evaluation) or the province (re-evaluation) submits them, with the opinion. */
@Schema(description = "一个镇的评分：市（州）自评或省编办复评")
public record ScoresRequest(
    @Schema(description = "每项指标的得分，每项指标恰好一次（指标见评估年度的 indicators）") List<Score> scores,
    @Schema(description = "意见（不超过2000字）；复评改动了自评分数时必填", nullable = true, example = "经核实，综合执法队伍尚未组建到位。")
    @Size(max = 2000, message = "不能超过2000字") @Pattern(regexp = "[^<>\\x00-\\x09\\x0B-\\x1F\\x7F]*", message = Score.PLAIN_MESSAGE) String opinion) {}
