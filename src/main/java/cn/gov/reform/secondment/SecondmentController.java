package cn.gov.reform.secondment;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.web.ApiProblem;
import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.Paging;
import cn.gov.reform.web.ProblemResponses;
import cn.gov.reform.web.Problems;

/** The secondments over {@code /api} (README "借调"): create, read, list and the findings, within the caller's region or township. */
@RestController
@RequestMapping("/api/secondments")
@Tag(name = "借调", description = "上级机关借调乡镇工作人员：申请、乡镇党委同意、组织（人社）部门批准、县委县政府同意，期满返回乡镇")
class SecondmentController {

  static final String EXAMPLE = """
      {"personId": "370921199001011234", "personName": "张明", "townshipCode": "370921109", "startedInTownship": "2020-07-01",
       "requestingBody": "宁阳县发展和改革局", "reason": "重点项目集中攻坚，需熟悉园区企业情况的人员协助",
       "startDate": "2027-03-01", "endDate": "2027-08-31", "specialJustification": null}
      """;
  static final int MAX_PAGE_SIZE = 200;
  static final int MAX_IDEMPOTENCY_KEY = 200;

  private final SecondmentService service;
  private final CurrentCaller caller;

  SecondmentController(SecondmentService service, CurrentCaller caller) {
    this.service = service;
    this.caller = caller;
  }

  /** A request the rules forbid: 400 with each ERROR as a field and every finding with its clause. */
  @ExceptionHandler(SecondmentRefusedException.class)
  ResponseEntity<ProblemDetail> refused(SecondmentRefusedException e) {
    ProblemDetail p = Problems.detail(HttpStatus.BAD_REQUEST, e.problemTitle(), e.getMessage().substring(e.problemTitle().length() + 1),
        e.errors());
    p.setProperty("findings", e.findings());
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }

  @Operation(operationId = "createSecondment", summary = "提出借调申请并启动审批", description = "借调申请单位（requester+县代码）申请借调"
      + "本县乡镇的工作人员：先按借调规则（决策表 secondmentRules）校验，在乡镇工作不满2年、或借调期限（连同此前连续借调的月数）超过6个月"
      + "而未附书面特殊理由的，不予受理（400，findings 中列明规则和出处，不保存）；超过6个月而附有理由的作为提示随申请流转。受理后按审批链"
      + "（决策表 secondmentRoute）依次审批。同一 Idempotency-Key 再次提交返回第一次的结果。",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "借调申请", required = true,
          content = @Content(schema = @Schema(implementation = SecondmentRequest.class),
              examples = @ExampleObject(name = "磁窑镇", summary = "宁阳县发展和改革局借调磁窑镇工作人员", value = EXAMPLE))))
  @ApiResponse(responseCode = "201", description = "已受理并启动审批；Location 为申请地址",
      headers = {@Header(name = "Location", description = "申请的地址", schema = @Schema(type = "string")),
          @Header(name = "Idempotent-Replayed", description = "true 表示按 Idempotency-Key 返回了先前的结果",
              schema = @Schema(type = "boolean"))})
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ApiResponse(responseCode = "409", description = "Idempotency-Key 已用于内容不同的请求",
      content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @PostMapping
  ResponseEntity<SecondmentView> create(@RequestBody SecondmentRequest request,
      @Parameter(description = "幂等键（1—200个字符）：同一键再次提交返回第一次的结果", example = "ningyang-secondment-0001")
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
      throw new SecondmentInputException("Idempotency-Key", "长度应为1—" + MAX_IDEMPOTENCY_KEY + "个字符");
    }
    SecondmentService.Created created = service.create(request, idempotencyKey, caller.jurisdiction(), caller.groupIds());
    return ResponseEntity.created(URI.create("/api/secondments/" + created.secondment().id()))
        .header("Idempotent-Replayed", String.valueOf(created.replayed())).body(created.secondment());
  }

  @Operation(operationId = "getSecondment", summary = "查询借调申请", description = "申请内容、状态、当前待办环节、审批链、月数（含延期合计）、"
      + "规则校验结果和完整审批记录。县级只能看本县的，市级看所辖县的，省级看本省的，乡镇党委看本乡镇的；看不到的按不存在处理（404）。")
  @ApiResponse(responseCode = "200", description = "借调申请")
  @NotFound
  @GetMapping("/{id}")
  SecondmentView get(@Parameter(description = "借调申请编号") @PathVariable String id) {
    return service.get(id, caller.jurisdiction());
  }

  @Operation(operationId = "getSecondmentFindings", summary = "借调申请的规则校验结果", description = "当前版本的校验结果：规则编号、"
      + "级别（ERROR 错误，申请退回申请单位；WARNING 提示，各审批环节可见）、说明、出处、实际值和限额。可见范围与查询借调申请相同。")
  @ApiResponse(responseCode = "200", description = "校验结果（没有问题时为空）")
  @NotFound
  @GetMapping("/{id}/findings")
  List<Finding> findings(@Parameter(description = "借调申请编号") @PathVariable String id) {
    return service.findings(service.visible(id, caller.jurisdiction()));
  }

  @Schema(description = "列表中的一条借调申请")
  record SecondmentSummary(
      @Schema(description = "借调申请编号") String id,
      @Schema(description = "被借调人员姓名", example = "张明") String personName,
      @Schema(description = "所在乡镇（街道）代码", example = "370921109") String townshipCode,
      @Schema(description = "所在地区", example = "山东省 · 泰安市 · 宁阳县 · 磁窑镇") String region,
      @Schema(description = "借调单位", example = "宁阳县发展和改革局") String requestingBody,
      @Schema(description = "借调开始日期") LocalDate startDate,
      @Schema(description = "借调结束日期") LocalDate endDate,
      @Schema(description = "状态") SecondmentStatus status,
      @Schema(description = "状态名称", example = "审批中") String statusLabel,
      @Schema(description = "最后更新时间（北京时间，带时区）") Instant updatedAt) {

    static SecondmentSummary of(Secondment s) {
      return new SecondmentSummary(s.id(), s.personName(), s.townshipCode(), s.regionName(), s.requestingBody(), s.startDate(),
          s.endDate(), s.status(), s.status().label(), s.updatedAt());
    }
  }

  @Schema(description = "一页借调申请")
  record SecondmentPage(
      @Schema(description = "本页的申请") List<SecondmentSummary> items,
      @Schema(description = "页码（从0开始）", example = "0") int page,
      @Schema(description = "每页条数", example = "20") int size,
      @Schema(description = "符合条件的申请总数", example = "1") long total) {}

  @Operation(operationId = "listSecondments", summary = "查询借调申请列表", description = "分页列出调用者可见的借调申请（县级：本县；市级："
      + "所辖各县；省级：本省；乡镇党委：本乡镇；管理员：全部），最近更新的在前，可按地区、人员和状态筛选。")
  @ApiResponse(responseCode = "200", description = "一页借调申请")
  @ProblemResponses.BadInput
  @GetMapping
  SecondmentPage list(
      @Parameter(description = "乡镇（街道）9位代码", example = "370921109") @RequestParam(required = false) String townshipCode,
      @Parameter(description = "县（市、区）6位代码", example = "370921") @RequestParam(required = false) String countyCode,
      @Parameter(description = "市（州）6位代码", example = "370900") @RequestParam(required = false) String cityCode,
      @Parameter(description = "省级行政区6位代码", example = "370000") @RequestParam(required = false) String provinceCode,
      @Parameter(description = "被借调人员编号") @RequestParam(required = false) String personId,
      @Parameter(description = "状态") @RequestParam(required = false) SecondmentStatus status,
      @Parameter(description = "页码，从0开始（0—100000）") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "每页条数（1—" + MAX_PAGE_SIZE + "）") @RequestParam(defaultValue = "20") int size) {
    List<FieldError> errors = Paging.errors(page, size, MAX_PAGE_SIZE);
    code(errors, "townshipCode", townshipCode, "[0-9]{9}", "应为9位乡镇（街道）代码");
    code(errors, "countyCode", countyCode, "[0-9]{6}", "应为6位行政区划代码");
    code(errors, "cityCode", cityCode, "[0-9]{6}", "应为6位行政区划代码");
    code(errors, "provinceCode", provinceCode, "[0-9]{6}", "应为6位行政区划代码");
    code(errors, "personId", personId, "[0-9A-Za-z]{1,32}", "应为1—32位字母或数字");
    if (!errors.isEmpty()) {
      throw new SecondmentInputException(errors);
    }
    Jurisdiction who = caller.jurisdiction();
    SecondmentRepository.Page result = service.list(new SecondmentRepository.Filter(townshipCode, countyCode, cityCode, provinceCode,
        personId, status == null ? null : Set.of(status)), who, page, size);
    return new SecondmentPage(result.items().stream().map(SecondmentSummary::of).toList(), page, size, result.total());
  }

  private static void code(List<FieldError> errors, String field, String value, String pattern, String message) {
    if (value != null && !value.matches(pattern)) {
      errors.add(new FieldError(field, message));
    }
  }

  /** 404 in the secondment's words. */
  @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @ApiResponse(responseCode = "404", description = "借调申请不存在，或不在调用者的辖区（乡镇）内（其存在与否不公开）",
      content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @interface NotFound {}
}
