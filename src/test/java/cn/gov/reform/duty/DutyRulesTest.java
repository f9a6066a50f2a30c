package cn.gov.reform.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.reform.approval.CitedDocument;
import cn.gov.reform.engine.DeployedDecisions;
import cn.gov.reform.support.Http;
import cn.gov.reform.web.FieldError;

/**
 * Every row of {@value DutyKeys#RULES_DECISION} on both sides of its line (README "职责准入与考核事项"): each element the
 * documents require, present and missing; 责任状, quota breakdowns and acceptance checks with and without a complete cited
 * document; each refusal names the element and its clause (Shandong's documents in 山东, 通办发〔2020〕6号 in 甘肃).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class DutyRulesTest {

  @Autowired DutyRules rules;
  @Autowired DeployedDecisions decisions;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @LocalServerPort int port;

  record Case(String element, String label, UnaryOperator<DutyRequest> without) {}

  static List<Case> elements() {
    return List.of(
        new Case("goal", "工作目标", r -> with(r, Map.of("goal", ""))),
        new Case("content", "工作内容", r -> with(r, Map.of("content", " "))),
        new Case("authority", "权限", r -> with(r, Map.of("authority", ""))),
        new Case("division", "分工", r -> with(r, Map.of("division", ""))),
        new Case("deadline", "期限", r -> with(r, Map.of("deadline", ""))),
        new Case("staff", "人员保障", r -> with(r, Map.of("staff", ""))),
        new Case("funds", "经费保障", r -> with(r, Map.of("funds", ""))),
        new Case("training", "业务培训", r -> with(r, Map.of("training", ""))));
  }

  /** The request with the given field replaced (blank text, or null), the rest as it was. */
  static DutyRequest with(DutyRequest r, Map<String, String> field) {
    String k = field.keySet().iterator().next();
    String v = field.get(k);
    return new DutyRequest(r.title(), r.countyCode(), r.department(), r.townshipCodes(), k.equals("goal") ? v : r.goal(),
        k.equals("content") ? v : r.content(), k.equals("authority") ? v : r.authority(), k.equals("division") ? v : r.division(),
        k.equals("deadline") ? null : r.deadline(), k.equals("staff") ? null : r.staff(), k.equals("funds") ? v : r.funds(),
        k.equals("training") ? null : r.training(), r.forms(), r.basis());
  }

  @ParameterizedTest
  @MethodSource("elements")
  void shouldRequireEveryElementTheDocumentsName(Case c) {
    DutyRequest complete = DutyFixtures.ningyang("370921109");
    assertThat(rules.check(complete, "370000")).as("all elements stated").isEmpty();
    List<FieldError> shandong = rules.check(c.without().apply(complete), "370000");
    assertThat(shandong).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo(c.element());
      assertThat(e.message()).startsWith("未写明" + c.label()).contains("鲁厅字〔2018〕33号 五(一)").contains("宁政发〔2019〕6号 二(一)3")
          .contains("规则 DUTY-" + c.element().toUpperCase());
    });
    assertThat(rules.check(c.without().apply(DutyFixtures.tongwei("621121100")), "620000")).extracting(FieldError::field)
        .containsExactly(c.element());
  }

  @Test
  void shouldAllowAnAcceptanceCheckOnlyWithACompleteCitedCentralOrProvincialDocument() {
    DutyRequest plain = DutyFixtures.ningyang("370921109");
    DutyRequest cited = DutyFixtures.withAcceptanceCheck(plain, DutyFixtures.centralDocument());
    assertThat(rules.check(plain, "370000")).isEmpty();
    assertThat(rules.check(cited, "370000")).as("cited: 中办发〔2018〕5号").isEmpty();
    assertThat(rules.check(DutyFixtures.withAcceptanceCheck(plain, null), "370000")).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("basis");
      assertThat(e.message()).contains("以考核验收的形式要求乡镇承担，须引用党中央、国务院或省委、省政府明确要求的文件")
          .contains("鲁厅字〔2018〕33号 五(一)").contains("DUTY-SHIFTED-FORMS");
    });
    for (CitedDocument incomplete : List.of(new CitedDocument("农村人居环境整治三年行动方案", null, CitedDocument.Issuer.CENTRAL),
        new CitedDocument(null, "中办发〔2018〕5号", CitedDocument.Issuer.CENTRAL),
        new CitedDocument("农村人居环境整治三年行动方案", "中办发〔2018〕5号", null))) {
      assertThat(rules.check(DutyFixtures.withAcceptanceCheck(plain, incomplete), "370000")).as(incomplete.text())
          .extracting(FieldError::field).containsExactly("basis");
    }
    assertThat(rules.check(DutyFixtures.withAcceptanceCheck(DutyFixtures.tongwei("621121100"), null), "620000"))
        .singleElement().satisfies(e -> assertThat(e.message()).contains("通办发〔2020〕6号 二(五)13、14"));
    assertThat(rules.check(DutyFixtures.withAcceptanceCheck(DutyFixtures.request("130123", "正定县某局", "130123100"), null), "130000"))
        .singleElement().satisfies(e -> assertThat(e.message()).contains("参照"));
  }

  @Test
  void shouldRefuseAtSubmissionOverTheApiWithEveryMissingElementAndStoreNothing() {
    Http http = new Http(port);
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(DutyKeys.PROCESS)
        .processInstanceBusinessKeyLike("%").count();
    DutyRequest bare = new DutyRequest("临时任务", "370921", "宁阳县某局", List.of("370921109"), null, null, null, null, null, null,
        null, null, List.of(DutyRequest.ShiftedForm.RESPONSIBILITY_PLEDGE, DutyRequest.ShiftedForm.QUOTA_BREAKDOWN), null);
    Http.Answer a = http.post("/api/duty-requests", "ningyangdept", DutyApiTest.json(bare));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().path("title").asText()).isEqualTo("职责准入申请不符合规定");
    Set<String> fields = new TreeSet<>();
    a.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("goal", "content", "authority", "division", "deadline", "staff", "funds", "training",
        "basis");
    assertThat(a.json().path("errors").toString()).contains("以签订责任状、分解下达指标的形式要求乡镇承担");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(DutyKeys.PROCESS)
        .processInstanceBusinessKeyLike("%").count()).isEqualTo(before);
  }

  @Test
  void shouldHaveACaseForEveryRowOfTheTable() {
    DmnDecisionTableImpl table = (DmnDecisionTableImpl) decisions.latest(DutyKeys.RULES_DECISION).getDecisionLogic();
    List<String> elements = new ArrayList<>();
    for (DmnDecisionTableRuleImpl row : table.getRules()) {
      elements.add(row.getConclusions().get(1).getExpression().replace("\"", ""));
    }
    List<String> tested = new ArrayList<>(elements().stream().map(Case::element).toList());
    tested.add("basis");
    assertThat(tested).containsAll(elements);
    assertThat(elements).containsAll(tested);
  }
}
