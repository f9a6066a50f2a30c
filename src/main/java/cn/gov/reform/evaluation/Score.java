package cn.gov.reform.evaluation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** The score of one indicator: at self-evaluation with its evidence, at re-evaluation with a note where it changed. */
@Schema(description = "一项指标的得分")
public record Score(
    @Schema(description = "指标代码（见评估年度的 indicators）", example = "JL-POWERS")
    @NotBlank(message = "不能为空") @Size(max = 40, message = "不能超过40个字符") String indicator,
    @Schema(description = "得分：0至该指标满分的整数", example = "18") @NotNull(message = "不能为空") Integer score,
    @Schema(description = "自评：佐证材料（必填）；复评：说明（改动分数时写明理由）", example = "已承接县级行政许可事项41项，见《赋权事项目录》")
    @Size(max = 1000, message = "不能超过1000字") @Pattern(regexp = Score.PLAIN, message = Score.PLAIN_MESSAGE) String note) {

  /** Plain text: no markup brackets, no control characters. */
  static final String PLAIN = "[^<>\\p{Cntrl}]*";
  static final String PLAIN_MESSAGE = "不能包含尖括号（<、>）等标记字符或控制字符";
}
