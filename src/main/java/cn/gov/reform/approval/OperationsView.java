package cn.gov.reform.approval;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

/** An open task's approval operations: its state, who could receive it, where it could go back to, what was done. */
@Schema(description = "任务的审批操作：状态、可选人员、可退回环节、已做的操作、调用者可用的操作")
public record OperationsView(
    @Schema(description = "任务 id") String taskId,
    @Schema(description = "环节名称", example = "市编办审核") String taskName,
    @Schema(description = "审批事项") Subject subject,
    @Schema(description = "办理人", nullable = true) TaskOperations.Person assignee,
    @Schema(description = "委派人（任务的所有者）", nullable = true) TaskOperations.Person owner,
    @Schema(description = "委派状态：PENDING 受委派人办理中，RESOLVED 已交回", nullable = true) String delegation,
    @Schema(description = "是否为加签任务") boolean coSign,
    @Schema(description = "尚未签署意见的加签人") List<TaskOperations.Person> coSigners,
    @Schema(description = "可转办、委派给的同岗位人员") List<TaskOperations.Person> colleagues,
    @Schema(description = "可加签的人员（本单位各岗位）") List<TaskOperations.Person> coSignerCandidates,
    @Schema(description = "可退回到的环节（本事项实际经过的环节）") List<TaskOperations.StageRef> returnTargets,
    @Schema(description = "在本任务上已做的操作和决定，按时间先后") List<Step> steps,
    @Schema(description = "调用者现在可用的操作") Allowed allowed) {

  /** Audit-trail decisions that are operations, not a stage's answer. */
  public static final Set<String> OPERATIONS = Set.of("TRANSFER", "DELEGATE", "RESOLVE", "ADD_SIGNER", "CO_SIGN", "COPY",
      "URGE", "RECALL", "SEND_BACK");

  private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("TRANSFER", "转办"), Map.entry("DELEGATE", "委派"),
      Map.entry("RESOLVE", "交回"), Map.entry("ADD_SIGNER", "加签"), Map.entry("CO_SIGN", "加签意见"), Map.entry("COPY", "抄送"),
      Map.entry("URGE", "催办"), Map.entry("RECALL", "撤回"), Map.entry("SEND_BACK", "退回"),
      Map.entry(Attachments.UPLOAD, "上传附件"), Map.entry(Attachments.REMOVE, "删除附件"));

  /** The Chinese name of an operation or of an attachment step (or the decision's own name). */
  public static String label(String operation) {
    return LABELS.getOrDefault(operation, operation);
  }

  @Schema(description = "审批记录中的一步")
  public record Step(
      @Schema(description = "操作或决定", example = "TRANSFER") String operation,
      @Schema(description = "办理人姓名") String actor,
      @Schema(description = "时间") Instant at,
      @Schema(description = "对象", nullable = true) String target,
      @Schema(description = "理由或意见", nullable = true) String reason) {}

  @Schema(description = "调用者现在可用的操作")
  public record Allowed(@Schema(description = "可转办") boolean transfer, @Schema(description = "可委派") boolean delegate,
      @Schema(description = "可交回（调用者是受委派人）") boolean resolve, @Schema(description = "可加签") boolean addCoSigner,
      @Schema(description = "可签署加签意见（调用者是加签人）") boolean coSign, @Schema(description = "可抄送") boolean copy,
      @Schema(description = "可催办") boolean urge, @Schema(description = "可退回到指定环节") boolean sendBack) {}
}
