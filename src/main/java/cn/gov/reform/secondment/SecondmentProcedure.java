package cn.gov.reform.secondment;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.gov.reform.approval.StageDecisions;
import cn.gov.reform.engine.DerivedFormTexts;
import cn.gov.reform.identity.ProcedureAccess;
import cn.gov.reform.identity.Role;

/** What the secondment procedure tells the shared kernel: requesting bodies start it; which form texts are copies. */
@Configuration
class SecondmentProcedure {

  @Bean
  ProcedureAccess secondmentAccess() {
    return new ProcedureAccess(SecondmentKeys.PROCESS, Role.REQUESTER);
  }

  @Bean
  DerivedFormTexts secondmentFormTexts() {
    return new DerivedFormTexts(Set.of(SecondmentKeys.FORM_CHAIN, SecondmentKeys.FORM_SUMMARY, SecondmentKeys.FORM_FINDINGS,
        SecondmentKeys.FORM_OPINIONS, SecondmentKeys.FORM_REMINDER, StageDecisions.OPTIONS, StageDecisions.TITLE,
        StageDecisions.OPINION_TITLE));
  }
}
