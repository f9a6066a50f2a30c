package cn.gov.reform.assessment;

import java.time.Instant;

/** One assessment-item request as stored (app_assessment_item); its content is the current version's. */
record AssessmentItem(String id, String title, String department, AssessmentKind kind, String countyCode, String cityCode,
    String provinceCode, String regionName, AssessmentStatus status, int currentVersion, String processInstanceId,
    Instant overdueSince, Instant decidedAt, String createdBy, Instant createdAt, Instant updatedAt) {}
