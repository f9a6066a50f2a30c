package cn.gov.reform.evaluation;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.approval.Opinions;
import cn.gov.reform.engine.DerivedFormTexts;
import cn.gov.reform.identity.ProvinceTenants;

/** Keys of the developed-town processes (README "经济发达镇名单与年度评估"). */
public final class EvaluationKeys {

  /** The annual evaluation of a province's developed towns; business key = the evaluation year's id. */
  public static final String PROCESS = "developedTownEvaluation";
  /** An application to enter a province's list; business key = the application's id. */
  public static final String RECOGNITION = "developedTownRecognition";

  // user tasks and system steps of the evaluation
  public static final String LAUNCHED = "evaluationLaunched";
  public static final String SAMPLE = "drawSample";
  public static final String SELF_EVALUATION = "selfEvaluation";
  public static final String RE_EVALUATION = "reEvaluation";
  public static final String ONSITE_CHECK = "onsiteCheck";
  public static final String RESULT = "evaluationResult";
  public static final String PROPOSE_EXITS = "proposeExits";
  public static final String EXIT_DECISION = "exitDecision";
  public static final String LIST_UPDATED = "listUpdated";
  public static final String FINISHED = "evaluationFinished";

  // user tasks and steps of a recognition
  public static final String APPLIED = "recognitionApplied";
  public static final String THRESHOLDS = "checkThresholds";
  public static final String RECOGNITION_APPROVAL = "recognitionApproval";

  // decision tables (processes/evaluation/)
  public static final String INDICATORS_DECISION = "evaluationIndicators";
  public static final String RESULT_DECISION = "evaluationResult";
  public static final String THRESHOLDS_DECISION = "recognitionThresholds";

  // process variables: small routing values only
  public static final String VAR_EVALUATION_ID = "evaluationId";
  public static final String VAR_APPLICATION_ID = "applicationId";
  public static final String VAR_PROVINCE = ProvinceTenants.PROVINCE_VARIABLE;
  public static final String VAR_TOWNSHIP = "township";
  public static final String VAR_PROVINCE_REVIEWER_GROUP = "provinceReviewerGroup";
  public static final String VAR_PROVINCE_APPROVER_GROUP = "provinceApproverGroup";
  public static final String VAR_DECISION = Decision.VARIABLE;
  public static final String VAR_OPINION = Opinions.VARIABLE;
  public static final String VAR_SCORES = "scoresText";
  public static final String VAR_DECISION_NUMBER = "decisionNumber";
  /** Local to a town's branch: the on-site check's decision, read by the gateway after it. */
  public static final String VAR_ONSITE_OUTCOME = "onsiteOutcome";
  public static final String VAR_HAS_ERRORS = "hasErrors";
  public static final String VAR_EXIT_PROPOSALS = "exitProposals";

  // task-local texts of the forms (copies: kept out of history)
  public static final String FORM_SUMMARY = "evaluationSummary";
  public static final String FORM_INDICATORS = "indicatorsText";
  public static final String FORM_SELF_SCORES = "selfScoresText";
  public static final String FORM_SCORES_HINT = "scoresHint";
  public static final String FORM_OPINIONS = "evaluationOpinions";
  public static final String FORM_NEEDS_NUMBER = "needsDecisionNumber";
  public static final String FORM_SUBJECT = DerivedFormTexts.SUBJECT_LABEL;

  private EvaluationKeys() {}
}
