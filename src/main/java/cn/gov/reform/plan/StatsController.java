package cn.gov.reform.plan;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.gov.reform.identity.CurrentCaller;

/** The managers' dashboard data: the campaign within what the caller may see. */
@RestController
@Tag(name = "统计", description = "管理看板：改革推进情况统计")
class StatsController {

  private final StatsService stats;
  private final CurrentCaller caller;

  StatsController(StatsService stats, CurrentCaller caller) {
    this.stats = stats;
    this.caller = caller;
  }

  @Operation(operationId = "getStats", summary = "查询改革推进情况统计", description = "查看人职责范围内（县看本县、市看所辖各县、"
      + "省看全省、管理员看全国）各状态方案数、逾期方案、各环节平均用时（工作日）和今后10个工作日内到期的方案。")
  @ApiResponse(responseCode = "200", description = "统计结果")
  @GetMapping("/api/stats")
  CampaignStats stats() {
    return stats.of(caller.jurisdiction());
  }
}
