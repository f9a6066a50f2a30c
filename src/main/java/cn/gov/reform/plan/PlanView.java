package cn.gov.reform.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.gov.reform.policy.Finding;

/** A plan as the API shows it (CONTRACT "GET /api/plans/{id}"). */
public record PlanView(String id, String title, PlanRequest.PlanType planType, String countyCode, String cityCode,
    String provinceCode, String region, String processInstanceId, PlanStatus status, List<String> stages, int version,
    List<Finding> findings, LocalDate deadline, boolean overdue, String filingNumber, Instant createdAt,
    Instant updatedAt, List<PlanRequest.Township> townships, List<TimelineEntry> timeline) {}
