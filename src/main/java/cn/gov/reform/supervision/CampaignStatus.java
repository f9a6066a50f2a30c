package cn.gov.reform.supervision;

/** Where a campaign stands: under way until every piece of work is accepted and no yearly round is still to come. */
public enum CampaignStatus {
  ACTIVE("督查中"),
  COMPLETED("已办结");

  private final String label;

  CampaignStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
