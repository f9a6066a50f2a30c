package cn.gov.reform.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** One step of a plan's history: stage, decision, opinion, who and when. */
@Schema(description = "审批记录中的一步")
public record TimelineEntry(
    @Schema(description = "环节（用户任务 key 或系统步骤）", example = "cityReview") String stage,
    @Schema(description = "环节名称", example = "市编办审核") String stageName,
    @Schema(description = "决定，如 SUBMIT、APPROVE、RETURN、REJECT、FILE、PASSED、FAILED", example = "RETURN") String decision,
    @Schema(description = "意见", example = "请补充便民服务中心编制说明", nullable = true) String opinion,
    @Schema(description = "办理人（用户 id；系统步骤为 system）", example = "taian") String actor,
    @Schema(description = "办理时间（北京时间，带时区）", example = "2026-11-22T16:02:45.3+08:00") Instant at,
    @Schema(description = "所涉方案版本", example = "1", nullable = true) Integer version) {}
