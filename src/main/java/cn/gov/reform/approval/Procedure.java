package cn.gov.reform.approval;

import java.util.List;
import java.util.Optional;

import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.identity.Jurisdiction;

/**
 * What a procedure tells the kernel's shared services (approval operations, record page, copies, attachments): its
 * process key and name, and the item behind a business key. Every procedure declares one bean; {@link Procedures}
 * finds it by process key and decides who may see an item by its region (the same rule for every procedure).
 * The kernel never reads a procedure's tables itself.
 */
public interface Procedure {

  /** The process definition key, also the audit trail's subject type. */
  String processKey();

  /** The procedure's Chinese name, e.g. 乡镇改革方案审批. */
  String name();

  /** The item with this business key, whoever asks; empty when there is none. */
  Optional<Subject> subject(String businessKey);

  /**
   * The user task that stands for the item's start (its author drafting it), when the approval begins at a start
   * form rather than at that task: it counts as passed, so 退回到指定环节 can send the item back to its author.
   */
  default String startStage() {
    return null;
  }

  /**
   * One page of the items the caller may see (the rule of {@link Procedures#visible}: the caller's region covers the
   * item's), either those whose approval has finished or those still under way, the most recently changed first.
   * Read from the procedure's own table with {@link Jurisdiction#sqlScope}, so a page is a page of visible items.
   */
  SubjectPage subjects(Jurisdiction caller, boolean finished, int page, int size);

  /** How many of the items a caller may see are under way, finished, and under way past their deadline. */
  record Counts(long running, long finished, long overdue) {}

  /**
   * The caller's counts of this procedure's items, for the managers' dashboard, {@code /api/stats/procedures} and
   * the {@code reform_items} gauges: by default the totals of {@link #subjects} and {@link #overdue}.
   */
  default Counts counts(Jurisdiction caller) {
    return new Counts(subjects(caller, false, 0, 1).total(), subjects(caller, true, 0, 1).total(), overdue(caller));
  }

  /** How many of the items the caller may see are under way past their deadline (none for a procedure without one). */
  default long overdue(Jurisdiction caller) {
    return 0;
  }

  /**
   * The Chinese word for a decision its timeline recorded at a stage, as the stage's form words it (审核通过, 批准) or
   * as the procedure calls its system steps (通过, 已确定); by default the shared label of {@link Decision}, or of the
   * kernel's own steps (转办, 上传附件 …).
   */
  default String decisionLabel(String stage, String decision) {
    return sharedLabel(decision);
  }

  /** The shared label of a decision ({@link Decision}), of the kernel's own steps (转办, 上传附件 …, 印发), or the decision itself. */
  static String sharedLabel(String decision) {
    if (AuditTrail.DOCUMENT.equals(decision)) {
      return "印发";
    }
    return Decision.of(decision).map(Decision::label).orElseGet(() -> OperationsView.label(decision));
  }

  /**
   * What the record page shows of the item beyond its stages — e.g. a plan's versions and the findings of the
   * current one — as small tables; none by default.
   */
  default List<RecordSection> recordSections(String businessKey) {
    return List.of();
  }

  /**
   * The item's current version (the one under review, or the last one submitted): files added after its submission
   * belong to it. Files added while the item waits at its {@link #startStage()} belong to the version its author
   * submits next (the procedure calls {@link Attachments#submitted} then). Null for items without versions.
   */
  default Integer currentVersion(String businessKey) {
    return null;
  }

  /**
   * Whether the caller may add and remove the item's files (附件) now, e.g. its author while it is theirs to change.
   * Nobody by default: a procedure takes files by saying who and when.
   */
  default boolean mayEdit(String businessKey, Jurisdiction caller) {
    return false;
  }

  /** Who may add and remove the item's files, and when, as a refusal tells the official (Chinese). */
  default String editRule(String businessKey) {
    return "该事项不能添加或删除附件";
  }

  /**
   * Called in the same transaction right after the kernel sent the item's approval back to an earlier stage
   * (退回到指定环节, 撤回) and the stage's task was created again, so the procedure can put its own state in step
   * (the variables its routing reads).
   */
  default void sentBackTo(String processInstanceId, String businessKey, String stageKey) {}
}
