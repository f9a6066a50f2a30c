package cn.gov.reform.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** One step of a plan's history: stage, decision, opinion, who and when. */
@Schema(description = "审批记录中的一步")
public record TimelineEntry(
    @Schema(description = "环节（用户任务 key 或系统步骤）", example = "cityReview") String stage,
    @Schema(description = "环节名称", example = "市编办审核") String stageName,
    @Schema(description = "决定或操作，如 SUBMIT、APPROVE、RETURN、REJECT、FILE、PASSED、FAILED、TRANSFER、DELEGATE、RESOLVE、ADD_SIGNER、CO_SIGN、COPY、URGE、RECALL、SEND_BACK；DOCUMENT 为印发公文", example = "RETURN") String decision,
    @Schema(description = "意见", example = "请补充便民服务中心编制说明", nullable = true) String opinion,
    @Schema(description = "办理人（用户 id；系统步骤为 system）", example = "taian") String actor,
    @Schema(description = "办理时间（北京时间，带时区）", example = "2026-11-22T16:02:45.3+08:00") Instant at,
    @Schema(description = "所涉方案版本", example = "1", nullable = true) Integer version,
    @Schema(description = "审批操作的对象（转办、委派、加签、抄送的人员，退回、撤回到的环节）；印发公文时为其发文字号", example = "转办给 泰安市编办审核员二",
        nullable = true) String target,
    @Schema(description = "所涉任务 id", nullable = true) String taskId) {}
