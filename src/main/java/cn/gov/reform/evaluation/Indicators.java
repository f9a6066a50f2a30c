package cn.gov.reform.evaluation;

import java.util.List;

import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.reform.engine.DeployedDecisions;

/**
 * The indicators of a province's annual evaluation and the result a score earns: rows of the decision tables
 * {@value EvaluationKeys#INDICATORS_DECISION} and {@value EvaluationKeys#RESULT_DECISION} (latest deployed versions), each
 * with its clause; an official changes them in Modeler, not here.
 */
@Component
class Indicators {

  /** A result with the clause of the row that gave it. */
  record Result(EvaluationResult result, String source) {}

  private final DeployedDecisions decisions;

  Indicators(DeployedDecisions decisions) {
    this.decisions = decisions;
  }

  /** The province's indicators in the table's order; empty for a province that has none. */
  List<Indicator> of(String provinceCode) {
    return decisions.evaluateLatest(EvaluationKeys.INDICATORS_DECISION, Variables.createVariables().putValue("provinceCode",
        provinceCode)).getResultList().stream().map(row -> new Indicator((String) row.get("code"), (String) row.get("name"),
            ((Number) row.get("maxScore")).intValue(), (String) row.get("source"))).toList();
  }

  /** The result of a total out of a maximum (the share in per cent decides). */
  Result result(int total, int max) {
    double percent = max == 0 ? 0 : total * 100.0 / max;
    var rows = decisions.evaluateLatest(EvaluationKeys.RESULT_DECISION, Variables.createVariables().putValue("percent", percent));
    if (rows.isEmpty()) {
      throw new IllegalStateException("决策表 " + EvaluationKeys.RESULT_DECISION + " 对得分率 " + percent + "% 没有匹配的行");
    }
    return new Result(EvaluationResult.valueOf((String) rows.getFirstResult().get("result")),
        (String) rows.getFirstResult().get("source"));
  }
}
