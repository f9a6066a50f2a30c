package cn.gov.reform.plan;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.gov.reform.approval.Attachments;
import cn.gov.reform.document.OfficialDocuments;
import cn.gov.reform.engine.DerivedFormTexts;
import cn.gov.reform.identity.ProcedureAccess;
import cn.gov.reform.identity.Role;

/** What the reform-plan procedure tells the shared kernel: who starts it, which form texts are copies. */
@Configuration
class PlanProcedure {

  @Bean
  ProcedureAccess planAccess() {
    return new ProcedureAccess(ProcessKeys.PROCESS, Role.DRAFTER);
  }

  @Bean
  DerivedFormTexts planFormTexts() {
    return new DerivedFormTexts(Set.of(ProcessKeys.FORM_CHAIN, ProcessKeys.FORM_SUMMARY, ProcessKeys.FORM_FINDINGS,
        ProcessKeys.FORM_OPINIONS, ProcessKeys.FORM_EDITABLE, ProcessKeys.FORM_EDIT_HINT, ProcessKeys.FORM_DECISION_OPTIONS,
        ProcessKeys.FORM_DECISION_TITLE, ProcessKeys.FORM_OPINION_TITLE, ProcessKeys.FORM_CHANGES,
        ProcessKeys.FORM_CHANGES_TITLE, Attachments.FORM_TEXT,
        OfficialDocuments.FORM_TEXT));
  }
}
