package cn.gov.reform.supervision;

/** Where a unit's work stands: being done (reporting progress), reported done and waiting for acceptance, accepted. */
public enum WorkStatus {
  IN_PROGRESS("办理中"),
  AWAITING_ACCEPTANCE("已报完成，待验收"),
  ACCEPTED("已验收");

  private final String label;

  WorkStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
