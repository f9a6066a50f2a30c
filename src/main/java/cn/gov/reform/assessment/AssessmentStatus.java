package cn.gov.reform.assessment;

/** Where an assessment-item request stands. */
public enum AssessmentStatus {
  COUNTY_REVIEW("县委、县政府审批", false), PROVINCE_REVIEW("省委、省政府审批", false), RETURNED("退回申请部门修改", false),
  APPROVED("已批准", true), REJECTED("不予批准", true), WITHDRAWN("已撤回", true);

  private final String label;
  private final boolean finished;

  AssessmentStatus(String label, boolean finished) {
    this.label = label;
    this.finished = finished;
  }

  public String label() {
    return label;
  }

  public boolean finished() {
    return finished;
  }
}
