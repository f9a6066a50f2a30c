package cn.gov.reform.evaluation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A city government's application to put one of its towns on the province's list: the figures the recognition standard
 * names (鲁厅字〔2018〕33号 六(二); 吉林省实施意见 一(三)) — built-up resident population, and for two consecutive years the
 * town's rank among the province's townships in urbanisation rate and public fiscal revenue.
 */
@Schema(description = "申请将一个镇列入本省经济发达镇名单（市（州）政府申报）")
public record RecognitionRequest(
    @Schema(description = "镇的9位代码", example = "370921103")
    @NotNull(message = "不能为空") @Pattern(regexp = "[0-9]{9}", message = "应为9位乡镇代码") String townshipCode,
    @Schema(description = "建成区常住人口（人）", example = "80000")
    @NotNull(message = "不能为空") @Min(value = 1, message = "应为1—10000000的整数") @Max(value = 10_000_000,
        message = "应为1—10000000的整数") Integer builtUpPopulation,
    @Schema(description = "连续两个年度在全省乡镇中的排名，先早后晚")
    @NotNull(message = "不能为空") @Size(min = 2, max = 2, message = "应为连续两个年度的排名")
    List<@NotNull(message = "不能为空") @Valid Ranking> rankings,
    @Schema(description = "申请按特殊地位适当放宽标准的理由（鲁厅字〔2018〕33号 六(二)：对落实国家和省重大战略……具有特殊地位和作用的镇，"
        + "以及历史文化名镇等特色小镇，可适当放宽标准）；不放宽则不填", nullable = true)
    @Size(max = 500, message = "不能超过500字") @Pattern(regexp = Score.PLAIN, message = Score.PLAIN_MESSAGE) String relaxedReason) {

  @Schema(description = "一个年度的排名")
  public record Ranking(
      @Schema(description = "年度", example = "2024") @NotNull(message = "不能为空") @Min(value = 2000, message = "应为2000年以后的年度")
      @Max(value = 9999, message = "不是有效的年度") Integer year,
      @Schema(description = "常住人口城镇化率在全省乡镇中的排名（1为第一）", example = "12")
      @NotNull(message = "不能为空") @Min(value = 1, message = "应为不小于1的整数") Integer urbanisationRank,
      @Schema(description = "公共财政收入在全省乡镇中的排名（1为第一）", example = "9")
      @NotNull(message = "不能为空") @Min(value = 1, message = "应为不小于1的整数") Integer revenueRank,
      @Schema(description = "全省乡镇（街道）总数", example = "1824")
      @NotNull(message = "不能为空") @Min(value = 1, message = "应为1—100000的整数") @Max(value = 100_000, message = "应为1—100000的整数")
      Integer townshipCount) {

    double urbanisationPercent() {
      return urbanisationRank * 100.0 / townshipCount;
    }

    double revenuePercent() {
      return revenueRank * 100.0 / townshipCount;
    }
  }

  boolean relaxed() {
    return relaxedReason != null && !relaxedReason.isBlank();
  }
}
