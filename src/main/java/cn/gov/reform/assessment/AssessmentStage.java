package cn.gov.reform.assessment;

import static cn.gov.reform.approval.Decision.APPROVE;
import static cn.gov.reform.approval.Decision.REJECT;
import static cn.gov.reform.approval.Decision.RETURN;
import static cn.gov.reform.approval.Decision.SUBMIT;
import static cn.gov.reform.approval.Decision.WITHDRAW;

import java.util.Arrays;
import java.util.Optional;

import cn.gov.reform.approval.StageDecisions;

/**
 * The assessment item's user tasks with the decisions each accepts in its form's words: the county committee and government
 * and (for a Shandong 一票否决) the provincial committee and government approve, return the request to the department or
 * reject it; the department resubmits or withdraws a returned request.
 */
enum AssessmentStage {
  COUNTY_APPROVAL(AssessmentKeys.COUNTY_APPROVAL, "县委、县政府审批", "审批意见", APPROVE, "批准", RETURN, "退回申请部门修改", REJECT, "不予批准"),
  PROVINCE_APPROVAL(AssessmentKeys.PROVINCE_APPROVAL, "省委、省政府审批", "审批意见", APPROVE, "批准", RETURN, "退回申请部门修改", REJECT, "不予批准"),
  REVISE(AssessmentKeys.REVISE, "修改申请（县直部门）", "处理决定", SUBMIT, "重新提交", WITHDRAW, "撤回申请");

  private final String taskKey;
  private final String label;
  private final StageDecisions rules;

  AssessmentStage(String taskKey, String label, String decisionTitle, Object... decisionsAndLabels) {
    this.taskKey = taskKey;
    this.label = label;
    this.rules = new StageDecisions(label, decisionTitle, decisionsAndLabels);
  }

  static Optional<AssessmentStage> of(String taskKey) {
    return Arrays.stream(values()).filter(s -> s.taskKey.equals(taskKey)).findFirst();
  }

  String taskKey() {
    return taskKey;
  }

  String label() {
    return label;
  }

  StageDecisions rules() {
    return rules;
  }
}
