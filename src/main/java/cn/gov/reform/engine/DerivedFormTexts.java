package cn.gov.reform.engine;

import java.util.Set;

/**
 * Task-local variables a procedure fills for its forms from its own tables (summaries, chains, earlier
 * opinions): copies, so {@link LeanHistory} keeps them out of the engine's history. Each
 * procedure declares one as a bean.
 */
public record DerivedFormTexts(Set<String> variableNames) {

  public DerivedFormTexts {
    variableNames = Set.copyOf(variableNames);
  }
}
