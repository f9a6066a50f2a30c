package cn.gov.reform.assessment;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.approval.Opinions;
import cn.gov.reform.engine.DerivedFormTexts;
import cn.gov.reform.identity.ProvinceTenants;

/** Keys of the assessment-item process (README "职责准入与考核事项"). */
public final class AssessmentKeys {

  public static final String PROCESS = "assessmentItemApproval";

  // user tasks
  public static final String COUNTY_APPROVAL = "countyApproval";
  public static final String PROVINCE_APPROVAL = "provinceApproval";
  public static final String REVISE = "reviseAssessmentItem";

  // system steps (timeline stages)
  public static final String STARTED = "assessmentRequested";
  public static final String CHECK = "checkAssessmentItem";
  public static final String REVISION = "revision";
  public static final String OVERDUE = "approvalOverdue";

  // decision tables (processes/assessment/)
  public static final String RULES_DECISION = "assessmentItemRules";
  public static final String ROUTE_DECISION = "assessmentItemRoute";

  // process variables: small routing and decision values only
  public static final String VAR_ITEM_ID = "assessmentItemId";
  public static final String VAR_PROVINCE = ProvinceTenants.PROVINCE_VARIABLE;
  public static final String VAR_PROVINCE_APPROVAL = "provinceApprovalNeeded";
  public static final String VAR_COUNTY_GOVERNMENT_GROUP = "countyGovernmentGroup";
  public static final String VAR_PROVINCE_GROUP = "provinceGovernmentGroup";
  public static final String VAR_DEPARTMENT_GROUP = "departmentGroup";
  public static final String VAR_DECISION = Decision.VARIABLE;
  public static final String VAR_OPINION = Opinions.VARIABLE;

  // task-local texts of the forms (copies: kept out of history)
  public static final String FORM_SUMMARY = "assessmentSummary";
  public static final String FORM_CHAIN = "assessmentChain";
  public static final String FORM_OPINIONS = "assessmentOpinions";
  public static final String FORM_SUBJECT = DerivedFormTexts.SUBJECT_LABEL;

  private AssessmentKeys() {}
}
