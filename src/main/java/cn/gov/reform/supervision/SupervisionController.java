package cn.gov.reform.supervision;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.Paging;
import cn.gov.reform.web.ProblemResponses;

/** Key-task supervision over {@code /api/supervision} (README "重点任务督查"): task lists, campaigns, progress, reports, CSV. */
@RestController
@RequestMapping("/api/supervision")
@Tag(name = "重点任务督查", description = "按文件的任务分工发起督查，责任单位报告进展和完成情况，督查机构验收、督办；进展按任务、地区统计并可导出")
class SupervisionController {

  static final int MAX_PAGE_SIZE = 200;
  static final int MAX_IDEMPOTENCY_KEY = 200;

  private final SupervisionService service;
  private final CampaignViews views;
  private final TaskLists lists;
  private final SupervisionRepository repository;
  private final CurrentCaller caller;
  private final WorkingDayCalendar calendar;
  private final AuditTrail audit;

  SupervisionController(SupervisionService service, CampaignViews views, TaskLists lists, SupervisionRepository repository,
      CurrentCaller caller, WorkingDayCalendar calendar, AuditTrail audit) {
    this.service = service;
    this.views = views;
    this.lists = lists;
    this.repository = repository;
    this.caller = caller;
    this.calendar = calendar;
    this.audit = audit;
  }

  @Schema(description = "任务清单概要")
  record TaskListSummary(@Schema(description = "编号") String id, @Schema(description = "名称") String title,
      @Schema(description = "文件简称") String shortName, @Schema(description = "适用地区") String region,
      @Schema(description = "任务数") int tasks, @Schema(description = "可发起的督查机构层级") List<TaskList.Level> supervisingLevels) {}

  @Operation(operationId = "listTaskLists", summary = "任务清单", description = "随系统提供的重点任务清单（src/main/resources/supervision/*.yml）。")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "随附的督查任务清单")
  @GetMapping("/task-lists")
  List<TaskListSummary> taskLists() {
    caller.jurisdiction();
    return lists.all().stream().map(l -> new TaskListSummary(l.id(), l.title(), l.shortName(), l.region(), l.tasks().size(),
        l.supervisingLevels())).toList();
  }

  @Operation(operationId = "getTaskList", summary = "任务清单全文", description = "每项任务的序号、内容、责任单位、时间节点和依据条款。")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "该清单的全部任务")
  @GetMapping("/task-lists/{id}")
  TaskList taskList(@io.swagger.v3.oas.annotations.Parameter(description = "任务清单编号，如 jinan-2018") @PathVariable String id) {
    caller.jurisdiction();
    return lists.of(id).orElseThrow(() -> cn.gov.reform.web.ApiException.notFound("任务清单不存在", "没有编号为 " + id + " 的任务清单"));
  }

  @Operation(operationId = "launchCampaign", summary = "发起督查", description = "督查机构（supervisor+地区代码，其地区覆盖督查地区，层级为清单允许的）"
      + "按任务清单发起督查：每项任务为每个责任单位在其适用的每个地区（市直单位按市，各区县按县，各乡镇按乡镇；按年度的任务每年一项）下达一项工作，"
      + "各有流程实例、报告期限提醒和时间节点。同一清单在同一地区同时只能有一个进行中的督查。同一 Idempotency-Key 再次提交返回第一次的结果。")
  @ApiResponse(responseCode = "201", description = "已发起；Location 为督查活动地址")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ApiResponse(responseCode = "409", description = "该清单在该地区已有进行中的督查", content = @io.swagger.v3.oas.annotations.media.Content(
      mediaType = cn.gov.reform.web.ProblemResponses.PROBLEM_JSON,
      schema = @Schema(implementation = cn.gov.reform.web.ApiProblem.class)))
  @PostMapping("/campaigns")
  ResponseEntity<CampaignView> launch(@RequestBody LaunchRequest request,
      @io.swagger.v3.oas.annotations.Parameter(description = "幂等键：同一键重复提交只下达一次，返回第一次的结果")
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
      throw new SupervisionInputException("Idempotency-Key", "长度应为1—" + MAX_IDEMPOTENCY_KEY + "个字符");
    }
    Jurisdiction who = caller.jurisdiction();
    SupervisionService.Launched launched = service.launch(request, idempotencyKey, who, caller.groupIds());
    return ResponseEntity.created(URI.create("/api/supervision/campaigns/" + launched.campaignId()))
        .header("Idempotent-Replayed", String.valueOf(launched.replayed())).body(views.view(launched.campaignId(), who));
  }

  @Schema(description = "列表中的一个督查活动")
  record CampaignSummary(@Schema(description = "编号") String id, @Schema(description = "名称") String title,
      @Schema(description = "任务清单") String taskListId, @Schema(description = "督查地区") String regionName,
      @Schema(description = "年份") int year, @Schema(description = "状态") CampaignStatus status,
      @Schema(description = "调用者可见的工作合计") CampaignView.Totals totals) {}

  @Schema(description = "一页督查活动")
  record CampaignPage(List<CampaignSummary> items, int page, int size, long total) {}

  @Operation(operationId = "listCampaigns", summary = "督查活动列表", description = "调用者可见的督查活动（其地区覆盖督查地区，或覆盖其中的工作），"
      + "最近发起的在前，各带调用者可见工作的完成情况（已验收、办理中、逾期）。")
  @ProblemResponses.BadInput
  @GetMapping("/campaigns")
  CampaignPage campaigns(@io.swagger.v3.oas.annotations.Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") int page,
      @io.swagger.v3.oas.annotations.Parameter(description = "每页条数") @RequestParam(defaultValue = "20") int size) {
    List<FieldError> errors = Paging.errors(page, size, MAX_PAGE_SIZE);
    if (!errors.isEmpty()) {
      throw new SupervisionInputException(errors);
    }
    Jurisdiction who = caller.jurisdiction();
    SupervisionRepository.Page result = repository.campaigns(who, page, size);
    java.time.LocalDate today = calendar.today();
    return new CampaignPage(result.items().stream().map(c -> new CampaignSummary(c.id(), c.title(), c.taskListId(), c.regionName(),
        c.year(), c.status(), CampaignViews.totals(views.visible(c, who), today))).toList(), page, size, result.total());
  }

  @Operation(operationId = "getCampaign", summary = "督查活动进展", description = "每项任务、每个责任单位和地区、每个地区的完成情况："
      + "已验收（done）、办理中（inProgress，未逾期）、逾期（overdue，时间节点已过仍未验收）。只含调用者可见的工作（县级看本县的，乡镇看本乡镇的）；"
      + "看不到任何工作的督查按不存在处理（404）。")
  @cn.gov.reform.web.ProblemResponses.NotFound
  @GetMapping("/campaigns/{id}")
  CampaignView campaign(@io.swagger.v3.oas.annotations.Parameter(description = "督查活动编号") @PathVariable String id) {
    return views.view(id, caller.jurisdiction());
  }

  @Operation(operationId = "exportCampaign", summary = "导出会议用表（CSV）", description = "每项工作一行，UTF-8 带 BOM，Excel 可直接打开。")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "会议用表（CSV，UTF-8 带 BOM）")
  @GetMapping(value = "/campaigns/{id}.csv", produces = "text/csv")
  ResponseEntity<byte[]> csv(@io.swagger.v3.oas.annotations.Parameter(description = "督查活动编号") @PathVariable String id) {
    byte[] body = views.csv(id, caller.jurisdiction());
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("supervision-" + id + ".csv")
            .build().toString()).body(body);
  }

  @Schema(description = "一个责任单位在一项任务上的工作和报告")
  record UnitReports(@Schema(description = "督查活动编号") String campaignId,
      @Schema(description = "任务序号", example = "1") String taskNo,
      @Schema(description = "责任单位的用户组", example = "unitbb370100") String group,
      @Schema(description = "该单位在这项任务上的工作（按年度的任务每年一项）及其报告") List<WorkView> work) {}

  @Operation(operationId = "unitReports", summary = "责任单位的报告（下钻）", description = "一项任务中一个责任单位（工作组）的工作（按年度的任务每年一项）、"
      + "其全部报告和记录（催报、验收、退回、督办）。")
  @cn.gov.reform.web.ProblemResponses.NotFound
  @GetMapping("/campaigns/{id}/tasks/{taskNo}/units/{group}/reports")
  UnitReports unitReports(@io.swagger.v3.oas.annotations.Parameter(description = "督查活动编号") @PathVariable String id,
      @io.swagger.v3.oas.annotations.Parameter(description = "任务序号") @PathVariable String taskNo, @io.swagger.v3.oas.annotations.Parameter(description = "责任单位的用户组，如 unitbb370100") @PathVariable String group) {
    Jurisdiction who = caller.jurisdiction();
    Campaign c = service.visibleCampaign(id, who);
    List<WorkView> work = views.visible(c, who).stream().filter(w -> w.taskNo().equals(taskNo) && w.unitGroup().equals(group))
        .map(w -> view(c, w)).toList();
    if (work.isEmpty()) {
      throw cn.gov.reform.web.ApiException.notFound("督查任务不存在", "督查活动 " + id + " 中没有可见的任务" + taskNo + "、责任单位 " + group);
    }
    return new UnitReports(id, taskNo, group, work);
  }

  @Operation(operationId = "getWork", summary = "一项督查工作", description = "工作的状态、报告和完整记录。")
  @cn.gov.reform.web.ProblemResponses.NotFound
  @GetMapping("/work/{id}")
  WorkView work(@io.swagger.v3.oas.annotations.Parameter(description = "工作编号") @PathVariable String id) {
    Work w = service.visibleWork(id, caller.jurisdiction());
    return view(service.campaign(w.campaignId()), w);
  }

  private WorkView view(Campaign c, Work w) {
    TaskList.Item item = service.listOf(c).task(w.taskNo()).orElseThrow();
    return new WorkView(c.id(), w.taskNo(), item.task(), item.source(), CampaignViews.unit(w, calendar.today()),
        repository.reports(w.id()), audit.timeline(SupervisionKeys.PROCESS, w.id()));
  }
}
