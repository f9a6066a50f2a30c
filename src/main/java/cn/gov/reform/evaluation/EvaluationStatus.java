package cn.gov.reform.evaluation;

/** Where an evaluation year stands. */
public enum EvaluationStatus {
  IN_PROGRESS("评估中"), FINISHED("已完成");

  private final String label;

  EvaluationStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean finished() {
    return this == FINISHED;
  }
}
