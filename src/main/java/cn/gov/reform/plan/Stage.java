package cn.gov.reform.plan;

import static cn.gov.reform.approval.Decision.APPROVE;
import static cn.gov.reform.approval.Decision.FILE;
import static cn.gov.reform.approval.Decision.REJECT;
import static cn.gov.reform.approval.Decision.RETURN;
import static cn.gov.reform.approval.Decision.SUBMIT;
import static cn.gov.reform.approval.Decision.WITHDRAW;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.approval.StageDecisions;

/**
 * The user tasks, in the order a chain passes them, and the decisions each accepts with the words its
 * form uses for them (README "Working tasks over engine REST"); the forms take their options from here
 * ({@link StageForm}). RETURN and REJECT need an opinion; provinceFiling may
 * carry a filing number.
 */
public enum Stage {
  DRAFT(ProcessKeys.DRAFT_PLAN, "县级起草", "处理决定", SUBMIT, "提交审核", WITHDRAW, "撤回方案"),
  CITY_REVIEW(ProcessKeys.CITY_REVIEW, "市编办审核", "审核意见", APPROVE, "审核通过", RETURN, "退回修改"),
  CITY_SUBMISSION(ProcessKeys.CITY_SUBMISSION, "市（州）政府申报", "申报意见", APPROVE, "申报", RETURN, "退回修改"),
  CITY_APPROVAL(ProcessKeys.CITY_APPROVAL, "市委、市政府审批", "审批意见", APPROVE, "批准", RETURN, "退回修改", REJECT, "不予批准"),
  PROVINCE_REVIEW(ProcessKeys.PROVINCE_REVIEW, "省编办审核", "审核意见", APPROVE, "审核通过", RETURN, "退回修改"),
  DEPARTMENT_REVIEW(ProcessKeys.DEPARTMENT_REVIEW, "相关部门会审", "会审意见", APPROVE, "同意", RETURN, "退回修改"),
  PROVINCE_APPROVAL(ProcessKeys.PROVINCE_APPROVAL, "省政府批准", "审批意见", APPROVE, "批准", RETURN, "退回修改", REJECT, "不予批准"),
  PROVINCE_FILING(ProcessKeys.PROVINCE_FILING, "省编办备案", "备案意见", FILE, "予以备案", RETURN, "退回修改");

  private final String taskKey;
  private final String label;
  private final StageDecisions rules;

  Stage(String taskKey, String label, String decisionTitle, Object... decisionsAndLabels) {
    this.taskKey = taskKey;
    this.label = label;
    this.rules = new StageDecisions(label, decisionTitle, decisionsAndLabels);
  }

  public static Optional<Stage> of(String taskKey) {
    return Arrays.stream(values()).filter(s -> s.taskKey.equals(taskKey)).findFirst();
  }

  /** The provincial 编办 and the departments answer in parallel; any of them may return the plan. */
  boolean joint() {
    return this == PROVINCE_REVIEW || this == DEPARTMENT_REVIEW;
  }

  public String taskKey() {
    return taskKey;
  }

  public String label() {
    return label;
  }

  /** What the form calls the decision at this stage, e.g. 审核意见, 申报意见, 审批意见. */
  public String decisionTitle() {
    return rules.title();
  }

  /** The decisions this stage accepts, in the form's order, with the form's words for them. */
  public Map<Decision, String> decisions() {
    return rules.decisions();
  }

  public String decisionLabel(String decision) {
    return rules.label(decision);
  }

  /** Refuses a completion that breaks the rules; returns the decision otherwise. */
  public String check(Object decision, Object opinion) {
    return rules.check(decision, opinion);
  }

  /** The stage's decisions with their form (options and titles). */
  StageDecisions rules() {
    return rules;
  }
}
