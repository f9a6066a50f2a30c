package cn.gov.reform.assessment;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.TownshipDuties;
import cn.gov.reform.engine.DeployedDecisions;
import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.web.FieldError;

/**
 * The rules of an assessment-item request and its route (README "职责准入与考核事项"): which checks apply to a kind in a
 * province are the rows of {@value AssessmentKeys#RULES_DECISION}, whether the provincial committee and government approve
 * after the county is {@value AssessmentKeys#ROUTE_DECISION}'s (latest deployed versions, each row with its clause). This
 * class only knows how to run a row's {@code check}: {@code basis} (a complete cited central or provincial document),
 * {@code singleItem} (一事一报: one item per request), {@code dutyList} (each item's duty on each named township's list).
 */
@Component
class AssessmentRules {

  private final DeployedDecisions decisions;
  private final TownshipDuties duties;
  private final RegionDirectory regions;

  AssessmentRules(DeployedDecisions decisions, TownshipDuties duties, RegionDirectory regions) {
    this.decisions = decisions;
    this.duties = duties;
    this.regions = regions;
  }

  /** What the request breaks under the rules of its province and kind, one error per breach; empty when it passes. */
  List<FieldError> check(AssessmentRequest r, String provinceCode) {
    List<FieldError> errors = new ArrayList<>();
    for (DmnDecisionResultEntries row : decisions.evaluateLatest(AssessmentKeys.RULES_DECISION, inputs(r.kind(), provinceCode))) {
      String check = ((String) row.get("check")).strip();
      String where = "（" + row.get("source") + "，规则 " + row.get("rule") + "）";
      switch (check) {
        case "basis" -> {
          if (r.basis() == null || !r.basis().complete()) {
            errors.add(new FieldError("basis", "对乡镇设置" + r.kind().label() + "事项，须引用" + row.get("label")
                + "（名称、文号和发文机关），否则不得设置" + where));
          }
        }
        case "singleItem" -> {
          if (r.items().size() > 1) {
            errors.add(new FieldError("items", r.kind().label() + "按一事一报原则报批，每次只能申请1项，本申请有" + r.items().size() + "项" + where));
          }
        }
        case "dutyList" -> {
          for (int i = 0; i < r.items().size(); i++) {
            String dutyId = r.items().get(i).dutyId();
            for (String township : r.townshipCodes()) {
              if (duties.find(township, dutyId).isEmpty()) {
                errors.add(new FieldError("items[" + i + "].dutyId", "职责 " + dutyId + " 不在" + regions.townshipName(township).orElse(township)
                    + "（" + township + "）的职责清单中，不得对其下达考核指标" + where));
              }
            }
          }
        }
        default -> throw new IllegalStateException("决策表 " + AssessmentKeys.RULES_DECISION + " 的检查项 " + check
            + " 无法执行：应为 basis、singleItem 或 dutyList");
      }
    }
    return errors;
  }

  /** The route of the request: whether the provincial committee and government approve after the county, and why. */
  record Route(boolean provinceApproval, String source) {}

  Route route(AssessmentKind kind, String provinceCode) {
    DmnDecisionResultEntries row = decisions.evaluateLatest(AssessmentKeys.ROUTE_DECISION, inputs(kind, provinceCode)).getSingleResult();
    if (row == null) {
      throw new IllegalStateException("决策表 " + AssessmentKeys.ROUTE_DECISION + " 对 " + provinceCode + "/" + kind + " 没有匹配的规则");
    }
    return new Route(Boolean.TRUE.equals(row.get("provinceApproval")), (String) row.get("source"));
  }

  private static org.camunda.bpm.engine.variable.VariableMap inputs(AssessmentKind kind, String provinceCode) {
    return Variables.createVariables().putValue("provinceCode", provinceCode).putValue("kind", kind.name());
  }
}
