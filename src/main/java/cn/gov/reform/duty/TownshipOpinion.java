package cn.gov.reform.duty;

/**
 * A township's opinion on a duty handed to it (充分听取基层意见, 通办发〔2020〕6号 二(五)13): none yet, no objection, an
 * objection with its reasons, or none given within the time limit (the timer closed its task).
 */
public enum TownshipOpinion {
  PENDING("待反馈"), AGREED("无异议"), OBJECTED("有异议"), NOT_GIVEN("逾期未反馈");

  private final String label;

  TownshipOpinion(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
