package cn.gov.reform.secondment;

/** Where a secondment stands (README "借调 / Secondments"). */
public enum SecondmentStatus {
  DRAFT("退回申请单位修改"), IN_REVIEW("审批中"), SECONDED("借调中"), RETURNED("已返回乡镇"), REJECTED("不予借调"), WITHDRAWN("已撤回");

  private final String label;

  SecondmentStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the approval has ended: approved (借调中 or 已返回), rejected or withdrawn. */
  public boolean finished() {
    return this != DRAFT && this != IN_REVIEW;
  }

  /** Approved: the person is or was seconded, so the period counts for an extension. */
  public boolean approved() {
    return this == SECONDED || this == RETURNED;
  }
}
