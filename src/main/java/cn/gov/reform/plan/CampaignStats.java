package cn.gov.reform.plan;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the managers' dashboard shows (GET /api/stats), always limited to the plans the viewer may see.
 * Codes and keys are English identifiers; the {@code *Name} fields are what officials read.
 */
@Schema(description = "改革推进情况：查看人职责范围内的方案统计（管理看板的数据）")
public record CampaignStats(
    @Schema(description = "统计日期（北京时间）", example = "2026-11-23") LocalDate asOf,
    @Schema(description = "分组层级：查看人下一级的行政区划（PROVINCE 省、CITY 市、COUNTY 县）", example = "CITY") String regionLevel,
    @Schema(description = "“即将到期”向前看的工作日数（配置项 app.deadlines.due-soon-working-days）", example = "10") int dueSoonWorkingDays,
    @Schema(description = "方案总数", example = "128") long plans,
    @Schema(description = "各市各状态的方案数") List<StatusCount> byStatus,
    @Schema(description = "逾期未办结的方案数，按下一级行政区划分组") List<RegionCount> overdue,
    @Schema(description = "各审批环节平均用时（工作日）") List<StageDuration> stageDurations,
    @Schema(description = "今后 dueSoonWorkingDays 个工作日内到期、尚未逾期的方案") List<DueSoon> dueSoon) {

  /** Plans of one city in one status. */
  @Schema(description = "一个市某一状态的方案数")
  public record StatusCount(
      @Schema(description = "省级行政区划代码", example = "370000") String provinceCode,
      @Schema(description = "省级行政区名称", example = "山东省") String provinceName,
      @Schema(description = "市级行政区划代码", example = "370900") String cityCode,
      @Schema(description = "市级行政区名称", example = "泰安市") String cityName,
      @Schema(description = "方案状态", example = "IN_REVIEW") String status,
      @Schema(description = "方案状态（中文）", example = "审核中") String statusName,
      @Schema(description = "方案数", example = "3") long count) {}

  /** Open plans past their deadline in one region (one level below the viewer: province, city or county). */
  @Schema(description = "一个行政区逾期未办结的方案数")
  public record RegionCount(
      @Schema(description = "行政区划代码", example = "370900") String regionCode,
      @Schema(description = "行政区名称", example = "泰安市") String regionName,
      @Schema(description = "逾期方案数", example = "1") long count) {}

  /** Average working days (工作日) a completed task of one stage took from creation to completion. */
  @Schema(description = "一个审批环节已办结任务的平均用时")
  public record StageDuration(
      @Schema(description = "环节（用户任务键）", example = "cityReview") String stage,
      @Schema(description = "环节名称", example = "市编办审核") String stageName,
      @Schema(description = "平均用时（工作日）", example = "2.5") double avgWorkingDays,
      @Schema(description = "统计的已办结任务数", example = "12") long samples) {}

  /** An open plan, not yet flagged overdue, whose deadline falls within the next working days. */
  @Schema(description = "即将到期的方案")
  public record DueSoon(
      @Schema(description = "方案编号") String planId,
      @Schema(description = "方案标题", example = "关于深化磁窑镇行政管理体制改革方案") String title,
      @Schema(description = "县级行政区划代码", example = "370921") String countyCode,
      @Schema(description = "县级行政区名称", example = "宁阳县") String countyName,
      @Schema(description = "方案状态", example = "IN_REVIEW") String status,
      @Schema(description = "方案状态（中文）", example = "审核中") String statusName,
      @Schema(description = "办结期限", example = "2026-12-04") LocalDate deadline,
      @Schema(description = "剩余工作日", example = "8") int workingDaysLeft,
      @Schema(description = "流程实例编号（在运行监控 Cockpit 中打开）") String processInstanceId) {}
}
