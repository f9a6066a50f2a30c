package cn.gov.reform.evaluation;

import static cn.gov.reform.approval.Decision.APPROVE;
import static cn.gov.reform.approval.Decision.REJECT;
import static cn.gov.reform.approval.Decision.RETURN;
import static cn.gov.reform.approval.Decision.SUBMIT;

import java.util.Arrays;
import java.util.Optional;

import cn.gov.reform.approval.StageDecisions;

/**
 * The user tasks of the developed-town procedures, each with the decisions it accepts in its form's words; whether it
 * takes scores (the score sheet of the form) and whether its APPROVE needs the provincial government's decision number.
 */
enum EvaluationStage {
  SELF_EVALUATION(EvaluationKeys.SELF_EVALUATION, "市（州）自评", true, false, "处理决定", SUBMIT, "提交自评"),
  RE_EVALUATION(EvaluationKeys.RE_EVALUATION, "省编办复评", true, false, "复评意见", APPROVE, "复评完成"),
  ONSITE_CHECK(EvaluationKeys.ONSITE_CHECK, "随机抽查（实地核查）", false, false, "核查结论", APPROVE, "核查属实",
      RETURN, "核查不符，退回复评"),
  EXIT_DECISION(EvaluationKeys.EXIT_DECISION, "省政府决定退出名单", false, true, "省政府决定", APPROVE, "同意退出名单",
      REJECT, "不同意退出（保留）"),
  RECOGNITION_APPROVAL(EvaluationKeys.RECOGNITION_APPROVAL, "省政府认定", false, true, "省政府认定", APPROVE, "批准列入名单",
      REJECT, "不予列入");

  private final String taskKey;
  private final String label;
  private final boolean scored;
  private final boolean numbered;
  private final StageDecisions rules;

  EvaluationStage(String taskKey, String label, boolean scored, boolean numbered, String title, Object... decisionsAndLabels) {
    this.taskKey = taskKey;
    this.label = label;
    this.scored = scored;
    this.numbered = numbered;
    this.rules = new StageDecisions(label, title, decisionsAndLabels);
  }

  static Optional<EvaluationStage> of(String taskKey) {
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

  /** The form carries the score sheet (自评, 复评). */
  boolean scored() {
    return scored;
  }

  /** Its APPROVE records a decision of the provincial government under a document number (退出、列入名单). */
  boolean numbered() {
    return numbered;
  }
}
