package cn.gov.reform.approval;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.identity.UserNames;
import cn.gov.reform.web.ProblemResponses;

/** The approval operations over {@code /api}, for every procedure (README "审批操作"). */
@RestController
@RequestMapping("/api")
@Tag(name = "审批操作", description = "转办、委派、交回、加签、签署意见、抄送、催办、退回到指定环节、撤回：所有审批事项通用")
class TaskOperationsController {

  private final TaskOperations operations;
  private final CurrentCaller caller;
  private final Copies copies;
  private final Procedures procedures;
  private final UserNames names;

  TaskOperationsController(TaskOperations operations, CurrentCaller caller, Copies copies, Procedures procedures,
      UserNames names) {
    this.operations = operations;
    this.caller = caller;
    this.copies = copies;
    this.procedures = procedures;
    this.names = names;
  }

  @Schema(description = "把任务交给某人（转办、委派、加签）")
  record ToUser(@Schema(description = "用户 id", example = "taian2") String userId,
      @Schema(description = "理由（可选，≤2000字）", nullable = true) String reason) {}

  @Schema(description = "理由或意见")
  record Reason(@Schema(description = "理由或意见（≤2000字）", example = "请补充便民服务中心编制测算") String reason) {}

  @Schema(description = "加签人的意见")
  record CoSignAnswer(@Schema(description = "true 同意，false 不同意", example = "true") Boolean agree,
      @Schema(description = "意见（不同意时必填，≤2000字）", nullable = true) String opinion) {}

  @Schema(description = "抄送")
  record CopyRequest(@Schema(description = "抄送给的用户 id") List<String> userIds,
      @Schema(description = "抄送给的岗位（用户组 id），其全部人员", nullable = true) List<String> groupIds,
      @Schema(description = "说明（可选）", nullable = true) String reason) {}

  @Schema(description = "退回到指定环节")
  record SendBack(@Schema(description = "环节（任务定义 key），须是本事项实际经过的环节", example = "cityReview") String stage,
      @Schema(description = "退回理由（必填，≤2000字）") String reason) {}

  @Operation(operationId = "taskOperations", summary = "任务的审批操作", description = "任务的委派、加签状态，可转办/委派/加签的人员，"
      + "可退回到的环节，在本任务上做过的操作，以及调用者现在可用的操作。能看到该事项的人都可以查询（用于催办）。")
  @ApiResponse(responseCode = "200", description = "审批操作")
  @ProblemResponses.NotFound
  @GetMapping("/tasks/{taskId}/operations")
  OperationsView view(@Parameter(description = "任务 id") @PathVariable String taskId) {
    return operations.view(taskId, caller.jurisdiction());
  }

  @Operation(operationId = "transferTask", summary = "转办", description = "办理人把任务转给同一岗位（候选用户组）的同事；原办理人不再有该任务的权限。")
  @ApiResponse(responseCode = "204", description = "已转办")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ProblemResponses.NotFound
  @PostMapping("/tasks/{taskId}/transfer")
  ResponseEntity<Void> transfer(@Parameter(description = "任务 id") @PathVariable String taskId, @RequestBody ToUser body) {
    operations.transfer(taskId, body.userId(), body.reason(), caller.jurisdiction());
    return ResponseEntity.noContent().build();
  }

  @Operation(operationId = "delegateTask", summary = "委派", description = "办理人请同一岗位的同事代为办理；受委派人办理后“交回”，"
      + "由委派人办结。受委派期间任务不能办结。")
  @ApiResponse(responseCode = "204", description = "已委派")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ProblemResponses.NotFound
  @PostMapping("/tasks/{taskId}/delegate")
  ResponseEntity<Void> delegate(@Parameter(description = "任务 id") @PathVariable String taskId, @RequestBody ToUser body) {
    operations.delegate(taskId, body.userId(), body.reason(), caller.jurisdiction());
    return ResponseEntity.noContent().build();
  }

  @Operation(operationId = "resolveTask", summary = "交回", description = "受委派人办理完毕，把任务连同意见交回委派人。")
  @ApiResponse(responseCode = "204", description = "已交回")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ProblemResponses.NotFound
  @PostMapping("/tasks/{taskId}/resolve")
  ResponseEntity<Void> resolve(@Parameter(description = "任务 id") @PathVariable String taskId, @RequestBody(required = false) Reason body) {
    operations.resolve(taskId, body == null ? null : body.reason(), caller.jurisdiction());
    return ResponseEntity.noContent().build();
  }

  @Operation(operationId = "addCoSigner", summary = "加签", description = "办理人请本单位另一岗位的人员（如分管领导）并行签署意见；"
      + "加签人签署意见前，本任务不能办结。")
  @ApiResponse(responseCode = "204", description = "已加签")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ProblemResponses.NotFound
  @PostMapping("/tasks/{taskId}/co-signers")
  ResponseEntity<Void> addCoSigner(@Parameter(description = "任务 id") @PathVariable String taskId, @RequestBody ToUser body) {
    operations.addCoSigner(taskId, body.userId(), body.reason(), caller.jurisdiction());
    return ResponseEntity.noContent().build();
  }

  @Operation(operationId = "coSign", summary = "签署加签意见", description = "加签人对加签任务表示同意或不同意（不同意须填写意见）；签署后加签任务结束。")
  @ApiResponse(responseCode = "204", description = "已签署")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ProblemResponses.NotFound
  @PostMapping("/tasks/{taskId}/co-sign")
  ResponseEntity<Void> coSign(@Parameter(description = "任务 id") @PathVariable String taskId, @RequestBody CoSignAnswer body) {
    operations.coSign(taskId, body.agree(), body.opinion(), caller.jurisdiction());
    return ResponseEntity.noContent().build();
  }

  @Operation(operationId = "copyTask", summary = "抄送", description = "办理人把事项抄送给人员或岗位知悉：他们可以查看事项及其审批记录，但不能办理其任务。")
  @ApiResponse(responseCode = "200", description = "新收到抄送的人员")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ProblemResponses.NotFound
  @PostMapping("/tasks/{taskId}/copies")
  List<TaskOperations.Person> copy(@Parameter(description = "任务 id") @PathVariable String taskId, @RequestBody CopyRequest body) {
    return operations.copy(taskId, body.userIds(), body.groupIds(), body.reason(), caller.jurisdiction());
  }

  @Operation(operationId = "urgeTask", summary = "催办", description = "能看到该事项、但不办理该任务的人员提醒办理人；同一任务在间隔时间"
      + "（app.operations.urge-interval，默认4小时）内只能催办一次，过早再催答 429。")
  @ApiResponse(responseCode = "204", description = "已催办")
  @ApiResponse(responseCode = "429", description = "催办过于频繁", content = @io.swagger.v3.oas.annotations.media.Content(
      mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = cn.gov.reform.web.ApiProblem.class)))
  @ProblemResponses.Forbidden
  @ProblemResponses.NotFound
  @PostMapping("/tasks/{taskId}/urge")
  ResponseEntity<Void> urge(@Parameter(description = "任务 id") @PathVariable String taskId, @RequestBody(required = false) Reason body) {
    operations.urge(taskId, body == null ? null : body.reason(), caller.jurisdiction());
    return ResponseEntity.noContent().build();
  }

  @Operation(operationId = "sendBackTask", summary = "退回到指定环节", description = "办理人把事项退回到它实际经过的某个环节（不限于起草），"
      + "该环节的上次办理人重新办理。并行会审中的一方不能单独退回。")
  @ApiResponse(responseCode = "204", description = "已退回")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ProblemResponses.NotFound
  @PostMapping("/tasks/{taskId}/send-back")
  ResponseEntity<Void> sendBack(@Parameter(description = "任务 id") @PathVariable String taskId, @RequestBody SendBack body) {
    operations.sendBack(taskId, body.stage(), body.reason(), caller.jurisdiction());
    return ResponseEntity.noContent().build();
  }

  @Operation(operationId = "recall", summary = "撤回", description = "最近一个环节的办理人在下一环节尚未认领、尚未办理时收回自己的办理，"
      + "任务回到自己手中。下一环节已认领或已办理时答 409。")
  @ApiResponse(responseCode = "204", description = "已撤回")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ProblemResponses.NotFound
  @PostMapping("/records/{processKey}/{businessKey}/recall")
  ResponseEntity<Void> recall(@Parameter(description = "流程定义 key", example = "reformPlanApproval") @PathVariable String processKey,
      @Parameter(description = "事项编号（业务键）") @PathVariable String businessKey, @RequestBody Reason body) {
    operations.recall(processKey, businessKey, body.reason(), caller.jurisdiction());
    return ResponseEntity.noContent().build();
  }

  @Schema(description = "抄送给调用者的事项")
  record ReceivedCopy(@Schema(description = "审批事项") Subject subject, @Schema(description = "抄送人") String sentBy,
      @Schema(description = "抄送时间") java.time.Instant at, @Schema(description = "说明", nullable = true) String reason) {}

  @Operation(operationId = "myCopies", summary = "抄送我的", description = "抄送给调用者的事项，最新的在前。")
  @ApiResponse(responseCode = "200", description = "抄送给调用者的事项")
  @ProblemResponses.BadInput
  @GetMapping("/copies")
  List<ReceivedCopy> received(@Parameter(description = "页码，从0开始") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "每页条数（1—100）") @RequestParam(defaultValue = "20") int size) {
    if (page < 0 || page > 100_000) {
      throw new OperationInputException("page", "应为0—100000");
    }
    if (size < 1 || size > 100) {
      throw new OperationInputException("size", "应为1—100");
    }
    var who = caller.jurisdiction();
    List<Copies.Copy> mine = copies.receivedBy(who.userId(), page, size);
    var display = names.of(mine.stream().map(Copies.Copy::sentBy).toList());
    return mine.stream().map(c -> procedures.visible(c.subjectType(), c.subjectId(), who)
        .map(s -> new ReceivedCopy(s, display.get(c.sentBy()), c.at(), c.reason())).orElse(null))
        .filter(java.util.Objects::nonNull).toList();
  }
}
