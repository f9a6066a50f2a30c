package cn.gov.reform.supervision;

import java.time.Instant;
import java.time.LocalDate;

/** One piece of supervised work: a task of a campaign for a responsible unit in a region (and a year, for a yearly task). */
record Work(String id, String campaignId, String taskNo, Integer roundYear, String unitKey, String unitGroup, String unitName,
    String regionCode, String regionName, String countyCode, String cityCode, String provinceCode, String townshipCode,
    LocalDate deadline, WorkStatus status, int progress, Instant lastReportAt, int reports, int supervisions,
    Instant acceptedAt, String processInstanceId, Instant createdAt, Instant updatedAt) {

  /** Past its deadline (after the end of that day) and not accepted. */
  boolean overdue(LocalDate today) {
    return status != WorkStatus.ACCEPTED && deadline.isBefore(today);
  }
}
