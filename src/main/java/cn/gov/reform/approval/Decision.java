package cn.gov.reform.approval;

import java.util.Arrays;
import java.util.Optional;

/**
 * The decisions an official takes at a task, shared by every procedure, with their usual Chinese label (a
 * stage may word it its own way, e.g. 审核通过 or 批准 for APPROVE). RETURN and REJECT need an opinion.
 */
public enum Decision {
  SUBMIT("提交"),
  WITHDRAW("撤回"),
  APPROVE("同意"),
  RETURN("退回修改"),
  REJECT("不予批准"),
  FILE("予以备案"),
  /** a progress report on supervised work (督查任务报告进展): the work goes on */
  REPORT("报告进展");

  /** The process variable every stage's task is completed with. */
  public static final String VARIABLE = "decision";

  private final String label;

  Decision(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean needsOpinion() {
    return this == RETURN || this == REJECT;
  }

  public static Optional<Decision> of(String name) {
    return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
  }
}
