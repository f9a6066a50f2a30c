package cn.gov.reform.duty;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.reform.engine.DeployedDecisions;
import cn.gov.reform.web.FieldError;

/**
 * The rules of a duty-access request (README "职责准入与考核事项"): which elements it must state and which forms need a cited
 * higher-level document are the rows of the decision table {@value DutyKeys#RULES_DECISION} (latest deployed version,
 * each row with its clause); this class only knows how to read a request's field for a row's {@code element}.
 */
@Component
class DutyRules {

  private final DeployedDecisions decisions;

  DutyRules(DeployedDecisions decisions) {
    this.decisions = decisions;
  }

  /** What the request lacks under the rules of its province, one error per row it breaks; empty when it passes. */
  List<FieldError> check(DutyRequest r, String provinceCode) {
    List<FieldError> errors = new ArrayList<>();
    for (DmnDecisionResultEntries row : decisions.evaluateLatest(DutyKeys.RULES_DECISION,
        Variables.createVariables().putValue("provinceCode", provinceCode))) {
      String element = ((String) row.get("element")).strip();
      String where = "（" + row.get("source") + "，规则 " + row.get("rule") + "）";
      if ("basis".equals(element)) {
        if (!r.forms().isEmpty() && (r.basis() == null || !r.basis().complete())) {
          errors.add(new FieldError("basis", "以" + r.forms().stream().map(DutyRequest.ShiftedForm::label)
              .collect(Collectors.joining("、")) + "的形式要求乡镇承担，须引用" + row.get("label") + "（名称、文号和发文机关），"
              + "否则不得将工作责任转嫁给乡镇" + where));
        }
      } else if (missing(value(r, element))) {
        errors.add(new FieldError(element, "未写明" + row.get("label") + where));
      }
    }
    return errors;
  }

  private static boolean missing(Object value) {
    return value == null || value instanceof String s && s.isBlank();
  }

  private static Object value(DutyRequest r, String element) {
    return switch (element) {
      case "goal" -> r.goal();
      case "content" -> r.content();
      case "authority" -> r.authority();
      case "division" -> r.division();
      case "deadline" -> r.deadline();
      case "staff" -> r.staff();
      case "funds" -> r.funds();
      case "training" -> r.training();
      default -> throw new IllegalStateException("决策表 " + DutyKeys.RULES_DECISION + " 的检查项 " + element
          + " 无法执行：应为 goal、content、authority、division、deadline、staff、funds、training 或 basis");
    };
  }
}
