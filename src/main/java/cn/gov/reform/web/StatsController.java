package cn.gov.reform.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.reform.plan.CurrentCaller;
import cn.gov.reform.stats.CampaignStats;
import cn.gov.reform.stats.StatsService;

/** The managers' dashboard data: the campaign within what the caller may see. */
@RestController
class StatsController {

  private final StatsService stats;
  private final CurrentCaller caller;

  StatsController(StatsService stats, CurrentCaller caller) {
    this.stats = stats;
    this.caller = caller;
  }

  @GetMapping("/api/stats")
  CampaignStats stats() {
    return stats.of(caller.jurisdiction());
  }
}
