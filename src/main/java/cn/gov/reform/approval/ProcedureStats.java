package cn.gov.reform.approval;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.operations.Refreshed;

/**
 * Every procedure counted alike: {@code GET /api/stats/procedures} (what the managers' dashboard shows in 各类审批事项)
 * within what the caller may see, and the gauges {@code reform_items{procedure, state}} (state running, finished,
 * overdue) over all regions, refreshed at most once per {@code app.metrics.refresh}.
 */
@RestController
@Tag(name = "统计", description = "管理看板：改革推进情况统计")
class ProcedureStats {

  @Schema(description = "一类审批事项的件数（查看人职责范围内）")
  record ProcedureCount(
      @Schema(description = "流程定义 key", example = "secondmentApproval") String processKey,
      @Schema(description = "审批事项名称", example = "借调乡镇工作人员审批") String name,
      @Schema(description = "办理中", example = "3") long running,
      @Schema(description = "已办结", example = "12") long finished,
      @Schema(description = "逾期未办结", example = "1") long overdue) {}

  private static final Jurisdiction EVERYWHERE = new Jurisdiction("metrics", true, java.util.Set.of(), java.util.Set.of(),
      java.util.Set.of(), java.util.Set.of(), java.util.Set.of());

  private final Procedures procedures;
  private final CurrentCaller caller;
  private final Refreshed<Map<String, Procedure.Counts>> all;

  ProcedureStats(Procedures procedures, CurrentCaller caller, MeterRegistry registry,
      @Value("${app.metrics.refresh:PT10S}") Duration refresh) {
    this.procedures = procedures;
    this.caller = caller;
    this.all = new Refreshed<>(refresh, () -> procedures.all().stream()
        .collect(Collectors.toMap(Procedure::processKey, p -> p.counts(EVERYWHERE))));
    for (Procedure p : procedures.all()) {
      Gauge.builder("reform.items", all, a -> a.get().get(p.processKey()).running()).description("审批事项数（按审批事项和办理状态）")
          .tag("procedure", p.processKey()).tag("state", "running").register(registry);
      Gauge.builder("reform.items", all, a -> a.get().get(p.processKey()).finished()).description("审批事项数（按审批事项和办理状态）")
          .tag("procedure", p.processKey()).tag("state", "finished").register(registry);
      Gauge.builder("reform.items", all, a -> a.get().get(p.processKey()).overdue()).description("审批事项数（按审批事项和办理状态）")
          .tag("procedure", p.processKey()).tag("state", "overdue").register(registry);
    }
  }

  @Operation(operationId = "getProcedureStats", summary = "查询各类审批事项件数", description = "查看人职责范围内每类审批事项"
      + "（改革方案、放权赋权目录、借调、职责准入……）办理中、已办结和逾期未办结的件数。")
  @ApiResponse(responseCode = "200", description = "各类审批事项的件数")
  @GetMapping("/api/stats/procedures")
  List<ProcedureCount> counts() {
    Jurisdiction who = caller.jurisdiction();
    return procedures.all().stream().map(p -> {
      Procedure.Counts c = p.counts(who);
      return new ProcedureCount(p.processKey(), p.name(), c.running(), c.finished(), c.overdue());
    }).toList();
  }
}
