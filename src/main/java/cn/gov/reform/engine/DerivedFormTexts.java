package cn.gov.reform.engine;

import java.util.Set;

/**
 * Task-local variables a procedure fills for its forms from its own tables (summaries, chains, earlier
 * opinions): copies, so {@link LeanHistory} keeps them out of the engine's history. Each
 * procedure declares one as a bean.
 */
public record DerivedFormTexts(Set<String> variableNames) {

  /**
   * The task-local variable in which every procedure says what a task is about ("宁阳县 · 磁窑镇等3个乡镇"); the shared
   * Tasklist filters show it under each task's name. A copy like the form texts: never in history.
   */
  public static final String SUBJECT_LABEL = "subjectLabel";

  public DerivedFormTexts {
    variableNames = Set.copyOf(variableNames);
  }
}
