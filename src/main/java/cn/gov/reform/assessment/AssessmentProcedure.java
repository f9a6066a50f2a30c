package cn.gov.reform.assessment;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.gov.reform.approval.Attachments;
import cn.gov.reform.approval.StageDecisions;
import cn.gov.reform.engine.DerivedFormTexts;
import cn.gov.reform.identity.ProcedureAccess;
import cn.gov.reform.identity.Role;

/** What the assessment-item procedure tells the shared kernel: county departments start it; which form texts are copies. */
@Configuration
class AssessmentProcedure {

  @Bean
  ProcedureAccess assessmentAccess() {
    return new ProcedureAccess(AssessmentKeys.PROCESS, Role.COUNTY_DEPARTMENT);
  }

  @Bean
  DerivedFormTexts assessmentFormTexts() {
    return new DerivedFormTexts(Set.of(AssessmentKeys.FORM_CHAIN, AssessmentKeys.FORM_SUMMARY, AssessmentKeys.FORM_OPINIONS,
        StageDecisions.OPTIONS, StageDecisions.TITLE, StageDecisions.OPINION_TITLE, Attachments.FORM_TEXT));
  }
}
