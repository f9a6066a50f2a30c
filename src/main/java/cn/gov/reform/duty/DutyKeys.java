package cn.gov.reform.duty;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.approval.Opinions;
import cn.gov.reform.engine.DerivedFormTexts;
import cn.gov.reform.identity.ProvinceTenants;

/** Keys of the duty-access process (README "职责准入与考核事项"). */
public final class DutyKeys {

  public static final String PROCESS = "dutyAccessApproval";

  // user tasks
  public static final String TOWNSHIP_OPINION = "townshipOpinion";
  public static final String COUNTY_APPROVAL = "countyApproval";
  public static final String REVISE = "reviseDutyRequest";

  // system steps (timeline stages)
  public static final String STARTED = "dutyRequested";
  public static final String CHECK = "checkDutyRequest";
  public static final String HEARING = "hearTownships";
  public static final String OPINION_OVERDUE = "opinionOverdue";
  public static final String SUMMARY = "summariseOpinions";
  public static final String ACCEPT = "acceptDuty";
  public static final String APPROVAL_OVERDUE = "countyApprovalOverdue";
  public static final String REVISION = "revision";

  // decision table (processes/duty/)
  public static final String RULES_DECISION = "dutyAccessRules";

  // process variables: small routing and decision values only
  public static final String VAR_DUTY_ID = "dutyId";
  public static final String VAR_PROVINCE = ProvinceTenants.PROVINCE_VARIABLE;
  public static final String VAR_TOWNSHIP = "township";
  public static final String VAR_COUNTY_GOVERNMENT_GROUP = "countyGovernmentGroup";
  public static final String VAR_DEPARTMENT_GROUP = "departmentGroup";
  public static final String VAR_DECISION = Decision.VARIABLE;
  public static final String VAR_OPINION = Opinions.VARIABLE;

  // task-local texts of the forms (copies: kept out of history)
  public static final String FORM_SUMMARY = "dutySummary";
  public static final String FORM_FINDINGS = "dutyFindings";
  public static final String FORM_OPINIONS = "dutyOpinions";
  public static final String FORM_CHAIN = "dutyChain";
  public static final String FORM_SUBJECT = DerivedFormTexts.SUBJECT_LABEL;

  private DutyKeys() {}
}
