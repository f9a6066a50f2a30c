package cn.gov.reform.evaluation;

/** A town's result in an evaluation year (决策表 evaluationResult). */
public enum EvaluationResult {
  EXCELLENT("优秀"), PASS("合格"), FAIL("不合格");

  private final String label;

  EvaluationResult(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
