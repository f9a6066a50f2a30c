package cn.gov.reform.plan;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.approval.Opinions;
import cn.gov.reform.approval.StageDecisions;
import cn.gov.reform.approval.SubmissionCheck;
import cn.gov.reform.engine.DerivedFormTexts;

/** Keys of the reform-plan process (README "审批链 / Approval chains"). */
public final class ProcessKeys {

  public static final String PROCESS = "reformPlanApproval";

  // user tasks
  public static final String DRAFT_PLAN = "draftPlan";
  public static final String CITY_REVIEW = "cityReview";
  public static final String CITY_SUBMISSION = "citySubmission";
  public static final String CITY_APPROVAL = "cityApproval";
  public static final String PROVINCE_REVIEW = "provinceReview";
  public static final String DEPARTMENT_REVIEW = "departmentReview";
  public static final String PROVINCE_APPROVAL = "provinceApproval";
  public static final String PROVINCE_FILING = "provinceFiling";
  public static final String VALIDATE_PLAN = "validatePlan";
  public static final String DETERMINE_ROUTE = "determineRoute";

  /** DMN decision that picks a plan's chain (processes/approvalRoute.dmn). */
  public static final String ROUTE_DECISION = "approvalRoute";
  public static final String SUPERVISE_PLAN = "supervisePlan";
  /** timeline stage of a plan passing its deadline */
  public static final String PLAN_OVERDUE = "planOverdue";
  /** message starting the 督办 event subprocess */
  public static final String MSG_SUPERVISION = "planSupervision";

  // process variables: small routing and decision values only
  public static final String VAR_PLAN_ID = "planId";
  public static final String VAR_COUNTY = "countyCode";
  public static final String VAR_CITY = "cityCode";
  public static final String VAR_PROVINCE = "provinceCode";
  public static final String VAR_PLAN_TYPE = "planType";
  public static final String VAR_HAS_ERRORS = SubmissionCheck.HAS_ERRORS;
  public static final String VAR_DECISION = Decision.VARIABLE;
  public static final String VAR_OPINION = Opinions.VARIABLE;
  public static final String VAR_FILING_NUMBER = "filingNumber";
  public static final String VAR_SUPERVISION_REASON = "supervisionReason";
  public static final String VAR_TARGET_DATE = "targetDate";
  /** the plan's deadline after a supervisor moved it (ISO date); the deadline branch listens for it */
  public static final String VAR_DEADLINE = "deadline";
  /** Which plan: county and townships, shown in Tasklist's task list (a copy of the plan's record). */
  public static final String VAR_PLAN_LABEL = DerivedFormTexts.SUBJECT_LABEL;
  public static final String VAR_DRAFTER_GROUP = "drafterGroup";
  public static final String VAR_REVIEWER_GROUP = "reviewerGroup";
  public static final String VAR_APPROVER_GROUP = "approverGroup";
  public static final String VAR_FILER_GROUP = "filerGroup";
  public static final String VAR_SUBMITTER_GROUP = "submitterGroup";
  public static final String VAR_PROVINCE_REVIEWER_GROUP = "provinceReviewerGroup";
  public static final String VAR_PROVINCE_APPROVER_GROUP = "provinceApproverGroup";
  public static final String VAR_DEPARTMENT_GROUP = "departmentGroup";
  // the chain (from approvalRoute): its stages, its name with the source clause, its end state
  public static final String VAR_ROUTE = "route";
  public static final String VAR_ROUTE_NAME = "routeName";
  public static final String VAR_FINAL_STATUS = "finalStatus";
  public static final String VAR_ROUTE_STAGE_NAMES = "routeStageNames";
  /** Set when anybody in the joint review (province 编办 or a department) returned the plan. */
  public static final String VAR_JOINT_REVIEW_RETURNED = "jointReviewReturned";

  // task-local display variables read by the Camunda Forms
  public static final String FORM_SUMMARY = "planSummary";
  public static final String FORM_FINDINGS = "planFindings";
  public static final String FORM_OPINIONS = "planOpinions";
  public static final String FORM_CHAIN = "planChain";
  public static final String FORM_EDITABLE = "editableInForm";
  public static final String FORM_EDIT_HINT = "editHint";
  /** the stage's decisions as the form's radio options (JSON list of label/value, read through valuesKey) */
  public static final String FORM_DECISION_OPTIONS = StageDecisions.OPTIONS;
  /** what the stage calls its decision and its opinion, e.g. 审批意见 and 审批意见说明 */
  public static final String FORM_DECISION_TITLE = StageDecisions.TITLE;
  public static final String FORM_OPINION_TITLE = StageDecisions.OPINION_TITLE;
  /** what changed since the version this stage last decided on, and its title (not set when nothing is to compare) */
  public static final String FORM_CHANGES = "changesText";
  public static final String FORM_CHANGES_TITLE = "changesTitle";

  public static final int MAX_FILING_NUMBER = 60;

  private ProcessKeys() {}
}
