package cn.gov.reform.evaluation;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.ProblemResponses;

/** The developed towns' annual evaluation over {@code /api/evaluations} (README "经济发达镇名单与年度评估"). */
@RestController
@RequestMapping("/api/evaluations")
@Tag(name = "经济发达镇年度评估", description = "省编办发起年度评估，市（州）自评，省编办复评，随机抽查，连续不合格的镇由省政府决定退出名单")
class EvaluationController {

  private final EvaluationService service;
  private final TownScoring scoring;
  private final CurrentCaller caller;

  EvaluationController(EvaluationService service, TownScoring scoring, CurrentCaller caller) {
    this.service = service;
    this.scoring = scoring;
    this.caller = caller;
  }

  @Operation(operationId = "launchEvaluation", summary = "发起年度评估", description = "省编办（reviewer+省代码）发起本省一个年度的经济发达镇评估："
      + "名单中该年度及以前列入的镇各自进入市（州）自评；按随机种子抽取实地核查的镇，种子和样本记录在案（同一种子抽出同样的镇）。"
      + "同一 Idempotency-Key 再次提交返回第一次的结果。")
  @ApiResponse(responseCode = "201", description = "已发起；Location 为评估年度地址",
      headers = @Header(name = "Location", description = "评估年度的地址", schema = @Schema(type = "string")))
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ApiAnswers.Conflict
  @PostMapping
  ResponseEntity<EvaluationView> launch(@RequestBody LaunchRequest request,
      @Parameter(description = "幂等键（1—200个字符）：同一键再次提交返回第一次的结果") @RequestHeader(name = "Idempotency-Key",
          required = false) String idempotencyKey) {
    ApiAnswers.idempotencyKey(idempotencyKey);
    EvaluationService.Launched launched = service.launch(request, idempotencyKey, caller.jurisdiction(), caller.groupIds());
    return ResponseEntity.created(URI.create("/api/evaluations/" + launched.evaluation().id()))
        .header("Idempotent-Replayed", String.valueOf(launched.replayed())).body(launched.evaluation());
  }

  @Operation(operationId = "getEvaluation", summary = "查询评估年度", description = "评估年度及各镇的自评、复评得分，评估结果，随机抽查和退出名单的情况，"
      + "以及审批记录。省级看全部的镇；市（州）、县级只看本辖区的镇；看不到的年度按不存在处理（404）。")
  @ApiResponse(responseCode = "200", description = "评估年度")
  @ApiAnswers.NotFound
  @GetMapping("/{id}")
  EvaluationView get(@Parameter(description = "评估编号") @PathVariable String id) {
    return service.view(id, caller.jurisdiction());
  }

  @Operation(operationId = "selfEvaluateTown", summary = "提交市（州）自评", description = "镇所在市（州）编办（reviewer+市代码）逐项打分并写明佐证材料，"
      + "即完成该镇的“市（州）自评”任务（与 Tasklist 表单相同），该镇进入省编办复评。每项指标恰好一次，得分为0至满分的整数。")
  @ApiResponse(responseCode = "200", description = "评估年度（该镇已进入复评）")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @PostMapping("/{id}/towns/{townshipCode}/self-evaluation")
  EvaluationView selfEvaluate(@Parameter(description = "评估编号") @PathVariable String id,
      @Parameter(description = "镇的9位代码") @PathVariable String townshipCode, @RequestBody ScoresRequest request) {
    Jurisdiction who = caller.jurisdiction();
    scoring.submit(id, townshipCode, EvaluationStage.SELF_EVALUATION, request, who, caller.groupIds());
    return service.view(id, who);
  }

  @Operation(operationId = "reEvaluateTown", summary = "提交省编办复评", description = "省编办（reviewer+省代码）逐项复评，即完成该镇的“省编办复评”任务："
      + "改动自评分数的须写明意见；复评总分按决策表 evaluationResult 定出评估结果（优秀、合格、不合格）。抽中随机抽查的镇随后进入实地核查。")
  @ApiResponse(responseCode = "200", description = "评估年度（该镇已有评估结果）")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @PostMapping("/{id}/towns/{townshipCode}/re-evaluation")
  EvaluationView reEvaluate(@Parameter(description = "评估编号") @PathVariable String id,
      @Parameter(description = "镇的9位代码") @PathVariable String townshipCode, @RequestBody ScoresRequest request) {
    Jurisdiction who = caller.jurisdiction();
    scoring.submit(id, townshipCode, EvaluationStage.RE_EVALUATION, request, who, caller.groupIds());
    return service.view(id, who);
  }

  @Schema(description = "列表中的一个评估年度")
  record EvaluationSummary(
      @Schema(description = "评估编号") String id,
      @Schema(description = "省级代码", example = "220000") String provinceCode,
      @Schema(description = "省名", example = "吉林省") String provinceName,
      @Schema(description = "评估年度", example = "2025") int year,
      @Schema(description = "状态：IN_PROGRESS 评估中，FINISHED 已完成") EvaluationStatus status,
      @Schema(description = "状态名称", example = "评估中") String statusLabel,
      @Schema(description = "最后更新时间（北京时间，带时区）") Instant updatedAt) {}

  @Schema(description = "一页评估年度")
  record EvaluationPage(
      @Schema(description = "本页的评估年度") List<EvaluationSummary> items,
      @Schema(description = "页码（从0开始）", example = "0") int page,
      @Schema(description = "每页条数", example = "20") int size,
      @Schema(description = "符合条件的总数", example = "1") long total) {}

  @Operation(operationId = "listEvaluations", summary = "查询评估年度列表", description = "分页列出调用者可见的评估年度（省级：本省；市（州）、县级："
      + "有本辖区的镇参评的年度），最近更新的在前，可按省、年度和状态筛选。")
  @ApiResponse(responseCode = "200", description = "一页评估年度")
  @ProblemResponses.BadInput
  @GetMapping
  EvaluationPage list(
      @Parameter(description = "省级6位代码", example = "220000") @RequestParam(required = false) String provinceCode,
      @Parameter(description = "评估年度", example = "2025") @RequestParam(required = false) Integer year,
      @Parameter(description = "状态") @RequestParam(required = false) EvaluationStatus status,
      @Parameter(description = "页码，从0开始（0—100000）") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "每页条数（1—" + ApiAnswers.MAX_PAGE_SIZE + "）") @RequestParam(defaultValue = "20") int size) {
    List<FieldError> errors = new ArrayList<>(ApiAnswers.paging(page, size));
    ApiAnswers.code(errors, "provinceCode", provinceCode, "[0-9]{2}0000", "省级行政区6位代码");
    if (year != null && (year < 2018 || year > 9999)) {
      errors.add(new FieldError("year", "应为2018年以后的年度"));
    }
    if (!errors.isEmpty()) {
      throw new EvaluationInputException(errors);
    }
    EvaluationRepository.Page p = service.list(caller.jurisdiction(), provinceCode, year,
        status == null ? null : status.finished(), page, size);
    return new EvaluationPage(p.items().stream().map(e -> new EvaluationSummary(e.id(), e.provinceCode(),
        service.provinceName(e.provinceCode()), e.year(), e.status(), e.status().label(), e.updatedAt())).toList(), page, size,
        p.total());
  }
}
