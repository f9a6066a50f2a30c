package cn.gov.reform.supervision;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** A unit's report on its work: progress (进展) or completion with its evidence (完成). */
@Schema(description = "责任单位的一次报告")
public record Report(
    @Schema(description = "PROGRESS 报告进展，COMPLETION 报告完成（申请验收）") String kind,
    @Schema(description = "完成进度（%）", example = "60") int progress,
    @Schema(description = "报告内容") String content,
    @Schema(description = "完成佐证（文件名称、文号等；附件另见 attachments）", nullable = true) String evidence,
    @Schema(description = "报告人") String reportedBy,
    @Schema(description = "报告时间（北京时间，带时区）") Instant reportedAt) {}
