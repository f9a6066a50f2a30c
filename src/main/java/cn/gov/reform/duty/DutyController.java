package cn.gov.reform.duty;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
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
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.ApiProblem;
import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.Paging;
import cn.gov.reform.web.ProblemResponses;

/**
 * Duty access over {@code /api} (README "职责准入与考核事项"): requests created, read, listed and revised within the caller's
 * region, and each township's list of accepted duties.
 */
@RestController
@Tag(name = "职责准入", description = "县直部门将行政事务交由乡镇承担：征求乡镇意见、县委县政府审批，批准后列入乡镇职责清单")
class DutyController {

  static final String EXAMPLE = """
      {"title": "农村危房改造摸底排查", "countyCode": "370921", "department": "宁阳县住房和城乡建设局",
       "townshipCodes": ["370921109", "370921110"], "goal": "2027年6月底前完成磁窑镇、华丰镇农村危房摸底排查",
       "content": "逐户排查农村住房安全状况，建立危房台账", "authority": "入户排查、登记和初步认定；鉴定由县住建局负责",
       "division": "县住建局制定标准、组织鉴定；乡镇组织入户排查、登记", "deadline": "2027-06-30",
       "staff": "县住建局派2名技术人员驻镇指导", "funds": "县财政安排工作经费每镇3万元", "training": "开展业务培训2次",
       "forms": [], "basis": null}
      """;
  static final int MAX_PAGE_SIZE = 200;

  private final DutyService service;
  private final DutyRepository duties;
  private final CurrentCaller caller;
  private final RegionDirectory regions;

  DutyController(DutyService service, DutyRepository duties, CurrentCaller caller, RegionDirectory regions) {
    this.service = service;
    this.duties = duties;
    this.caller = caller;
    this.regions = regions;
  }

  @Operation(operationId = "createDutyRequest", summary = "提交职责准入申请", description = "县直部门（countydept+县代码）申请将行政事务交由本县乡镇承担："
      + "须写明工作目标、内容、权限、分工、期限，落实人员、经费和业务培训；以签订责任状、分解下达指标或考核验收等形式要求乡镇承担的，须引用明确要求它的"
      + "党中央、国务院或省委、省政府文件（名称、文号）。不符合的申请不予受理（400，写明缺少什么和依据），不保存。受理后征求各乡镇意见，再报县委、县政府审批。"
      + "同一 Idempotency-Key 再次提交返回第一次的结果。",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "申请内容", required = true,
          content = @Content(schema = @Schema(implementation = DutyRequest.class),
              examples = @ExampleObject(name = "农村危房改造", summary = "宁阳县住建局：磁窑镇、华丰镇农村危房摸底排查", value = EXAMPLE))))
  @ApiResponse(responseCode = "201", description = "已受理并开始征求乡镇意见；Location 为申请地址",
      headers = {@Header(name = "Location", description = "申请的地址", schema = @Schema(type = "string")),
          @Header(name = "Idempotent-Replayed", description = "true 表示按 Idempotency-Key 返回了先前的结果", schema = @Schema(type = "boolean"))})
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ApiResponse(responseCode = "409", description = "Idempotency-Key 已用于内容不同的请求",
      content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @PostMapping("/api/duty-requests")
  ResponseEntity<DutyView> create(@RequestBody DutyRequest request,
      @Parameter(description = "幂等键（1—200个字符）：同一键再次提交返回第一次的结果", example = "ningyangdept-duty-0001")
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw new DutyInputException("Idempotency-Key", "长度应为1—200个字符");
    }
    DutyService.Created created = service.create(request, idempotencyKey, caller.jurisdiction());
    return ResponseEntity.created(URI.create("/api/duty-requests/" + created.duty().id()))
        .header("Idempotent-Replayed", String.valueOf(created.replayed())).body(created.duty());
  }

  @Operation(operationId = "getDutyRequest", summary = "查询职责准入申请", description = "申请的状态、当前待办环节、内容、各乡镇意见、提请审批注意的事项"
      + "和完整审批记录。县级看本县的，市级看所辖县的，省级看本省的，乡镇党委看涉及本乡镇的；看不到的按不存在处理（404）。")
  @ApiResponse(responseCode = "200", description = "申请")
  @NotFound
  @GetMapping("/api/duty-requests/{id}")
  DutyView get(@Parameter(description = "申请编号") @PathVariable String id) {
    return service.get(id, caller.jurisdiction());
  }

  @Operation(operationId = "reviseDutyRequest", summary = "修改职责准入申请", description = "申请退回申请部门（待办环节 reviseDutyRequest）时，由本县县直部门"
      + "提交修改：保存为新一稿，旧稿保留；所属县和申请部门不能改，涉及的乡镇可以改。修改同样须符合准入规则。重新提交仍在 Tasklist 或 engine REST 完成该任务。",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "修改后的申请内容", required = true,
          content = @Content(schema = @Schema(implementation = DutyRequest.class),
              examples = @ExampleObject(name = "农村危房改造", summary = "宁阳县住建局：农村危房摸底排查", value = EXAMPLE))))
  @ApiResponse(responseCode = "200", description = "修改后的申请")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @NotFound
  @ApiResponse(responseCode = "409", description = "申请不在退回修改环节，不能修改", content = @Content(
      mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @PutMapping("/api/duty-requests/{id}")
  DutyView revise(@Parameter(description = "申请编号") @PathVariable String id, @RequestBody DutyRequest request) {
    return service.revise(id, request, caller.jurisdiction());
  }

  @Schema(description = "列表中的一个职责准入申请")
  record DutySummary(
      @Schema(description = "申请编号") String id,
      @Schema(description = "事项名称", example = "农村危房改造摸底排查") String title,
      @Schema(description = "申请的县直部门", example = "宁阳县住房和城乡建设局") String department,
      @Schema(description = "所在地区", example = "山东省 · 泰安市 · 宁阳县") String region,
      @Schema(description = "状态") DutyStatus status,
      @Schema(description = "状态名称", example = "征求乡镇意见") String statusLabel,
      @Schema(description = "当前稿次", example = "1") int version,
      @Schema(description = "县委、县政府审批是否已超过时限", example = "false") boolean overdue,
      @Schema(description = "最后更新时间（北京时间，带时区）") Instant updatedAt) {

    static DutySummary of(Duty d) {
      return new DutySummary(d.id(), d.title(), d.department(), d.regionName(), d.status(), d.status().label(), d.currentVersion(),
          d.overdueSince() != null, d.updatedAt());
    }
  }

  @Schema(description = "一页职责准入申请")
  record DutyPage(
      @Schema(description = "本页的申请") List<DutySummary> items,
      @Schema(description = "页码（从0开始）", example = "0") int page,
      @Schema(description = "每页条数", example = "20") int size,
      @Schema(description = "符合条件的申请总数", example = "1") long total) {}

  @Operation(operationId = "listDutyRequests", summary = "查询职责准入申请列表", description = "分页列出调用者可见的申请（县级：本县；市级：所辖各县；"
      + "省级：本省；乡镇党委：涉及本乡镇的；管理员：全部），最近更新的在前，可按县、乡镇、状态和是否逾期筛选。")
  @ApiResponse(responseCode = "200", description = "一页申请")
  @ProblemResponses.BadInput
  @GetMapping("/api/duty-requests")
  DutyPage list(
      @Parameter(description = "县（市、区）6位代码", example = "370921") @RequestParam(required = false) String countyCode,
      @Parameter(description = "涉及的乡镇（街道）9位代码", example = "370921109") @RequestParam(required = false) String townshipCode,
      @Parameter(description = "状态") @RequestParam(required = false) DutyStatus status,
      @Parameter(description = "true 只列县委、县政府审批已超过时限的") @RequestParam(required = false) Boolean overdue,
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
      throw new DutyInputException(errors);
    }
    DutyRepository.Page result = service.list(new DutyRepository.Filter(countyCode, townshipCode,
        status == null ? null : Set.of(status), overdue), caller.jurisdiction(), page, size);
    return new DutyPage(result.items().stream().map(DutySummary::of).toList(), page, size, result.total());
  }

  @Schema(description = "乡镇职责清单中的一项职责")
  record ListedDuty(
      @Schema(description = "职责编号（职责准入申请的编号）") String id,
      @Schema(description = "职责名称", example = "农村危房改造摸底排查") String title,
      @Schema(description = "交办的县直部门", example = "宁阳县住房和城乡建设局") String department,
      @Schema(description = "工作目标") String goal,
      @Schema(description = "工作内容") String content,
      @Schema(description = "乡镇的权限") String authority,
      @Schema(description = "分工") String division,
      @Schema(description = "工作期限", example = "2027-06-30") LocalDate deadline,
      @Schema(description = "落实的人员") String staff,
      @Schema(description = "落实的经费") String funds,
      @Schema(description = "业务培训") String training,
      @Schema(description = "批准时间（北京时间，带时区）") Instant approvedAt) {}

  @Schema(description = "一个乡镇的职责清单：经县委、县政府批准交由该乡镇承担的事务")
  record TownshipDutyList(
      @Schema(description = "乡镇（街道）代码", example = "370921109") String townshipCode,
      @Schema(description = "乡镇（街道）名称", example = "磁窑镇") String townshipName,
      @Schema(description = "所在地区", example = "山东省 · 泰安市 · 宁阳县") String region,
      @Schema(description = "清单中的职责，最近批准的在前") List<ListedDuty> duties) {}

  @Operation(operationId = "getTownshipDuties", summary = "查询乡镇职责清单", description = "经职责准入审批、由县委县政府批准交由该乡镇承担的职责"
      + "（考核事项只能针对清单中的职责）。该乡镇所在县、市、省的人员和该乡镇党委可查看；其他人按不存在处理（404）。")
  @ApiResponse(responseCode = "200", description = "乡镇职责清单")
  @ProblemResponses.BadInput
  @NotFound
  @GetMapping("/api/townships/{code}/duties")
  TownshipDutyList townshipDuties(@Parameter(description = "乡镇（街道）9位代码", example = "370921109") @PathVariable String code) {
    if (!code.matches("[0-9]{9}")) {
      throw new DutyInputException("code", "应为9位乡镇（街道）代码");
    }
    String county = regions.countyOfTownship(code).orElse(null);
    RegionDirectory.Region region = county == null ? null : regions.county(county).orElse(null);
    Jurisdiction who = caller.jurisdiction();
    if (region == null || !who.canSeeTownship(List.of(code), region.code(), region.cityCode(), region.provinceCode())) {
      throw ApiException.notFound("乡镇不存在", "乡镇（街道）" + code + " 不存在或无权查看其职责清单");
    }
    List<ListedDuty> list = duties.accepted(code).stream().map(d -> {
      DutyRequest r = service.content(d);
      return new ListedDuty(d.id(), d.title(), d.department(), r.goal(), r.content(), r.authority(), r.division(), r.deadline(),
          r.staff(), r.funds(), r.training(), d.approvedAt());
    }).toList();
    return new TownshipDutyList(code, regions.townshipName(code).orElse(code), regions.describeCounty(county), list);
  }

  /** 404 in the duty request's words. */
  @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @ApiResponse(responseCode = "404", description = "申请或乡镇不存在，或不在调用者的辖区内（其存在与否不公开）",
      content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @interface NotFound {}
}
