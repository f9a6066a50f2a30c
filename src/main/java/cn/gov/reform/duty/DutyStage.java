package cn.gov.reform.duty;

import static cn.gov.reform.approval.Decision.APPROVE;
import static cn.gov.reform.approval.Decision.REJECT;
import static cn.gov.reform.approval.Decision.RETURN;
import static cn.gov.reform.approval.Decision.SUBMIT;
import static cn.gov.reform.approval.Decision.WITHDRAW;

import java.util.Arrays;
import java.util.Optional;

import cn.gov.reform.approval.StageDecisions;

/**
 * The duty-access request's user tasks with the decisions each accepts in its form's words. A township gives an opinion:
 * APPROVE 无异议 or REJECT 有异议 (with its reasons) — it is heard, it does not decide, so its objection goes to the county
 * committee and government with the request; the county committee and government approve, return the request to the
 * department or reject it.
 */
enum DutyStage {
  TOWNSHIP_OPINION(DutyKeys.TOWNSHIP_OPINION, "乡镇意见（乡镇党委）", "乡镇意见", APPROVE, "无异议", REJECT, "有异议（须写明理由）"),
  COUNTY_APPROVAL(DutyKeys.COUNTY_APPROVAL, "县委、县政府审批", "审批意见", APPROVE, "批准", RETURN, "退回申请部门修改", REJECT, "不予批准"),
  REVISE(DutyKeys.REVISE, "修改申请（县直部门）", "处理决定", SUBMIT, "重新提交", WITHDRAW, "撤回申请");

  private final String taskKey;
  private final String label;
  private final StageDecisions rules;

  DutyStage(String taskKey, String label, String decisionTitle, Object... decisionsAndLabels) {
    this.taskKey = taskKey;
    this.label = label;
    this.rules = new StageDecisions(label, decisionTitle, decisionsAndLabels);
  }

  static Optional<DutyStage> of(String taskKey) {
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
