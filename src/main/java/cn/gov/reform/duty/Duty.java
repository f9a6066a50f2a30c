package cn.gov.reform.duty;

import java.time.Instant;

/** A duty-access request's row: who asks, where, where it stands, its current version, since when its approval is overdue. */
record Duty(String id, String title, String department, String countyCode, String cityCode, String provinceCode,
    String regionName, DutyStatus status, int currentVersion, String processInstanceId, Instant overdueSince,
    Instant approvedAt, String createdBy, Instant createdAt, Instant updatedAt) {

  /** 宁阳县 of 山东省 · 泰安市 · 宁阳县. */
  String countyName() {
    String[] parts = regionName.split(" · ");
    return parts[parts.length - 1];
  }
}
