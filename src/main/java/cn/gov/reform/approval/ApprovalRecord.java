package cn.gov.reform.approval;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Everything a manager reads about one item, finished or not (GET /api/records/{processKey}/{businessKey}): the item,
 * the process definition version it ran on, the way it took through the diagram, every stage with who decided what,
 * when and in how many working days, and what its procedure adds ({@link RecordSection}).
 */
@Schema(description = "一件事项的审批记录：事项、流程图上走过的路径、各环节的办理情况和事项自身的内容")
public record ApprovalRecord(
    @Schema(description = "审批事项") Subject subject,
    @Schema(description = "事项所用的流程定义版本", nullable = true) Definition definition,
    @Schema(description = "开始审批的时间（北京时间，带时区）", nullable = true) Instant startedAt,
    @Schema(description = "办结时间（北京时间，带时区）；尚未办结为空", nullable = true) Instant endedAt,
    @Schema(description = "流程图上走过的路径") Path path,
    @Schema(description = "各环节的办理情况，按时间先后；尚在办理的环节在最后") List<StageRecord> stages,
    @Schema(description = "事项自身的内容（如方案的各版本、当前版本的政策校验结果）") List<RecordSection> sections) {

  @Schema(description = "流程定义的一个版本")
  public record Definition(
      @Schema(description = "流程定义 id（其 BPMN 见 …/diagram）", example = "reformPlanApproval:3:8f2c…") String id,
      @Schema(description = "流程定义 key", example = "reformPlanApproval") String key,
      @Schema(description = "流程名称", example = "乡镇行政管理体制改革方案审批") String name,
      @Schema(description = "版本号", example = "3") int version) {}

  /**
   * The elements of the diagram the item passed. Activities come from the engine's history (tasks, service tasks,
   * events, subprocesses); gateways are not kept there (LeanHistory), so they and the sequence flows between two
   * consecutive activities are read from the model: the flows through gateways only that lead from one to the next.
   */
  @Schema(description = "流程图上走过的路径（元素为 BPMN 中的 id）")
  public record Path(
      @Schema(description = "经过的活动（用户任务、服务任务、事件），按首次到达的先后", example = "[\"planStarted\", \"determineRoute\", \"validatePlan\", \"cityReview\"]")
      List<String> activities,
      @Schema(description = "尚在进行的活动（如待办的用户任务、等待中的期限）", example = "[\"cityApproval\"]") List<String> open,
      @Schema(description = "经过的网关（由相邻两个活动之间的连线推知）", example = "[\"nextStage\", \"stageOutcome\"]") List<String> gateways,
      @Schema(description = "走过的连线（由相邻两个活动之间的连线推知）", example = "[\"toCityReview\", \"cityReviewDone\"]") List<String> flows) {}

  @Schema(description = "一个环节的办理情况")
  public record StageRecord(
      @Schema(description = "环节（用户任务 key 或系统步骤）", example = "cityReview") String stage,
      @Schema(description = "环节名称", example = "市编办审核") String stageName,
      @Schema(description = "办理人（用户 id；系统步骤为 system；尚未认领为空）", example = "taian", nullable = true) String actor,
      @Schema(description = "办理人姓名", example = "泰安市编办审核员") String actorName,
      @Schema(description = "收到任务的时间（任务创建时间，北京时间，带时区）；非任务环节为空", nullable = true) Instant receivedAt,
      @Schema(description = "办理时间（北京时间，带时区）；尚在办理为空", nullable = true) Instant at,
      @Schema(description = "决定，如 SUBMIT、APPROVE、RETURN、REJECT、FILE、PASSED；尚在办理为空", example = "APPROVE", nullable = true)
      String decision,
      @Schema(description = "决定（中文）", example = "审核通过") String decisionLabel,
      @Schema(description = "意见", nullable = true) String opinion,
      @Schema(description = "审批操作或附件的对象（转办给的人员、退回到的环节、上传或删除的文件名）", example = "磁窑镇机构编制测算说明.pdf",
          nullable = true) String target,
      @Schema(description = "用时（工作日，从收到任务到办结，按时限的算法：周一收到、周三办结为2）；尚在办理的为至今；非任务环节为空",
          example = "2", nullable = true) Integer workingDays,
      @Schema(description = "所涉版本", example = "1", nullable = true) Integer version,
      @Schema(description = "是否尚在办理", example = "false") boolean open) {}

  @Schema(description = "列表中的一件事项")
  public record Summary(
      @Schema(description = "审批事项") Subject subject,
      @Schema(description = "流程定义 id", nullable = true) String processDefinitionId,
      @Schema(description = "流程定义版本号", example = "3", nullable = true) Integer processDefinitionVersion,
      @Schema(description = "开始审批的时间（北京时间，带时区）", nullable = true) Instant startedAt,
      @Schema(description = "办结时间（北京时间，带时区）；尚未办结为空", nullable = true) Instant endedAt,
      @Schema(description = "尚在办理的环节名称（已办结为空）", example = "[\"市委、市政府审批\"]") List<String> openStages) {}

  @Schema(description = "一页事项")
  public record Page(
      @Schema(description = "本页的事项") List<Summary> items,
      @Schema(description = "页码（从0开始）", example = "0") int page,
      @Schema(description = "每页条数", example = "20") int size,
      @Schema(description = "符合条件的事项总数", example = "1") long total) {}
}
