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

/** A county's reform plan for one or more of its townships, as drafted (CONTRACT "POST /api/plans"). */
public record PlanRequest(
    @NotBlank(message = "不能为空") @Size(max = 200, message = "不能超过200字") String title,
    @NotNull(message = "不能为空，应为 TOWNSHIP 或 DEVELOPED_TOWN") PlanType planType,
    @NotNull(message = "不能为空") @Pattern(regexp = "[0-9]{6}", message = "应为6位行政区划代码") String countyCode,
    LocalDate deadline,
    @NotEmpty(message = "至少包含一个乡镇（街道）") @Size(max = 200, message = "一个方案最多200个乡镇（街道）")
    List<@NotNull(message = "不能为空") @Valid Township> townships) {

  public enum PlanType {
    TOWNSHIP("乡镇（街道）改革方案"), DEVELOPED_TOWN("经济发达镇改革方案");

    private final String label;

    PlanType(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum Kind {
    TOWN("镇"), TOWNSHIP("乡"), STREET("街道");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public record Township(
      @NotNull(message = "不能为空") @Pattern(regexp = "[0-9]{9}", message = "应为9位乡镇（街道）代码") String code,
      @NotBlank(message = "不能为空") @Size(max = 100, message = "不能超过100字") String name,
      @NotNull(message = "不能为空，应为 TOWN、TOWNSHIP 或 STREET") Kind kind,
      @Min(value = 1, message = "乡镇类别应为1—3") @Max(value = 3, message = "乡镇类别应为1—3") Integer category,
      @Min(value = 0, message = "不能为负数") @Max(value = 20_000_000, message = "数值不合理（超过2000万）") Long builtUpPopulation,
      @NotNull(message = "不能为空") @Size(max = 60, message = "最多60个机构") List<@NotNull(message = "不能为空") @Valid Unit> bodies,
      @NotNull(message = "不能为空") @Size(max = 60, message = "最多60个单位") List<@NotNull(message = "不能为空") @Valid Unit> institutions,
      @NotNull(message = "不能为空") @Min(value = 0, message = "不能为负数") @Max(value = 100_000, message = "数值不合理（超过10万）") Integer administrativeStaff,
      @NotNull(message = "不能为空") @Min(value = 0, message = "不能为负数") @Max(value = 100_000, message = "数值不合理（超过10万）") Integer institutionalStaff,
      @Min(value = 0, message = "不能为负数") @Max(value = 1_000, message = "数值不合理（超过1000）") Integer leadershipPositions,
      @Min(value = 0, message = "不能为负数") @Max(value = 1_000, message = "数值不合理（超过1000）") Integer currentLeadershipPositions) {

    public int bodyStaff() {
      return bodies.stream().mapToInt(u -> u.staff() == null ? 0 : u.staff()).sum();
    }

    public int institutionStaff() {
      return institutions.stream().mapToInt(u -> u.staff() == null ? 0 : u.staff()).sum();
    }
  }

  /** A 党政工作机构 or 事业单位 with its staffing. */
  public record Unit(
      @NotBlank(message = "不能为空") @Size(max = 100, message = "不能超过100字") String name,
      @NotNull(message = "不能为空") @Min(value = 0, message = "不能为负数") @Max(value = 10_000, message = "数值不合理（超过1万）") Integer staff) {}
}
