package cn.gov.reform.catalogue;

/** Where a catalogue stands (README "权力目录"). */
public enum CatalogueStatus {
  DRAFT("起草中"), IN_REVIEW("审批中"), PUBLISHED("已公布"), SUPERSEDED("已被新版取代"), REJECTED("不予批准"), WITHDRAWN("已撤回");

  private final String label;

  CatalogueStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the catalogue's approval has ended (公布、不予批准、撤回; a superseded one was published). */
  public boolean finished() {
    return this != DRAFT && this != IN_REVIEW;
  }
}
