package cn.gov.reform.secondment;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A request by an upper-level body to second a township official (借调申请, README "借调"): who (their id, name, township
 * and since when they work there), who asks, why, from when to when, and — for a period that brings the person's
 * secondments over the limit — the written special justification. Text is plain: markup and control characters are
 * refused.
 */
@Schema(description = "上级机关借调乡镇（街道）工作人员的申请")
public record SecondmentRequest(
    @Schema(description = "被借调人员编号（身份证号或人员编号，字母和数字，不超过32位）；同一人员的各次借调按此合计", example = "370921199001011234")
    @NotBlank(message = "不能为空") @Pattern(regexp = "[0-9A-Za-z]{1,32}", message = "应为1—32位字母或数字") String personId,
    @Schema(description = "被借调人员姓名（不超过50字）", example = "张明")
    @NotBlank(message = "不能为空") @Size(max = 50, message = "不能超过50字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE)
    String personName,
    @Schema(description = "被借调人员所在乡镇（街道）9位代码，须在申请单位所在县", example = "370921109")
    @NotNull(message = "不能为空") @Pattern(regexp = "[0-9]{9}", message = "应为9位乡镇（街道）代码") String townshipCode,
    @Schema(description = "到该乡镇（街道）工作的日期；借调开始时不满2年的不得借调", example = "2020-07-01")
    @NotNull(message = "不能为空") LocalDate startedInTownship,
    @Schema(description = "借调单位（不超过100字）", example = "宁阳县发展和改革局")
    @NotBlank(message = "不能为空") @Size(max = 100, message = "不能超过100字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE)
    String requestingBody,
    @Schema(description = "借调事由（工作特殊需要，不超过1000字）", example = "重点项目集中攻坚，需熟悉园区企业情况的人员协助")
    @NotBlank(message = "不能为空") @Size(max = 1000, message = "不能超过1000字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE)
    String reason,
    @Schema(description = "借调开始日期（不早于申请当天）", example = "2027-03-01") @NotNull(message = "不能为空") LocalDate startDate,
    @Schema(description = "借调结束日期（含当天）", example = "2027-08-31") @NotNull(message = "不能为空") LocalDate endDate,
    @Schema(description = "书面特殊理由：借调时间（连同此前连续借调的时间）超过6个月时必填（不超过2000字）", nullable = true)
    @Size(max = 2000, message = "不能超过2000字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String specialJustification) {

  /** Plain text: no markup brackets, no control characters but line breaks. */
  static final String PLAIN = "[^<>\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
  static final String PLAIN_MESSAGE = "不能包含尖括号（<、>）等标记字符或控制字符";

  /** Whether a written special justification is given. */
  boolean justified() {
    return specialJustification != null && !specialJustification.isBlank();
  }
}
