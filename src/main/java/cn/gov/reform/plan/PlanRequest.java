package cn.gov.reform.plan;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.approval.Diffs;

/** A county's reform plan for one or more of its townships, as drafted (README "Domain API"). */
@Schema(description = "县级起草的乡镇（街道）改革方案，含一个或多个乡镇（街道）")
public record PlanRequest(
    @Schema(description = "方案标题（不超过200字）", example = "关于深化磁窑镇行政管理体制改革方案")
    @NotBlank(message = "不能为空") @Size(max = 200, message = "不能超过200字") String title,
    @Schema(description = "方案类型：TOWNSHIP 乡镇（街道）改革方案，DEVELOPED_TOWN 经济发达镇改革方案", example = "DEVELOPED_TOWN")
    @NotNull(message = "不能为空，应为 TOWNSHIP 或 DEVELOPED_TOWN") PlanType planType,
    @Schema(description = "起草方案的县（市、区）6位行政区划代码", example = "370921")
    @NotNull(message = "不能为空") @Pattern(regexp = "[0-9]{6}", message = "应为6位行政区划代码") String countyCode,
    @Schema(description = "方案办结期限（ISO 日期）；不填则用配置的全省（专项工作）默认期限，过期标记逾期并提请督办", example = "2027-03-31")
    LocalDate deadline,
    @Schema(description = "方案涉及的乡镇（街道），1—200个，均须属于该县")
    @NotEmpty(message = "至少包含一个乡镇（街道）") @Size(max = 200, message = "一个方案最多200个乡镇（街道）")
    List<@NotNull(message = "不能为空") @Valid Township> townships) {

  public enum PlanType implements Diffs.Labelled {
    TOWNSHIP("乡镇（街道）改革方案"), DEVELOPED_TOWN("经济发达镇改革方案");

    private final String label;

    PlanType(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public enum Kind implements Diffs.Labelled {
    TOWN("镇"), TOWNSHIP("乡"), STREET("街道");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  @Schema(description = "一个乡镇（街道）的机构设置和编制")
  public record Township(
      @Schema(description = "乡镇（街道）9位代码，须属于方案所在县", example = "370921109")
      @NotNull(message = "不能为空") @Pattern(regexp = "[0-9]{9}", message = "应为9位乡镇（街道）代码") String code,
      @Schema(description = "乡镇（街道）名称", example = "磁窑镇")
      @NotBlank(message = "不能为空") @Size(max = 100, message = "不能超过100字") String name,
      @Schema(description = "类型：TOWN 镇，TOWNSHIP 乡，STREET 街道", example = "TOWN")
      @NotNull(message = "不能为空，应为 TOWN、TOWNSHIP 或 STREET") Kind kind,
      @Schema(description = "乡镇类别1—3（甘肃等对乡镇分类的省份填写，其他省份为 null）", example = "1", nullable = true)
      @Min(value = 1, message = "乡镇类别应为1—3") @Max(value = 3, message = "乡镇类别应为1—3") Integer category,
      @Schema(description = "建成区常住人口（经济发达镇填写）", example = "85000", nullable = true)
      @Min(value = 0, message = "不能为负数") @Max(value = 20_000_000, message = "数值不合理（超过2000万）") Long builtUpPopulation,
      @Schema(description = "党政工作机构（最多60个）")
      @NotNull(message = "不能为空") @Size(max = 60, message = "最多60个机构") List<@NotNull(message = "不能为空") @Valid Unit> bodies,
      @Schema(description = "事业单位（最多60个）")
      @NotNull(message = "不能为空") @Size(max = 60, message = "最多60个单位") List<@NotNull(message = "不能为空") @Valid Unit> institutions,
      @Schema(description = "行政编制数", example = "50")
      @NotNull(message = "不能为空") @Min(value = 0, message = "不能为负数") @Max(value = 100_000, message = "数值不合理（超过10万）") Integer administrativeStaff,
      @Schema(description = "事业编制数", example = "178")
      @NotNull(message = "不能为空") @Min(value = 0, message = "不能为负数") @Max(value = 100_000, message = "数值不合理（超过10万）") Integer institutionalStaff,
      @Schema(description = "方案设置的领导职数", example = "9", nullable = true)
      @Min(value = 0, message = "不能为负数") @Max(value = 1_000, message = "数值不合理（超过1000）") Integer leadershipPositions,
      @Schema(description = "现有领导职数", example = "9", nullable = true)
      @Min(value = 0, message = "不能为负数") @Max(value = 1_000, message = "数值不合理（超过1000）") Integer currentLeadershipPositions) {

    public int bodyStaff() {
      return bodies.stream().mapToInt(u -> u.staff() == null ? 0 : u.staff()).sum();
    }

    public int institutionStaff() {
      return institutions.stream().mapToInt(u -> u.staff() == null ? 0 : u.staff()).sum();
    }
  }

  /** A 党政工作机构 or 事业单位 with its staffing. */
  @Schema(description = "一个党政工作机构或事业单位")
  public record Unit(
      @Schema(description = "机构名称", example = "党政办公室")
      @NotBlank(message = "不能为空") @Size(max = 100, message = "不能超过100字") String name,
      @Schema(description = "核定编制数", example = "8")
      @NotNull(message = "不能为空") @Min(value = 0, message = "不能为负数") @Max(value = 10_000, message = "数值不合理（超过1万）") Integer staff) {}
}
