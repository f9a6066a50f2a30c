package cn.gov.reform.supervision;

import static cn.gov.reform.approval.Decision.APPROVE;
import static cn.gov.reform.approval.Decision.REPORT;
import static cn.gov.reform.approval.Decision.RETURN;
import static cn.gov.reform.approval.Decision.SUBMIT;

import java.util.Arrays;
import java.util.Optional;

import cn.gov.reform.approval.StageDecisions;

/** The user tasks of a piece of work with the decisions each accepts, in its form's words. */
enum WorkStage {
  REPORT_PROGRESS(SupervisionKeys.REPORT, "报告进展（责任单位）", "报告类型", REPORT, "报告进展", SUBMIT, "报告完成，申请验收"),
  ACCEPT(SupervisionKeys.ACCEPT, "验收（督查机构）", "验收结论", APPROVE, "验收通过", RETURN, "退回补充");

  private final String taskKey;
  private final String label;
  private final StageDecisions rules;

  WorkStage(String taskKey, String label, String title, Object... decisionsAndLabels) {
    this.taskKey = taskKey;
    this.label = label;
    this.rules = new StageDecisions(label, title, decisionsAndLabels);
  }

  static Optional<WorkStage> of(String taskKey) {
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
