package cn.gov.reform.plan;

import java.time.Instant;

/** One step of a plan's history: stage, decision, opinion, who and when. */
public record TimelineEntry(String stage, String stageName, String decision, String opinion, String actor,
    Instant at, Integer version) {}
