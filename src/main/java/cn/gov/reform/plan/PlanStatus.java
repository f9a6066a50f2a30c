package cn.gov.reform.plan;

/** Where a plan stands (README "Domain API"). */
public enum PlanStatus {
  DRAFT("起草中"), IN_REVIEW("审核中"), APPROVED("已批准"), FILED("已备案"), REJECTED("不予批准"), WITHDRAWN("已撤回");

  private final String label;

  PlanStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the plan's approval has ended (批准、备案、不予批准、撤回). */
  public boolean finished() {
    return this != DRAFT && this != IN_REVIEW;
  }
}
