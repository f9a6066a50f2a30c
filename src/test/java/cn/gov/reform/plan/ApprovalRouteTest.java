package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.List;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/** What a row of approvalRoute may say, so that an official's edit the model cannot carry is refused with the reason. */
class ApprovalRouteTest {

  @Test
  void shouldAcceptEveryRowOfTheDeployedTableAndEndItWithTheNationalDefault() {
    DmnModelInstance model = Dmn.readModelFromFile(new File("processes/approvalRoute.dmn"));
    List<Rule> rules = List.copyOf(model.getModelElementsByType(Rule.class));
    assertThat(rules).hasSizeGreaterThanOrEqualTo(5);
    for (Rule rule : rules) {
      List<String> out = rule.getOutputEntries().stream().map(e -> e.getText().getTextContent().replace("\"", "")).toList();
      assertThat(rule.getDescription()).as("source clause of %s", rule.getId()).isNotNull();
      assertThat(ApprovalRoute.of(out.get(2), out.get(0), out.get(1), out.get(3)).stages()).as(rule.getId()).isNotEmpty();
    }
    Rule last = rules.get(rules.size() - 1);
    assertThat(last.getInputEntries()).allSatisfy(e -> assertThat(e.getText().getTextContent()).isBlank());
  }

  @Test
  void shouldReadAChainInTheModelsOrder() {
    ApprovalRoute jilin = ApprovalRoute.of("吉林", "citySubmission, provinceReview,departmentReview,provinceApproval", "APPROVED", null);
    assertThat(jilin.stages()).containsExactly(Stage.CITY_SUBMISSION, Stage.PROVINCE_REVIEW, Stage.DEPARTMENT_REVIEW,
        Stage.PROVINCE_APPROVAL);
    assertThat(jilin.finalStatus()).isEqualTo(PlanStatus.APPROVED);
    assertThat(jilin.stageKeys()).isEqualTo("citySubmission,provinceReview,departmentReview,provinceApproval");
    ApprovalRoute gansu = ApprovalRoute.of("甘肃", "cityApproval", "APPROVED", " cityApproval = 市委审批 ");
    assertThat(gansu.label(Stage.CITY_APPROVAL)).isEqualTo("市委审批");
    assertThat(jilin.label(Stage.PROVINCE_REVIEW)).isEqualTo("省编办审核");
  }

  @Test
  void shouldRefuseRowsTheModelCannotCarry() {
    assertThatThrownBy(() -> ApprovalRoute.of("甲", "cityReview,countyReview", "FILED", null)).hasMessageContaining("未知环节“countyReview”");
    assertThatThrownBy(() -> ApprovalRoute.of("乙", "draftPlan,cityReview", "FILED", null)).hasMessageContaining("未知环节“draftPlan”");
    assertThatThrownBy(() -> ApprovalRoute.of("丙", "cityApproval,cityReview", "APPROVED", null)).hasMessageContaining("顺序");
    assertThatThrownBy(() -> ApprovalRoute.of("丁", "cityReview,cityApproval,provinceFiling", "APPROVED", null))
        .hasMessageContaining("应为 FILED");
    assertThatThrownBy(() -> ApprovalRoute.of("戊", "cityReview,provinceApproval", "FILED", null)).hasMessageContaining("应为 APPROVED");
    assertThatThrownBy(() -> ApprovalRoute.of("己", "departmentReview,provinceApproval", "APPROVED", null))
        .hasMessageContaining("departmentReview 需要 provinceReview");
    assertThatThrownBy(() -> ApprovalRoute.of("庚", "", "APPROVED", null)).hasMessageContaining("未知环节");
    assertThatThrownBy(() -> ApprovalRoute.of(" ", "cityApproval", "APPROVED", null)).hasMessageContaining("缺少名称");
    assertThatThrownBy(() -> ApprovalRoute.of("辛", "cityApproval", "APPROVED", "cityReview=市编办")).hasMessageContaining("不是本审批链的环节");
    assertThatThrownBy(() -> ApprovalRoute.of("壬", "cityApproval", "APPROVED", "cityApproval")).hasMessageContaining("应写作 环节=名称");
  }
}
