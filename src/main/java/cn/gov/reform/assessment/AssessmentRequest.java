package cn.gov.reform.assessment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.approval.CitedDocument;

/**
 * A county department's request to assess townships (考核事项, README "职责准入与考核事项"): its kind, the townships, the
 * assessed items — each on a duty of every named township's accepted list (济南市实施意见 二(四)2) — why it is needed, and for
 * 一票否决 the central or provincial document providing for it. Only the shape is checked here; the rules of the documents
 * are the decision table {@value AssessmentKeys#RULES_DECISION}'s.
 */
@Schema(description = "县直部门对乡镇设置考核事项的申请：一票否决、直接考核或评比达标/示范创建")
public record AssessmentRequest(
    @Schema(description = "考核事项名称（不超过200字）", example = "农村人居环境整治一票否决")
    @NotBlank(message = "不能为空") @Size(max = 200, message = "不能超过200字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE)
    String title,
    @Schema(description = "县（市、区）6位代码", example = "370921")
    @NotNull(message = "不能为空") @Pattern(regexp = "[0-9]{6}", message = "应为6位县级行政区划代码") String countyCode,
    @Schema(description = "申请的县直部门（不超过100字）", example = "宁阳县住房和城乡建设局")
    @NotBlank(message = "不能为空") @Size(max = 100, message = "不能超过100字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE)
    String department,
    @Schema(description = "类别：VETO 一票否决，DIRECT_ASSESSMENT 直接考核，RANKING 评比达标、示范创建", example = "VETO")
    @NotNull(message = "不能为空") AssessmentKind kind,
    @Schema(description = "考核的乡镇（街道）9位代码，1—" + AssessmentRequest.MAX_TOWNSHIPS + "个，须属于该县", example = "[\"370921109\"]")
    @NotEmpty(message = "至少涉及一个乡镇（街道）") @Size(max = MAX_TOWNSHIPS, message = "最多" + MAX_TOWNSHIPS + "个乡镇（街道）")
    List<@NotNull(message = "不能为空") @Pattern(regexp = "[0-9]{9}", message = "应为9位乡镇（街道）代码") String> townshipCodes,
    @Schema(description = "考核的事项，每项针对乡镇职责清单中的一项职责（直接考核一事一报：只能1项）")
    @NotEmpty(message = "至少一项考核事项") @Size(max = MAX_ITEMS, message = "最多" + MAX_ITEMS + "项")
    List<@NotNull(message = "不能为空") @Valid Item> items,
    @Schema(description = "确需设置的理由（不超过1000字）", example = "落实中央农村人居环境整治要求")
    @NotBlank(message = "不能为空") @Size(max = 1000, message = "不能超过1000字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE)
    String reason,
    @Schema(description = "所依据的党中央、国务院或省委、省政府文件（一票否决必填）", nullable = true) @Valid CitedDocument basis) {

  public static final int MAX_TOWNSHIPS = 100;
  public static final int MAX_ITEMS = 20;
  static final String PLAIN = CitedDocument.PLAIN;
  static final String PLAIN_MESSAGE = CitedDocument.PLAIN_MESSAGE;

  /** One assessed item: the duty of the townships' lists it assesses and what is assessed. */
  @Schema(description = "一项考核事项")
  public record Item(
      @Schema(description = "所考核的职责编号（乡镇职责清单 GET /api/townships/{code}/duties 中的 id）")
      @NotBlank(message = "不能为空") @Size(max = 36, message = "不能超过36个字符") @Pattern(regexp = "[A-Za-z0-9-]*", message = "应为职责编号")
      String dutyId,
      @Schema(description = "考核内容或指标（不超过500字）", example = "村庄清洁行动达标率100%")
      @NotBlank(message = "不能为空") @Size(max = 500, message = "不能超过500字") @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE)
      String indicator) {}
}
