package cn.gov.reform.evaluation;

/** Where an application to enter the list stands. */
public enum RecognitionStatus {
  IN_REVIEW("待省政府认定"), APPROVED("已列入名单"), REJECTED("不予列入"), INELIGIBLE("不符合认定标准");

  private final String label;

  RecognitionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean finished() {
    return this != IN_REVIEW;
  }
}
