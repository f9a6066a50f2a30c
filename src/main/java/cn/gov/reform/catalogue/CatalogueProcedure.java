package cn.gov.reform.catalogue;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.gov.reform.approval.Attachments;
import cn.gov.reform.approval.StageDecisions;
import cn.gov.reform.document.OfficialDocuments;
import cn.gov.reform.engine.DerivedFormTexts;
import cn.gov.reform.identity.ProcedureAccess;
import cn.gov.reform.identity.Role;

/** What the power-catalogue procedure tells the shared kernel: county drafters start it; which form texts are copies. */
@Configuration
class CatalogueProcedure {

  @Bean
  ProcedureAccess catalogueAccess() {
    return new ProcedureAccess(CatalogueKeys.PROCESS, Role.DRAFTER);
  }

  @Bean
  DerivedFormTexts catalogueFormTexts() {
    return new DerivedFormTexts(Set.of(CatalogueKeys.FORM_CHAIN, CatalogueKeys.FORM_SUMMARY, CatalogueKeys.FORM_FINDINGS,
        CatalogueKeys.FORM_OPINIONS, CatalogueKeys.FORM_CHANGES, CatalogueKeys.FORM_CHANGES_TITLE, CatalogueKeys.FORM_EDITABLE,
        CatalogueKeys.FORM_EDIT_HINT, StageDecisions.OPTIONS, StageDecisions.TITLE, StageDecisions.OPINION_TITLE,
        Attachments.FORM_TEXT, OfficialDocuments.FORM_TEXT));
  }
}
