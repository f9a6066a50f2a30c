package cn.gov.reform.supervision;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.audit.TimelineEntry;

/** One piece of work with the unit's reports and its whole timeline (reports, reminders, acceptance, returns, 督办). */
@Schema(description = "一项督查工作：责任单位的报告和完整记录")
public record WorkView(
    @Schema(description = "督查活动编号") String campaignId,
    @Schema(description = "任务序号") String taskNo,
    @Schema(description = "重点任务") String task,
    @Schema(description = "依据") String source,
    @Schema(description = "工作") CampaignView.UnitWork work,
    @Schema(description = "报告，先后为序") List<Report> reports,
    @Schema(description = "记录，先后为序") List<TimelineEntry> timeline) {}
