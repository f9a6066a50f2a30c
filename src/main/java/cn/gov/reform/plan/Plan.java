package cn.gov.reform.plan;

import java.time.Instant;
import java.time.LocalDate;

/** A plan row: what the list and the process need without reading the content. */
public record Plan(String id, String title, PlanRequest.PlanType planType, String countyCode, String cityCode,
    String provinceCode, PlanStatus status, int currentVersion, String processInstanceId, LocalDate deadline,
    boolean overdue, String filingNumber, String createdBy, Instant createdAt, Instant updatedAt) {}
