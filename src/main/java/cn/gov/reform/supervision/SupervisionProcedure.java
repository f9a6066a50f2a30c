package cn.gov.reform.supervision;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.gov.reform.approval.Attachments;
import cn.gov.reform.approval.StageDecisions;
import cn.gov.reform.engine.DerivedFormTexts;
import cn.gov.reform.identity.ProcedureAccess;
import cn.gov.reform.identity.Role;

/** What the key-task supervision tells the shared kernel: supervisors launch it; which form texts are copies. */
@Configuration
class SupervisionProcedure {

  @Bean
  ProcedureAccess supervisionAccess() {
    return new ProcedureAccess(SupervisionKeys.PROCESS, Role.SUPERVISOR);
  }

  @Bean
  DerivedFormTexts supervisionFormTexts() {
    return new DerivedFormTexts(Set.of(SupervisionKeys.FORM_TASK, SupervisionKeys.FORM_REPORTS, SupervisionKeys.FORM_REASON,
        StageDecisions.OPTIONS, StageDecisions.TITLE, StageDecisions.OPINION_TITLE, Attachments.FORM_TEXT));
  }
}
