package cn.gov.reform.assessment;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.web.ApiProblem;
import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.Paging;
import cn.gov.reform.web.ProblemResponses;

/** Assessment items over {@code /api} (README "职责准入与考核事项"): requests created, read, listed and revised within the caller's region. */
@RestController
@Tag(name = "考核事项", description = "县直部门对乡镇设置一票否决、直接考核或评比达标/示范创建：县委县政府审批，山东的一票否决再报省委省政府批准")
class AssessmentController {

  static final String EXAMPLE = """
      {"title": "农村人居环境整治一票否决", "countyCode": "370921", "department": "宁阳县住房和城乡建设局", "kind": "VETO",
       "townshipCodes": ["370921109"], "items": [{"dutyId": "<磁窑镇职责清单中的职责编号>", "indicator": "村庄清洁行动未达标的，年度考核不得评为优秀"}],
       "reason": "落实农村人居环境整治三年行动方案",
       "basis": {"name": "农村人居环境整治三年行动方案", "number": "中办发〔2018〕5号", "issuer": "CENTRAL"}}
      """;
  static final int MAX_PAGE_SIZE = 200;

  private final AssessmentService service;
  private final CurrentCaller caller;

  AssessmentController(AssessmentService service, CurrentCaller caller) {
    this.service = service;
    this.caller = caller;
  }

  @Operation(operationId = "createAssessmentItem", summary = "提交考核事项申请", description = "县直部门（countydept+县代码）申请对本县乡镇设置考核事项："
      + "一票否决须引用党中央、国务院或省委、省政府的明确规定（名称、文号、发文机关）；直接考核按一事一报，每次1项；每项考核事项所考核的职责须在每个所涉乡镇的"
      + "职责清单中。不符合的申请不予受理（400，写明字段和依据），不保存。受理后报县委、县政府审批，山东的一票否决再报省委、省政府批准。"
      + "同一 Idempotency-Key 再次提交返回第一次的结果。",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "申请内容", required = true,
          content = @Content(schema = @Schema(implementation = AssessmentRequest.class),
              examples = @ExampleObject(name = "一票否决", summary = "宁阳县住建局：磁窑镇农村人居环境整治一票否决", value = EXAMPLE))))
  @ApiResponse(responseCode = "201", description = "已受理并报县委、县政府审批；Location 为申请地址",
      headers = {@Header(name = "Location", description = "申请的地址", schema = @Schema(type = "string")),
          @Header(name = "Idempotent-Replayed", description = "true 表示按 Idempotency-Key 返回了先前的结果", schema = @Schema(type = "boolean"))})
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ApiResponse(responseCode = "409", description = "Idempotency-Key 已用于内容不同的请求",
      content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @PostMapping("/api/assessment-items")
  ResponseEntity<AssessmentView> create(@RequestBody AssessmentRequest request,
      @Parameter(description = "幂等键（1—200个字符）：同一键再次提交返回第一次的结果", example = "ningyangdept-assess-0001")
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw new AssessmentInputException("Idempotency-Key", "长度应为1—200个字符");
    }
    AssessmentService.Created created = service.create(request, idempotencyKey, caller.jurisdiction());
    return ResponseEntity.created(URI.create("/api/assessment-items/" + created.item().id()))
        .header("Idempotent-Replayed", String.valueOf(created.replayed())).body(created.item());
  }

  @Operation(operationId = "getAssessmentItem", summary = "查询考核事项申请", description = "申请的状态、当前待办环节、内容、审批路径和完整审批记录。"
      + "县级看本县的，市级看所辖县的，省级看本省的，乡镇党委看涉及本乡镇的；看不到的按不存在处理（404）。")
  @ApiResponse(responseCode = "200", description = "申请")
  @ApiResponse(responseCode = "404", description = "申请不存在，或不在调用者的辖区内（其存在与否不公开）",
      content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @GetMapping("/api/assessment-items/{id}")
  AssessmentView get(@Parameter(description = "申请编号") @PathVariable String id) {
    return service.get(id, caller.jurisdiction());
  }

  @Operation(operationId = "reviseAssessmentItem", summary = "修改考核事项申请", description = "申请退回申请部门（待办环节 reviseAssessmentItem）时，由本县"
      + "县直部门提交修改：保存为新一稿，旧稿保留；所属县、申请部门和类别不能改。修改同样须符合规则。重新提交在 Tasklist 或 engine REST 完成该任务。",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "修改后的申请内容", required = true,
          content = @Content(schema = @Schema(implementation = AssessmentRequest.class))))
  @ApiResponse(responseCode = "200", description = "修改后的申请")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ApiResponse(responseCode = "409", description = "申请不在退回修改环节，不能修改", content = @Content(
      mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @PutMapping("/api/assessment-items/{id}")
  AssessmentView revise(@Parameter(description = "申请编号") @PathVariable String id, @RequestBody AssessmentRequest request) {
    return service.revise(id, request, caller.jurisdiction());
  }

  @Schema(description = "列表中的一个考核事项申请")
  record AssessmentSummary(
      @Schema(description = "申请编号") String id,
      @Schema(description = "考核事项名称") String title,
      @Schema(description = "申请的县直部门") String department,
      @Schema(description = "类别") AssessmentKind kind,
      @Schema(description = "类别名称") String kindLabel,
      @Schema(description = "所在地区") String region,
      @Schema(description = "状态") AssessmentStatus status,
      @Schema(description = "状态名称") String statusLabel,
      @Schema(description = "当前稿次") int version,
      @Schema(description = "当前审批环节是否已超过时限") boolean overdue,
      @Schema(description = "最后更新时间") Instant updatedAt) {

    static AssessmentSummary of(AssessmentItem a) {
      return new AssessmentSummary(a.id(), a.title(), a.department(), a.kind(), a.kind().label(), a.regionName(), a.status(),
          a.status().label(), a.currentVersion(), a.overdueSince() != null, a.updatedAt());
    }
  }

  @Schema(description = "一页考核事项申请")
  record AssessmentPage(@Schema(description = "本页的考核事项申请") List<AssessmentSummary> items,
      @Schema(description = "页码，从 0 开始", example = "0") int page,
      @Schema(description = "每页条数", example = "20") int size,
      @Schema(description = "符合条件的申请总数", example = "2") long total) {}

  @Operation(operationId = "listAssessmentItems", summary = "查询考核事项申请列表", description = "分页列出调用者可见的申请（县级：本县；市级：所辖各县；"
      + "省级：本省；乡镇党委：涉及本乡镇的；管理员：全部），最近更新的在前，可按县、乡镇、类别、状态和是否逾期筛选。")
  @ApiResponse(responseCode = "200", description = "一页申请")
  @ProblemResponses.BadInput
  @GetMapping("/api/assessment-items")
  AssessmentPage list(
      @Parameter(description = "县（市、区）6位代码", example = "370921") @RequestParam(required = false) String countyCode,
      @Parameter(description = "涉及的乡镇（街道）9位代码", example = "370921109") @RequestParam(required = false) String townshipCode,
      @Parameter(description = "类别") @RequestParam(required = false) AssessmentKind kind,
      @Parameter(description = "状态") @RequestParam(required = false) AssessmentStatus status,
      @Parameter(description = "true 只列当前审批环节已超过时限的") @RequestParam(required = false) Boolean overdue,
      @Parameter(description = "页码，从0开始（0—100000）") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "每页条数（1—" + MAX_PAGE_SIZE + "）") @RequestParam(defaultValue = "20") int size) {
    List<FieldError> errors = Paging.errors(page, size, MAX_PAGE_SIZE);
    if (countyCode != null && !countyCode.matches("[0-9]{6}")) {
      errors.add(new FieldError("countyCode", "应为6位行政区划代码"));
    }
    if (townshipCode != null && !townshipCode.matches("[0-9]{9}")) {
      errors.add(new FieldError("townshipCode", "应为9位乡镇（街道）代码"));
    }
    if (!errors.isEmpty()) {
      throw new AssessmentInputException(errors);
    }
    AssessmentRepository.Page result = service.list(new AssessmentRepository.Filter(countyCode, townshipCode,
        status == null ? null : Set.of(status), kind, overdue), caller.jurisdiction(), page, size);
    return new AssessmentPage(result.items().stream().map(AssessmentSummary::of).toList(), page, size, result.total());
  }
}
