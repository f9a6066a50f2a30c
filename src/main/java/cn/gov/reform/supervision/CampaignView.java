package cn.gov.reform.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.audit.TimelineEntry;

/** A campaign's progress as the caller may see it: per task, per unit and region, per region. */
@Schema(description = "督查活动及其进展（只含调用者可见的工作）")
public record CampaignView(
    @Schema(description = "督查活动编号") String id,
    @Schema(description = "名称") String title,
    @Schema(description = "任务清单编号", example = "jinan-2018") String taskListId,
    @Schema(description = "所依据的文件") String document,
    @Schema(description = "督查地区代码", example = "370100") String regionCode,
    @Schema(description = "督查地区", example = "山东省 · 济南市") String regionName,
    @Schema(description = "督查年份（清单日期平移到该年）", example = "2018") int year,
    @Schema(description = "每隔多少个工作日报告一次进展", example = "20") int reportEvery,
    @Schema(description = "验收和督办的督查机构（工作组）", example = "supervisor370000") String supervisorGroup,
    @Schema(description = "ACTIVE 督查中，COMPLETED 已办结") CampaignStatus status,
    @Schema(description = "状态名称") String statusLabel,
    @Schema(description = "督查活动的流程实例 id") String processInstanceId,
    @Schema(description = "发起人") String createdBy,
    @Schema(description = "发起时间（北京时间，带时区）") Instant createdAt,
    @Schema(description = "合计") Totals totals,
    @Schema(description = "各项任务") List<TaskProgress> tasks,
    @Schema(description = "各地区（市直单位按市，区县和乡镇按县）") List<RegionProgress> regions,
    @Schema(description = "督查活动的记录（发起、下达任务、新一年度）") List<TimelineEntry> timeline) {

  @Schema(description = "完成情况：done 已验收，inProgress 办理中（未逾期，含待验收），overdue 逾期未验收")
  public record Totals(
      @Schema(description = "工作总数") int work,
      @Schema(description = "已验收") int done,
      @Schema(description = "办理中（未逾期）") int inProgress,
      @Schema(description = "逾期未验收") int overdue,
      @Schema(description = "已报完成、待验收（含逾期的）") int awaitingAcceptance) {}

  @Schema(description = "一项任务的进展")
  public record TaskProgress(
      @Schema(description = "序号", example = "1") String no,
      @Schema(description = "重点任务") String task,
      @Schema(description = "责任单位（原文）") String unitsText,
      @Schema(description = "时间节点（原文）") String deadlineText,
      @Schema(description = "依据") String source,
      @Schema(description = "是否按年度重复") boolean yearly,
      @Schema(description = "合计") Totals totals,
      @Schema(description = "各责任单位（每地区、每年度一项）") List<UnitWork> units) {}

  @Schema(description = "一个责任单位在一个地区（和年度）的工作")
  public record UnitWork(
      @Schema(description = "工作编号（流程实例业务键）") String workId,
      @Schema(description = "责任单位工作组", example = "unitdwzf370112") String group,
      @Schema(description = "责任单位", example = "历城区党委、政府") String unit,
      @Schema(description = "地区代码（6位或乡镇9位）", example = "370112") String regionCode,
      @Schema(description = "地区", example = "山东省 · 济南市 · 历城区") String regionName,
      @Schema(description = "年度（按年度的任务）", nullable = true) Integer year,
      @Schema(description = "时间节点") LocalDate deadline,
      @Schema(description = "IN_PROGRESS 办理中，AWAITING_ACCEPTANCE 已报完成待验收，ACCEPTED 已验收") WorkStatus status,
      @Schema(description = "状态名称") String statusLabel,
      @Schema(description = "是否逾期（时间节点已过仍未验收）") boolean overdue,
      @Schema(description = "最近报告的完成进度（%）") int progress,
      @Schema(description = "报告次数") int reports,
      @Schema(description = "最近报告时间", nullable = true) Instant lastReportAt,
      @Schema(description = "督办次数") int supervisions) {}

  @Schema(description = "一个地区的进展")
  public record RegionProgress(
      @Schema(description = "地区代码", example = "370112") String code,
      @Schema(description = "地区名称", example = "历城区") String name,
      @Schema(description = "合计") Totals totals) {}
}
