package cn.gov.reform.approval;

import java.util.Optional;

/**
 * What a procedure tells the kernel's shared services (approval operations, record page, copies): its process
 * key and name, and the item behind a business key. Every procedure declares one bean; {@link Procedures}
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
   * Called in the same transaction right after the kernel sent the item's approval back to an earlier stage
   * (退回到指定环节, 撤回) and the stage's task was created again, so the procedure can put its own state in step
   * (the variables its routing reads).
   */
  default void sentBackTo(String processInstanceId, String businessKey, String stageKey) {}
}
