package cn.gov.reform.approval;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.InvalidFields;
import cn.gov.reform.web.ProblemResponses;

/**
 * Finished work stays readable (README "审批记录"): the record of any procedure's item, its diagram, and the list of
 * finished (or running) items, for whoever may see them — the region rule of {@link Procedures#visible}; others get
 * 404, as if the item did not exist.
 */
@RestController
@RequestMapping("/api/records")
@Tag(name = "审批记录", description = "已办结和办理中事项的审批记录：流程图上走过的路径、各环节的办理人、时间、决定、意见和用时")
class RecordController {

  static final int MAX_PAGE_SIZE = 100;

  private final ApprovalRecords records;
  private final CurrentCaller caller;

  RecordController(ApprovalRecords records, CurrentCaller caller) {
    this.records = records;
    this.caller = caller;
  }

  @Operation(operationId = "getRecord", summary = "查询一件事项的审批记录", description = "事项、所用流程定义版本、流程图上走过的路径"
      + "（活动、网关、连线，及尚在进行的活动）、各环节的办理人、收到和办理时间、决定、意见和用时（工作日），以及事项自身的内容"
      + "（方案：各版本、当前版本的政策校验结果）。县级只能看本县的，市级看所辖县的，省级看本省的；看不到的按不存在处理（404）。")
  @ApiResponse(responseCode = "200", description = "审批记录")
  @ProblemResponses.NotFound
  @GetMapping("/{processKey}/{businessKey}")
  ApprovalRecord get(@Parameter(description = "流程定义 key", example = "reformPlanApproval") @PathVariable String processKey,
      @Parameter(description = "事项编号（流程实例的业务键，方案即方案编号）") @PathVariable String businessKey) {
    return records.of(processKey, businessKey, caller.jurisdiction()).orElseThrow(() -> notFound(businessKey));
  }

  @Operation(operationId = "getRecordDiagram", summary = "查询事项所用流程图", description = "事项所用流程定义版本的 BPMN 2.0 XML，"
      + "审批记录页据此画出流程图。可见范围同审批记录。")
  @ApiResponse(responseCode = "200", description = "流程图（BPMN 2.0 XML）", content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE,
      schema = @Schema(type = "string", description = "流程图（BPMN 2.0 XML）")))
  @ProblemResponses.NotFound
  @GetMapping("/{processKey}/{businessKey}/diagram")
  ResponseEntity<String> diagram(@Parameter(description = "流程定义 key", example = "reformPlanApproval") @PathVariable String processKey,
      @Parameter(description = "事项编号（流程实例的业务键）") @PathVariable String businessKey) {
    String xml = records.diagram(processKey, businessKey, caller.jurisdiction()).orElseThrow(() -> notFound(businessKey));
    return ResponseEntity.ok().contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8)).body(xml);
  }

  @Operation(operationId = "getRecordOfInstance", summary = "按流程实例查询审批记录", description = "待办任务（Tasklist）和运行监控"
      + "（Cockpit）只知道流程实例：给出流程实例 id，返回其事项的审批记录（同“查询一件事项的审批记录”），可见范围相同。")
  @ApiResponse(responseCode = "200", description = "审批记录")
  @ProblemResponses.NotFound
  @GetMapping(params = "processInstanceId")
  ApprovalRecord ofInstance(@Parameter(description = "流程实例 id", required = true) @RequestParam String processInstanceId) {
    return records.ofInstance(processInstanceId, caller.jurisdiction()).orElseThrow(() -> notFound(processInstanceId));
  }

  @Operation(operationId = "listRecords", summary = "查询已办结（或办理中）的事项", description = "分页列出调用者可见的一种审批事项"
      + "（县级：本县；市级：所辖各县；省级：本省；管理员：全部），默认为已办结的，最近办结的在前；finished=false 列出办理中的。"
      + "每项有标题、地区、状态（办结结果）、开始和办结时间、流程定义版本。")
  @ApiResponse(responseCode = "200", description = "一页事项")
  @ProblemResponses.BadInput
  @ProblemResponses.NotFound
  @GetMapping("/{processKey}")
  ApprovalRecord.Page list(@Parameter(description = "流程定义 key", example = "reformPlanApproval") @PathVariable String processKey,
      @Parameter(description = "true（默认）已办结的，false 办理中的") @RequestParam(defaultValue = "true") boolean finished,
      @Parameter(description = "页码，从0开始（0—100000）") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "每页条数（1—" + MAX_PAGE_SIZE + "）") @RequestParam(defaultValue = "20") int size) {
    if (page < 0 || page > 100_000) {
      throw new BadPage(new FieldError("page", "页码 page 应为0—100000"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new BadPage(new FieldError("size", "每页条数 size 应为1—" + MAX_PAGE_SIZE));
    }
    return records.list(processKey, finished, page, size, caller.jurisdiction())
        .orElseThrow(() -> ApiException.notFound("审批事项不存在", "没有流程定义 key 为 " + processKey + " 的审批事项"));
  }

  /** A page parameter out of range: 400 naming it. */
  static final class BadPage extends RuntimeException implements InvalidFields {

    private final transient FieldError error;

    BadPage(FieldError error) {
      super(error.message());
      this.error = error;
    }

    @Override
    public String problemTitle() {
      return "请求参数有误";
    }

    @Override
    public List<FieldError> errors() {
      return List.of(error);
    }
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("事项不存在", "没有编号为 " + id + " 的事项，或该事项不在您的辖区内");
  }
}
