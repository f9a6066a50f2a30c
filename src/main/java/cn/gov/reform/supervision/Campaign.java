package cn.gov.reform.supervision;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** A supervision campaign (督查活动): a task list run for a region from a year, supervised by a supervisor group. */
record Campaign(String id, String taskListId, String title, String regionCode, String regionName, String countyCode,
    String cityCode, String provinceCode, int year, int endYear, String taskNos, int reportEvery, String supervisorGroup,
    CampaignStatus status, String processInstanceId, String createdBy, Instant createdAt, Instant updatedAt) {

  Set<String> tasks() {
    return new LinkedHashSet<>(Arrays.asList(taskNos.split(",")));
  }
}
