package cn.gov.reform.process;

/** Keys of the reform-plan process (CONTRACT "The reform-plan process"). */
public final class ProcessKeys {

  public static final String PROCESS = "reformPlanApproval";

  // user tasks
  public static final String DRAFT_PLAN = "draftPlan";
  public static final String CITY_REVIEW = "cityReview";
  public static final String CITY_APPROVAL = "cityApproval";
  public static final String PROVINCE_FILING = "provinceFiling";
  public static final String VALIDATE_PLAN = "validatePlan";

  // process variables: small routing and decision values only
  public static final String VAR_PLAN_ID = "planId";
  public static final String VAR_COUNTY = "countyCode";
  public static final String VAR_CITY = "cityCode";
  public static final String VAR_PROVINCE = "provinceCode";
  public static final String VAR_PLAN_TYPE = "planType";
  public static final String VAR_HAS_ERRORS = "hasErrors";
  public static final String VAR_DECISION = "decision";
  public static final String VAR_OPINION = "opinion";
  public static final String VAR_FILING_NUMBER = "filingNumber";
  public static final String VAR_DRAFTER_GROUP = "drafterGroup";
  public static final String VAR_REVIEWER_GROUP = "reviewerGroup";
  public static final String VAR_APPROVER_GROUP = "approverGroup";
  public static final String VAR_FILER_GROUP = "filerGroup";

  // task-local display variables read by the Camunda Forms
  public static final String FORM_SUMMARY = "planSummary";
  public static final String FORM_FINDINGS = "planFindings";
  public static final String FORM_OPINIONS = "planOpinions";
  public static final String FORM_CHAIN = "planChain";
  public static final String FORM_EDITABLE = "editableInForm";
  public static final String FORM_EDIT_HINT = "editHint";

  public static final int MAX_OPINION = 2000;
  public static final int MAX_FILING_NUMBER = 60;

  private ProcessKeys() {}
}
