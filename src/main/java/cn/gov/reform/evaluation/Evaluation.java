package cn.gov.reform.evaluation;

import java.time.Instant;

/** An evaluation year of one province, as stored. */
record Evaluation(String id, String provinceCode, int year, EvaluationStatus status, int sampleSize, long seed,
    String processInstanceId, String launchedBy, Instant launchedAt, Instant updatedAt) {}
