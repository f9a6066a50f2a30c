package cn.gov.reform.duty;

/** Where a duty-access request stands (README "职责准入与考核事项"). */
public enum DutyStatus {
  HEARING("征求乡镇意见"), IN_REVIEW("县委、县政府审批中"), RETURNED("退回申请部门修改"), APPROVED("已批准，列入乡镇职责清单"),
  REJECTED("不予批准"), WITHDRAWN("已撤回");

  private final String label;

  DutyStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean finished() {
    return this == APPROVED || this == REJECTED || this == WITHDRAWN;
  }
}
