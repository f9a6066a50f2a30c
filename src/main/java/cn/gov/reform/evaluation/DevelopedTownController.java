package cn.gov.reform.evaluation;

import java.net.URI;
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
import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.ProblemResponses;

/** The developed-town lists and applications to enter them, over {@code /api/developed-towns}. */
@RestController
@RequestMapping("/api/developed-towns")
@Tag(name = "经济发达镇名单", description = "各省经济发达镇名单及其历史（列入、退出），市（州）政府申请列入、省政府认定")
class DevelopedTownController {

  private final DevelopedTowns towns;
  private final RecognitionService recognitions;
  private final RegionDirectory regions;
  private final CurrentCaller caller;

  DevelopedTownController(DevelopedTowns towns, RecognitionService recognitions, RegionDirectory regions, CurrentCaller caller) {
    this.towns = towns;
    this.recognitions = recognitions;
    this.regions = regions;
    this.caller = caller;
  }

  @Schema(description = "经济发达镇名单")
  record TownList(
      @Schema(description = "所查询的省级代码；不填则为调用者可见的各省", nullable = true, example = "220000") String province,
      @Schema(description = "是否含已退出名单的记录", example = "false") boolean history,
      @Schema(description = "名单中的镇（含历史时，每次列入一条，退出的写明年份、原因和决定文号）") List<ListedTown> towns) {}

  @Operation(operationId = "listDevelopedTowns", summary = "查询经济发达镇名单", description = "本省经济发达镇名单：每个镇的列入年份和依据"
      + "（如 吉林省实施意见 一(三) 首批5个镇）；history=true 时含已退出名单的记录（退出年份、原因、省政府决定文号）。省级看全省，"
      + "市（州）、县级看本辖区的镇，乡镇看本镇；其他省的名单看不到（空表）。")
  @ApiResponse(responseCode = "200", description = "名单")
  @ProblemResponses.BadInput
  @GetMapping
  TownList list(
      @Parameter(description = "省级6位代码", example = "220000") @RequestParam(required = false) String province,
      @Parameter(description = "true 含已退出名单的历史记录") @RequestParam(defaultValue = "false") boolean history) {
    List<FieldError> errors = new ArrayList<>();
    ApiAnswers.code(errors, "province", province, "[0-9]{2}0000", "省级行政区6位代码");
    if (!errors.isEmpty()) {
      throw new EvaluationInputException(errors);
    }
    return new TownList(province, history, withRegion(towns.visible(caller.jurisdiction(), province, null, history)));
  }

  @Schema(description = "一个镇在名单中的历史")
  record TownHistory(
      @Schema(description = "镇的9位代码", example = "220103171") String townshipCode,
      @Schema(description = "镇名", example = "合隆镇") String townshipName,
      @Schema(description = "是否在名单中", example = "true") boolean onList,
      @Schema(description = "历次列入和退出") List<ListedTown> history) {}

  @Operation(operationId = "getDevelopedTown", summary = "查询一个镇在名单中的历史", description = "该镇历次列入（年份、依据）和退出（年份、原因、"
      + "决定文号）。从未列入或不在调用者辖区的镇按不存在处理（404）。")
  @ApiResponse(responseCode = "200", description = "该镇的历史")
  @ProblemResponses.BadInput
  @ApiAnswers.NotFound
  @GetMapping("/{townshipCode}")
  TownHistory town(@Parameter(description = "镇的9位代码") @PathVariable String townshipCode) {
    if (!townshipCode.matches("[0-9]{9}")) {
      throw new EvaluationInputException("townshipCode", "应为9位乡镇代码");
    }
    List<ListedTown> history = withRegion(towns.visible(caller.jurisdiction(), null, townshipCode, true));
    if (history.isEmpty()) {
      throw ApiException.notFound("镇不在名单中", townshipCode + " 从未列入经济发达镇名单，或无权查看");
    }
    return new TownHistory(townshipCode, history.get(0).townshipName(), history.stream().anyMatch(ListedTown::onList), history);
  }

  @Operation(operationId = "applyForDevelopedTown", summary = "申请列入经济发达镇名单", description = "镇所在市（州）政府（submitter+市代码）申报："
      + "建成区常住人口和连续两个年度在全省乡镇中的城镇化率、公共财政收入排名，按决策表 recognitionThresholds 检查（山东：8万人以上、连续两年位居全省前列，"
      + "鲁厅字〔2018〕33号 六(二)；吉林：5万人左右、连续两年前10%，吉林省实施意见 一(三)）。不符合标准的（ERROR）申请随即办结为 INELIGIBLE；"
      + "其余报省政府（approver+省代码）认定。同一 Idempotency-Key 再次提交返回第一次的结果。")
  @ApiResponse(responseCode = "201", description = "已受理（或因不符合认定标准已办结）；Location 为申请地址",
      headers = @Header(name = "Location", description = "申请的地址", schema = @Schema(type = "string")))
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @ApiAnswers.Conflict
  @PostMapping("/applications")
  ResponseEntity<RecognitionView> apply(@RequestBody RecognitionRequest request,
      @Parameter(description = "幂等键（1—200个字符）：同一键再次提交返回第一次的结果") @RequestHeader(name = "Idempotency-Key",
          required = false) String idempotencyKey) {
    ApiAnswers.idempotencyKey(idempotencyKey);
    RecognitionService.Applied applied = recognitions.apply(request, idempotencyKey, caller.jurisdiction(), caller.groupIds());
    return ResponseEntity.created(URI.create("/api/developed-towns/applications/" + applied.application().id()))
        .header("Idempotent-Replayed", String.valueOf(applied.replayed())).body(applied.application());
  }

  @Operation(operationId = "getDevelopedTownApplication", summary = "查询列入名单的申请", description = "申请的状态、认定标准检查结果、"
      + "省政府认定的文号和审批记录；市（州）、县、乡镇看本辖区的，省级看本省的。")
  @ApiResponse(responseCode = "200", description = "申请")
  @ApiAnswers.NotFound
  @GetMapping("/applications/{id}")
  RecognitionView application(@Parameter(description = "申请编号") @PathVariable String id) {
    return recognitions.get(id, caller.jurisdiction());
  }

  private List<ListedTown> withRegion(List<ListedTown> list) {
    return list.stream().map(t -> new ListedTown(t.townshipCode(), t.townshipName(), regions.describeCounty(t.countyCode()) + " · "
        + t.townshipName(), t.countyCode(), t.cityCode(), t.provinceCode(), t.enteredYear(), t.entryBasis(), t.applicationId(),
        t.onList(), t.leftYear(), t.leftReason(), t.leftDecisionNumber(), t.leftEvaluationId(), t.leftAt())).toList();
  }

}
