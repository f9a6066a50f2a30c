package cn.gov.reform.plan;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
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

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.VersionDiff;
import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.web.ApiProblem;
import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.ProblemResponses;

/** The domain API (README "Domain API"). */
@RestController
@RequestMapping("/api")
@Tag(name = "方案", description = "乡镇改革方案的创建、查询、修订和政策校验")
class PlanController {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PlanController.class);

  /** The README's example plan: 磁窑镇 (宁阳县) as a developed town. */
  static final String EXAMPLE_PLAN = """
      {"title": "关于深化磁窑镇行政管理体制改革方案", "planType": "DEVELOPED_TOWN", "countyCode": "370921",
       "deadline": "2027-03-31",
       "townships": [{"code": "370921109", "name": "磁窑镇", "kind": "TOWN", "category": null, "builtUpPopulation": 85000,
                      "bodies": [{"name": "党政办公室", "staff": 8}], "institutions": [{"name": "便民服务中心", "staff": 20}],
                      "administrativeStaff": 50, "institutionalStaff": 178,
                      "leadershipPositions": 9, "currentLeadershipPositions": 9}]}
      """;

  static final int MAX_PAGE_SIZE = 200;
  static final int MAX_IDEMPOTENCY_KEY = 200;

  private final PlanService service;
  private final PlanVersions versions;
  private final CurrentCaller caller;

  PlanController(PlanService service, PlanVersions versions, CurrentCaller caller) {
    this.service = service;
    this.versions = versions;
    this.caller = caller;
  }

  @Operation(operationId = "createPlan", summary = "创建方案并启动审批", description = "县级起草人员（drafter+县代码）提交方案：保存为第1版，启动审批流程，"
      + "随即进行政策校验（有错误的方案退回县里修改）。同一 Idempotency-Key 再次提交返回第一次的结果，不会重复创建。",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "方案内容", required = true,
          content = @Content(schema = @Schema(implementation = PlanRequest.class),
              examples = @ExampleObject(name = "磁窑镇", summary = "宁阳县磁窑镇经济发达镇方案", value = EXAMPLE_PLAN))))
  @ApiResponse(responseCode = "201", description = "已创建并启动审批；Location 为方案地址",
      headers = {@Header(name = "Location", description = "新方案的地址", schema = @Schema(type = "string")),
          @Header(name = "Idempotent-Replayed", description = "true 表示按 Idempotency-Key 返回了先前的结果",
              schema = @Schema(type = "boolean"))})
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ApiResponse(responseCode = "409", description = "Idempotency-Key 已用于内容不同的另一个方案", content = @Content(
      mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @PostMapping("/plans")
  ResponseEntity<PlanView> create(@RequestBody PlanRequest request,
      @Parameter(description = "幂等键（1—200个字符）：同一键再次提交返回第一次的结果", example = "ningyang-2026-0001")
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
      throw new PlanInputException("Idempotency-Key", "长度应为1—" + MAX_IDEMPOTENCY_KEY + "个字符");
    }
    cn.gov.reform.identity.Jurisdiction who = caller.jurisdiction();
    PlanService.Created created = service.create(request, idempotencyKey, who);
    PlanLogContext.plan(created.plan().id(), created.plan().processInstanceId());
    LOG.info("plan {} {} by {}", created.plan().id(), created.replayed() ? "replayed for Idempotency-Key" : "created",
        who.userId());
    return ResponseEntity.created(URI.create("/api/plans/" + created.plan().id()))
        .header("Idempotent-Replayed", String.valueOf(created.replayed()))
        .body(created.plan());
  }

  @Operation(operationId = "getPlan", summary = "查询方案", description = "方案的状态、当前待办环节、版本、政策校验结果、期限和完整审批记录。"
      + "县级只能看本县的方案，市级看所辖县的，省级看本省的；看不到的方案按不存在处理（404）。")
  @ApiResponse(responseCode = "200", description = "方案")
  @ProblemResponses.NotFound
  @GetMapping("/plans/{id}")
  PlanView get(@Parameter(description = "方案编号") @PathVariable String id) {
    return service.get(id, caller.jurisdiction());
  }

  @Operation(operationId = "revisePlan", summary = "修订方案", description = "方案退回县里（待办环节 draftPlan）时，由本县起草人员提交修订：保存为新版本，"
      + "旧版本保留。提交审核仍在 Tasklist 或 engine REST 完成 draftPlan 任务。",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "修订后的方案内容", required = true,
          content = @Content(schema = @Schema(implementation = PlanRequest.class),
              examples = @ExampleObject(name = "磁窑镇", summary = "宁阳县磁窑镇经济发达镇方案", value = EXAMPLE_PLAN))))
  @ApiResponse(responseCode = "200", description = "修订后的方案")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ProblemResponses.NotFound
  @ApiResponse(responseCode = "409", description = "方案不在县里起草或修改环节，不能修订", content = @Content(
      mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @PutMapping("/plans/{id}")
  PlanView revise(@Parameter(description = "方案编号") @PathVariable String id, @RequestBody PlanRequest request) {
    PlanView revised = service.revise(id, request, caller.jurisdiction());
    PlanLogContext.plan(revised.id(), revised.processInstanceId());
    LOG.info("plan {} revised to version {}", revised.id(), revised.version());
    return revised;
  }

  @Operation(operationId = "listPlanVersions", summary = "查询方案的各个版本", description = "方案提交和每次修订保存的版本，从第1版起："
      + "版本号、乡镇（街道）个数、提交人和提交时间。可见范围与查询方案相同。")
  @ApiResponse(responseCode = "200", description = "各个版本，旧版本在前")
  @ProblemResponses.NotFound
  @GetMapping("/plans/{id}/versions")
  List<PlanVersions.Summary> versions(@Parameter(description = "方案编号") @PathVariable String id) {
    return versions.list(id, caller.jurisdiction());
  }

  @Operation(operationId = "diffPlanVersions", summary = "比较方案的两个版本", description = "从 from 版到 to 版的变化：方案标题、类型和期限，"
      + "新增或删除的乡镇（街道）（按代码对应），各乡镇（街道）的名称、类型、类别、人口、编制和领导职数，新增、删除或调整编制的党政工作机构"
      + "和事业单位（按名称对应，改名即删除旧的、新增新的）。每处变化既有数据（kind、scope、path、before、after），也有一句说明（text），"
      + "与审核人员在表单中看到的相同。同一版本比较没有变化。可见范围与查询方案相同。")
  @ApiResponse(responseCode = "200", description = "两个版本之间的变化")
  @ProblemResponses.BadInput
  @ProblemResponses.NotFound
  @GetMapping("/plans/{id}/versions/{from}/diff/{to}")
  VersionDiff diff(@Parameter(description = "方案编号") @PathVariable String id,
      @Parameter(description = "比较的起点版本（正整数）", example = "1") @PathVariable int from,
      @Parameter(description = "比较的终点版本（正整数）", example = "2") @PathVariable int to) {
    return versions.diff(id, from, to, caller.jurisdiction());
  }

  @Schema(description = "列表中的一个方案")
  record PlanSummary(
      @Schema(description = "方案编号") String id,
      @Schema(description = "方案标题", example = "关于深化磁窑镇行政管理体制改革方案") String title,
      @Schema(description = "方案类型：TOWNSHIP 乡镇（街道）改革方案，DEVELOPED_TOWN 经济发达镇改革方案") PlanRequest.PlanType planType,
      @Schema(description = "县（市、区）代码", example = "370921") String countyCode,
      @Schema(description = "市（州）代码", example = "370900") String cityCode,
      @Schema(description = "省级行政区代码", example = "370000") String provinceCode,
      @Schema(description = "状态：DRAFT 起草中，IN_REVIEW 审核中，APPROVED 已批准，FILED 已备案，REJECTED 不予批准，WITHDRAWN 已撤回")
      PlanStatus status,
      @Schema(description = "当前版本号", example = "1") int version,
      @Schema(description = "办结期限（ISO 日期）", example = "2027-03-31", nullable = true) java.time.LocalDate deadline,
      @Schema(description = "是否已逾期", example = "false") boolean overdue,
      @Schema(description = "省编办备案编号（已备案时）", example = "鲁编备〔2026〕7号", nullable = true) String filingNumber,
      @Schema(description = "创建时间（北京时间，带时区）") java.time.Instant createdAt,
      @Schema(description = "最后更新时间（北京时间，带时区）") java.time.Instant updatedAt) {

    static PlanSummary of(Plan p) {
      return new PlanSummary(p.id(), p.title(), p.planType(), p.countyCode(), p.cityCode(), p.provinceCode(),
          p.status(), p.currentVersion(), p.deadline(), p.overdue(), p.filingNumber(), p.createdAt(), p.updatedAt());
    }
  }

  @Schema(description = "一页方案")
  record PlanPage(
      @Schema(description = "本页的方案") List<PlanSummary> items,
      @Schema(description = "页码（从0开始）", example = "0") int page,
      @Schema(description = "每页条数", example = "20") int size,
      @Schema(description = "符合条件的方案总数", example = "1") long total) {}

  @Operation(operationId = "listPlans", summary = "查询方案列表", description = "分页列出调用者可见的方案（县级：本县；市级：所辖各县；省级：本省；管理员：全部），"
      + "可按地区、状态和是否逾期筛选。")
  @ApiResponse(responseCode = "200", description = "一页方案")
  @ProblemResponses.BadInput
  @GetMapping("/plans")
  PlanPage list(
      @Parameter(description = "县（市、区）6位代码", example = "370921") @RequestParam(required = false) String countyCode,
      @Parameter(description = "市（州）6位代码", example = "370900") @RequestParam(required = false) String cityCode,
      @Parameter(description = "省级行政区6位代码", example = "370000") @RequestParam(required = false) String provinceCode,
      @Parameter(description = "状态") @RequestParam(required = false) PlanStatus status,
      @Parameter(description = "true 只列逾期方案，false 只列未逾期方案") @RequestParam(required = false) Boolean overdue,
      @Parameter(description = "页码，从0开始（0—100000）") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "每页条数（1—" + MAX_PAGE_SIZE + "）") @RequestParam(defaultValue = "20") int size) {
    if (page < 0 || page > 100_000) {
      throw new PlanInputException("page", "应为0—100000");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new PlanInputException("size", "应为1—" + MAX_PAGE_SIZE);
    }
    List<FieldError> errors = new java.util.ArrayList<>();
    code(errors, "countyCode", countyCode);
    code(errors, "cityCode", cityCode);
    code(errors, "provinceCode", provinceCode);
    if (!errors.isEmpty()) {
      throw new PlanInputException(errors);
    }
    PlanRepository.Page result = service.list(new PlanRepository.Filter(countyCode, cityCode, provinceCode, status, overdue),
        caller.jurisdiction(), page, size);
    return new PlanPage(result.items().stream().map(PlanSummary::of).toList(), page, size, result.total());
  }

  @Schema(description = "政策校验结果")
  record Validation(
      @Schema(description = "没有错误（ERROR）即为 true；提示（WARNING）不影响", example = "false") boolean valid,
      @Schema(description = "校验结果，错误在前") List<Finding> findings) {}

  @Operation(operationId = "validatePlan", summary = "按政策限额校验方案", description = "用与审批流程相同的规则校验方案内容，返回校验结果，不保存任何数据。",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "待校验的方案内容（与创建方案相同）",
          required = true, content = @Content(schema = @Schema(implementation = PlanRequest.class),
              examples = @ExampleObject(name = "磁窑镇", summary = "宁阳县磁窑镇经济发达镇方案", value = EXAMPLE_PLAN))))
  @ApiResponse(responseCode = "200", description = "校验结果")
  @ProblemResponses.BadInput
  @PostMapping("/policy/validate")
  Validation validate(@RequestBody PlanRequest request) {
    caller.jurisdiction();
    List<Finding> findings = service.check(request);
    return new Validation(findings.stream().noneMatch(f -> f.severity() == Finding.Severity.ERROR), findings);
  }

  private static void code(List<FieldError> errors, String field, String value) {
    if (value != null && !value.matches("[0-9]{6}")) {
      errors.add(new FieldError(field, "应为6位行政区划代码"));
    }
  }
}
