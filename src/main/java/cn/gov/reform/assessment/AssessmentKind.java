package cn.gov.reform.assessment;

import cn.gov.reform.approval.Diffs;

/**
 * What a county department asks to impose on townships: 一票否决 (鲁厅字〔2018〕33号 五(二); 通办发〔2020〕6号 二(五)14), a direct
 * assessment by the department (直接考核, 一事一报, 通办发〔2020〕6号 二(五)14) or a ranking/demonstration campaign
 * (评比达标、示范创建, 统一规范: 鲁厅字〔2018〕33号 五(二); 济南市实施意见 二(四)2).
 */
public enum AssessmentKind implements Diffs.Labelled {
  VETO("一票否决"), DIRECT_ASSESSMENT("直接考核"), RANKING("评比达标、示范创建");

  private final String label;

  AssessmentKind(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
