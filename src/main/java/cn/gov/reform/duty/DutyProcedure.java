package cn.gov.reform.duty;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.gov.reform.approval.Attachments;
import cn.gov.reform.approval.StageDecisions;
import cn.gov.reform.engine.DerivedFormTexts;
import cn.gov.reform.identity.ProcedureAccess;
import cn.gov.reform.identity.Role;

/** What the duty-access procedure tells the shared kernel: county departments start it; which form texts are copies. */
@Configuration
class DutyProcedure {

  @Bean
  ProcedureAccess dutyAccess() {
    return new ProcedureAccess(DutyKeys.PROCESS, Role.COUNTY_DEPARTMENT);
  }

  @Bean
  DerivedFormTexts dutyFormTexts() {
    return new DerivedFormTexts(Set.of(DutyKeys.FORM_CHAIN, DutyKeys.FORM_SUMMARY, DutyKeys.FORM_FINDINGS, DutyKeys.FORM_OPINIONS,
        StageDecisions.OPTIONS, StageDecisions.TITLE, StageDecisions.OPINION_TITLE, Attachments.FORM_TEXT));
  }
}
