package cn.gov.reform.evaluation;

import java.time.Instant;
import java.util.List;

/** An application to enter a province's list, as stored. */
record Recognition(String id, String townshipCode, String townshipName, String countyCode, String cityCode, String provinceCode,
    int builtUpPopulation, List<RecognitionRequest.Ranking> rankings, String relaxedReason, RecognitionStatus status,
    String processInstanceId, String decisionNumber, String createdBy, Instant createdAt, Instant updatedAt) {

  RecognitionRequest request() {
    return new RecognitionRequest(townshipCode, builtUpPopulation, rankings, relaxedReason);
  }
}
