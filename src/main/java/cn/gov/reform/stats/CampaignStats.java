package cn.gov.reform.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * What the managers' dashboard shows (GET /api/stats), always limited to the plans the viewer may see.
 * Codes and keys are English identifiers; the {@code *Name} fields are what officials read.
 */
public record CampaignStats(LocalDate asOf, String regionLevel, long plans, List<StatusCount> byStatus,
    List<RegionCount> overdue, List<StageDuration> stageDurations, List<DueSoon> dueSoon) {

  /** Plans of one city in one status. */
  public record StatusCount(String provinceCode, String provinceName, String cityCode, String cityName,
      String status, String statusName, long count) {}

  /** Open plans past their deadline in one region (one level below the viewer: province, city or county). */
  public record RegionCount(String regionCode, String regionName, long count) {}

  /** Average working days (工作日) a completed task of one stage took from creation to completion. */
  public record StageDuration(String stage, String stageName, double avgWorkingDays, long samples) {}

  /** An open plan, not yet flagged overdue, whose deadline falls within the next working days. */
  public record DueSoon(String planId, String title, String countyCode, String countyName, String status,
      String statusName, LocalDate deadline, int workingDaysLeft, String processInstanceId) {}
}
