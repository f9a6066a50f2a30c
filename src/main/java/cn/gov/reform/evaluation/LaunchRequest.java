package cn.gov.reform.evaluation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the provincial 编办 says when it launches an evaluation year. */
@Schema(description = "发起经济发达镇年度评估")
public record LaunchRequest(
    @Schema(description = "省级行政区6位代码", example = "220000")
    @NotNull(message = "不能为空") @Pattern(regexp = "[0-9]{2}0000", message = "应为省级行政区6位代码（如220000）") String provinceCode,
    @Schema(description = "评估年度（济南市实施意见 四(三)：从2018年度开始），不晚于今年", example = "2025")
    @NotNull(message = "不能为空") @Min(value = 2018, message = "评估从2018年度开始（济南市实施意见 四(三)）") @Max(value = 9999,
        message = "不是有效的年度") Integer year,
    @Schema(description = "随机抽查的镇数（0—100）；不填则用 app.evaluations.sample-size", example = "2", nullable = true)
    @Min(value = 0, message = "应为0—100") @Max(value = 100, message = "应为0—100") Integer sampleSize,
    @Schema(description = "抽样的随机种子；不填则随机生成。种子和抽中的镇都记录在案，同一种子抽出同样的镇", example = "20260105",
        nullable = true) Long seed) {}
