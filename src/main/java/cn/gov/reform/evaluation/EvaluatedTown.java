package cn.gov.reform.evaluation;

/**
 * One town of an evaluation year, as stored: the step it is at ({@code stage}: a task key, {@value #EVALUATED} or
 * {@value #DECIDED}), its totals and result, the on-site check, and the exit proposal with the provincial government's
 * decision.
 */
record EvaluatedTown(String evaluationId, String townshipCode, String townshipName, String countyCode, String cityCode,
    String provinceCode, String stage, String openTaskId, Integer selfTotal, Integer finalTotal, Integer maxTotal,
    EvaluationResult result, String resultSource, boolean sampled, String onsiteOutcome, String onsiteOpinion,
    String reviewOpinion, boolean exitProposed, String exitReason, String exitDecision, String exitDecisionNumber,
    String exitOpinion) {

  static final String EVALUATED = "evaluated";
  static final String DECIDED = "decided";

  /** The stage in Chinese. */
  String stageLabel() {
    return switch (stage) {
      case EvaluationKeys.SELF_EVALUATION -> "待市（州）自评";
      case EvaluationKeys.RE_EVALUATION -> "待省编办复评";
      case EvaluationKeys.ONSITE_CHECK -> "待随机抽查（实地核查）";
      case EvaluationKeys.EXIT_DECISION -> "待省政府决定是否退出名单";
      case EVALUATED -> "评估完成";
      case DECIDED -> "评估完成，省政府已作出退出决定";
      default -> stage;
    };
  }
}
