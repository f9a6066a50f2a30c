package cn.gov.reform.secondment;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.approval.Opinions;
import cn.gov.reform.approval.StageHub;
import cn.gov.reform.approval.SubmissionCheck;
import cn.gov.reform.engine.DerivedFormTexts;
import cn.gov.reform.identity.ProvinceTenants;

/** Keys of the secondment process (README "借调 / Secondments"). */
public final class SecondmentKeys {

  public static final String PROCESS = "secondmentApproval";

  // user tasks, the parallel block and system steps
  public static final String REVISE = "reviseSecondment";
  public static final String TOWNSHIP_CONSENT = "townshipConsent";
  public static final String ORGANISATION_APPROVAL = "organisationApproval";
  public static final String HUMAN_RESOURCES_APPROVAL = "humanResourcesApproval";
  /** The parallel block of organisation and human-resources approval (Gansu): one stage of a chain. */
  public static final String DEPARTMENT_APPROVALS = "departmentApprovals";
  public static final String COUNTY_GOVERNMENT_CONSENT = "countyGovernmentConsent";
  public static final String REQUESTER_REMINDER = "requesterReminder";
  public static final String TOWNSHIP_REMINDER = "townshipReminder";
  public static final String STARTED = "secondmentRequested";
  public static final String DETERMINE_ROUTE = "determineSecondmentRoute";
  public static final String CHECK = "checkSecondment";
  public static final String APPROVED = "secondmentApproved";
  public static final String REMIND = "remindBeforeEnd";
  public static final String RECORD_RETURN = "recordReturn";
  /** The hub's answer once every stage of the chain has approved. */
  public static final String APPROVED_NEXT = "SECONDED";

  // decision tables (processes/secondment/)
  public static final String ROUTE_DECISION = "secondmentRoute";
  public static final String RULES_DECISION = "secondmentRules";

  // process variables: small routing and timer values only
  public static final String VAR_SECONDMENT_ID = "secondmentId";
  public static final String VAR_PROVINCE = ProvinceTenants.PROVINCE_VARIABLE;
  public static final String VAR_ROUTE = "route";
  public static final String VAR_ROUTE_NAME = "routeName";
  public static final String VAR_DECISION = Decision.VARIABLE;
  public static final String VAR_OPINION = Opinions.VARIABLE;
  public static final String VAR_HAS_ERRORS = SubmissionCheck.HAS_ERRORS;
  public static final String VAR_LAST_STAGE = StageHub.LAST_STAGE;
  /** Whether the block 县级部门审批 asks the human-resources bureau too (Gansu). */
  public static final String VAR_WITH_HUMAN_RESOURCES = "withHumanResources";
  public static final String VAR_REQUESTER_GROUP = "requesterGroup";
  public static final String VAR_TOWNSHIP_GROUP = "townshipGroup";
  public static final String VAR_ORGANISATION_GROUP = "organisationGroup";
  public static final String VAR_HUMAN_RESOURCES_GROUP = "humanResourcesGroup";
  public static final String VAR_COUNTY_GOVERNMENT_GROUP = "countyGovernmentGroup";
  /** When the reminder before the end falls due, and when the secondment ends (the day after its end date, 00:00). */
  public static final String VAR_REMINDER_AT = "reminderAt";
  public static final String VAR_ENDS_AT = "endsAt";

  // task-local texts of the forms (copies: kept out of history)
  public static final String FORM_CHAIN = "secondmentChain";
  public static final String FORM_SUMMARY = "secondmentSummary";
  public static final String FORM_FINDINGS = "secondmentFindings";
  public static final String FORM_OPINIONS = "secondmentOpinions";
  public static final String FORM_REMINDER = "reminderText";
  public static final String FORM_SUBJECT = DerivedFormTexts.SUBJECT_LABEL;

  private SecondmentKeys() {}
}
