package cn.gov.reform.catalogue;

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

import cn.gov.reform.approval.VersionDiff;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.web.ApiProblem;
import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.Paging;
import cn.gov.reform.web.ProblemResponses;

/** The power catalogues over {@code /api} (README "权力目录"): create, read, list and revise, within the caller's region. */
@RestController
@RequestMapping("/api/catalogues")
@Tag(name = "放权赋权目录", description = "县级起草乡镇放权赋权目录、合法性审查和审批、查询与修订；公布后公众可查阅")
class CatalogueController {

  /** The README's example: 磁窑镇's concentrated licensing. */
  static final String EXAMPLE = """
      {"title": "宁阳县向磁窑镇赋权事项目录", "townshipCode": "370921109", "townshipType": "DEVELOPED_TOWN",
       "items": [{"name": "城市大型户外广告设置审核", "kind": "LICENSING", "mode": "CONCENTRATED", "department": "宁阳县综合行政执法局",
                  "legalBasis": {"law": "城市市容和环境卫生管理条例", "article": "第十一条"},
                  "guidanceEntry": "山东省向经济发达镇放权指导目录", "reason": null}],
       "takenBack": []}
      """;
  static final int MAX_PAGE_SIZE = 200;
  static final int MAX_IDEMPOTENCY_KEY = 200;

  private final CatalogueService service;
  private final CurrentCaller caller;
  private final WorkingDayCalendar calendar;

  CatalogueController(CatalogueService service, CurrentCaller caller, WorkingDayCalendar calendar) {
    this.service = service;
    this.caller = caller;
    this.calendar = calendar;
  }

  @Operation(operationId = "createCatalogue", summary = "起草目录并启动审批", description = "县级起草人员（drafter+县代码）为本县一个乡镇（街道）"
      + "提交放权赋权目录：保存为第1稿，启动审批流程，随即进行合法性校验（有错误的目录退回县里修改）。该乡镇已有公布的目录时即为调整："
      + "新增、变更的事项须写调整理由，未列入的已公布事项须在 takenBack 中写明收回理由。同一 Idempotency-Key 再次提交返回第一次的结果。",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "目录内容", required = true,
          content = @Content(schema = @Schema(implementation = CatalogueRequest.class),
              examples = @ExampleObject(name = "磁窑镇", summary = "宁阳县向磁窑镇赋权事项目录", value = EXAMPLE))))
  @ApiResponse(responseCode = "201", description = "已保存并启动审批；Location 为目录地址",
      headers = {@Header(name = "Location", description = "新目录的地址", schema = @Schema(type = "string")),
          @Header(name = "Idempotent-Replayed", description = "true 表示按 Idempotency-Key 返回了先前的结果",
              schema = @Schema(type = "boolean"))})
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ApiResponse(responseCode = "409", description = "该乡镇已有正在审批的目录，或 Idempotency-Key 已用于内容不同的请求",
      content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @PostMapping
  ResponseEntity<CatalogueView> create(@RequestBody CatalogueRequest request,
      @Parameter(description = "幂等键（1—200个字符）：同一键再次提交返回第一次的结果", example = "ningyang-catalogue-0001")
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
      throw new CatalogueInputException("Idempotency-Key", "长度应为1—" + MAX_IDEMPOTENCY_KEY + "个字符");
    }
    CatalogueService.Created created = service.create(request, idempotencyKey, caller.jurisdiction());
    return ResponseEntity.created(URI.create("/api/catalogues/" + created.catalogue().id()))
        .header("Idempotent-Replayed", String.valueOf(created.replayed())).body(created.catalogue());
  }

  @Operation(operationId = "getCatalogue", summary = "查询目录", description = "目录的状态、当前待办环节、版次、事项、合法性校验结果、"
      + "与现行目录相比的变化、批复文号和完整审批记录。县级只能看本县的，市级看所辖县的，省级看本省的；看不到的目录按不存在处理（404）。")
  @ApiResponse(responseCode = "200", description = "目录")
  @NotFound
  @GetMapping("/{id}")
  CatalogueView get(@Parameter(description = "目录编号") @PathVariable String id) {
    return service.get(id, caller.jurisdiction());
  }

  @Operation(operationId = "reviseCatalogue", summary = "修订目录", description = "目录退回县里（待办环节 draftCatalogue）时，由本县起草人员提交修订："
      + "保存为新一稿，旧稿保留；乡镇和乡镇类型不能改。提交审查仍在 Tasklist 或 engine REST 完成 draftCatalogue 任务。",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "修订后的目录内容", required = true,
          content = @Content(schema = @Schema(implementation = CatalogueRequest.class),
              examples = @ExampleObject(name = "磁窑镇", summary = "宁阳县向磁窑镇赋权事项目录", value = EXAMPLE))))
  @ApiResponse(responseCode = "200", description = "修订后的目录")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @NotFound
  @ApiResponse(responseCode = "409", description = "目录不在县里起草或修改环节，不能修订", content = @Content(
      mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @PutMapping("/{id}")
  CatalogueView revise(@Parameter(description = "目录编号") @PathVariable String id, @RequestBody CatalogueRequest request) {
    return service.revise(id, request, caller.jurisdiction());
  }

  @Operation(operationId = "diffCatalogue", summary = "目录与现行目录相比的调整", description = "调整已公布的目录时：新增的事项（ADDED）、"
      + "收回的事项（REMOVED）和变更的事项（CHANGED：类别、方式、原行使部门、法律依据、指导目录条目），按事项名称对应（改名即收回旧的、新增新的），"
      + "每处变化既有数据（kind、scope 事项名称、path、before、after），也有一句说明（text，附调整理由），与审核人员在表单中看到的相同。"
      + "首次制定的目录与“第0版”相比，全部事项均为新增。可见范围与查询目录相同。")
  @ApiResponse(responseCode = "200", description = "from 为被调整的现行版次，to 为本目录公布后的版次")
  @NotFound
  @GetMapping("/{id}/diff")
  VersionDiff diff(@Parameter(description = "目录编号") @PathVariable String id) {
    return service.changes(service.visible(id, caller.jurisdiction()));
  }

  @Schema(description = "列表中的一个目录")
  record CatalogueSummary(
      @Schema(description = "目录编号") String id,
      @Schema(description = "目录标题", example = "宁阳县向磁窑镇赋权事项目录") String title,
      @Schema(description = "乡镇（街道）代码", example = "370921109") String townshipCode,
      @Schema(description = "所在地区", example = "山东省 · 泰安市 · 宁阳县 · 磁窑镇") String region,
      @Schema(description = "状态：DRAFT 起草中，IN_REVIEW 审批中，PUBLISHED 已公布，SUPERSEDED 已被新版取代，REJECTED 不予批准，WITHDRAWN 已撤回")
      CatalogueStatus status,
      @Schema(description = "公布后的版次", example = "1") int edition,
      @Schema(description = "当前稿次", example = "1") int version,
      @Schema(description = "完成期限", example = "2020-12-31", nullable = true) LocalDate deadline,
      @Schema(description = "是否已逾期", example = "false") boolean overdue,
      @Schema(description = "批复文号", example = "宁政发〔2026〕1号", nullable = true) String approvalNumber,
      @Schema(description = "最后更新时间（北京时间，带时区）") Instant updatedAt) {

    static CatalogueSummary of(Catalogue c, LocalDate today) {
      return new CatalogueSummary(c.id(), c.title(), c.townshipCode(), c.regionName(), c.status(), c.edition(), c.currentVersion(),
          c.deadline(), c.overdue(today), c.approvalNumber(), c.updatedAt());
    }
  }

  @Schema(description = "一页目录")
  record CataloguePage(
      @Schema(description = "本页的目录") List<CatalogueSummary> items,
      @Schema(description = "页码（从0开始）", example = "0") int page,
      @Schema(description = "每页条数", example = "20") int size,
      @Schema(description = "符合条件的目录总数", example = "1") long total) {}

  @Operation(operationId = "listCatalogues", summary = "查询目录列表", description = "分页列出调用者可见的目录（县级：本县；市级：所辖各县；"
      + "省级：本省；管理员：全部），最近更新的在前，可按地区、状态和是否逾期筛选。")
  @ApiResponse(responseCode = "200", description = "一页目录")
  @ProblemResponses.BadInput
  @GetMapping
  CataloguePage list(
      @Parameter(description = "乡镇（街道）9位代码", example = "370921109") @RequestParam(required = false) String townshipCode,
      @Parameter(description = "县（市、区）6位代码", example = "370921") @RequestParam(required = false) String countyCode,
      @Parameter(description = "市（州）6位代码", example = "370900") @RequestParam(required = false) String cityCode,
      @Parameter(description = "省级行政区6位代码", example = "370000") @RequestParam(required = false) String provinceCode,
      @Parameter(description = "状态") @RequestParam(required = false) CatalogueStatus status,
      @Parameter(description = "true 只列逾期（超过完成期限仍未办结）的目录，false 只列未逾期的") @RequestParam(required = false) Boolean overdue,
      @Parameter(description = "页码，从0开始（0—100000）") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "每页条数（1—" + MAX_PAGE_SIZE + "）") @RequestParam(defaultValue = "20") int size) {
    List<FieldError> errors = Paging.errors(page, size, MAX_PAGE_SIZE);
    code(errors, "townshipCode", townshipCode, 9);
    code(errors, "countyCode", countyCode, 6);
    code(errors, "cityCode", cityCode, 6);
    code(errors, "provinceCode", provinceCode, 6);
    if (!errors.isEmpty()) {
      throw new CatalogueInputException(errors);
    }
    Jurisdiction who = caller.jurisdiction();
    LocalDate today = calendar.today();
    CatalogueRepository.Page result = service.list(new CatalogueRepository.Filter(townshipCode, countyCode, cityCode,
        provinceCode, status == null ? null : Set.of(status), overdue, today), who, page, size);
    return new CataloguePage(result.items().stream().map(c -> CatalogueSummary.of(c, today)).toList(), page, size, result.total());
  }

  private static void code(List<FieldError> errors, String field, String value, int digits) {
    if (value != null && !value.matches("[0-9]{" + digits + "}")) {
      errors.add(new FieldError(field, "应为" + digits + "位行政区划代码"));
    }
  }

  /** 404 in the catalogue's words. */
  @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @ApiResponse(responseCode = "404", description = "目录不存在，或不在调用者的辖区内（其存在与否不公开）",
      content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @interface NotFound {}
}
