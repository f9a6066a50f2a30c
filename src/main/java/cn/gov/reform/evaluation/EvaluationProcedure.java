package cn.gov.reform.evaluation;

import java.util.HashSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.gov.reform.approval.StageDecisions;
import cn.gov.reform.engine.DerivedFormTexts;
import cn.gov.reform.identity.ProcedureAccess;
import cn.gov.reform.identity.Role;

/**
 * What the developed-town procedures tell the shared kernel: the provincial 编办 launches evaluation years, the city
 * government applies for a town to enter the list (both over {@code /api}); which form texts are copies.
 */
@Configuration
class EvaluationProcedure {

  @Bean
  ProcedureAccess evaluationAccess() {
    return new ProcedureAccess(EvaluationKeys.PROCESS, Role.REVIEWER);
  }

  @Bean
  ProcedureAccess recognitionAccess() {
    return new ProcedureAccess(EvaluationKeys.RECOGNITION, Role.SUBMITTER);
  }

  @Bean
  DerivedFormTexts evaluationFormTexts() {
    Set<String> names = new HashSet<>(EvaluationForms.NAMES);
    names.addAll(Set.of(StageDecisions.OPTIONS, StageDecisions.TITLE, StageDecisions.OPINION_TITLE));
    return new DerivedFormTexts(names);
  }
}
