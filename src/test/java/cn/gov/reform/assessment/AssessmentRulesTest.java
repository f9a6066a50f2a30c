package cn.gov.reform.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.gov.reform.approval.CitedDocument;
import cn.gov.reform.web.FieldError;

/**
 * Every row of assessmentItemRules on both sides (README "职责准入与考核事项"): 一票否决 with and without a complete cited
 * central or provincial document (Shandong and Gansu), 直接考核 with one item and with two (一事一报), and a duty on and
 * not on every named township's list. A refused request leaves nothing behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class AssessmentRulesTest {

  @Autowired AssessmentFixtures support;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private long stored() {
    return jdbc.queryForObject("select count(*) from app_assessment_item", Long.class);
  }

  private List<FieldError> refused(String user, AssessmentRequest request) {
    long before = stored();
    long instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AssessmentKeys.PROCESS).count();
    AssessmentInputException e = catchThrowableOfType(() -> support.create(user, request), AssessmentInputException.class);
    assertThat(e).as("refused").isNotNull();
    assertThat(stored()).as("nothing stored").isEqualTo(before);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AssessmentKeys.PROCESS).count())
        .isEqualTo(instances);
    return e.errors();
  }

  @Test
  void shouldRefuseAShandongVetoWithoutACitedDocumentNamingTheClause() {
    List<FieldError> errors = refused("ningyangdept", support.ningyang(AssessmentKind.VETO, null, "370921105"));
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("basis");
      assertThat(e.message()).contains("一票否决").contains("鲁厅字〔2018〕33号 五(二)").contains("ASSESS-VETO-BASIS");
    });
  }

  @Test
  void shouldRefuseAVetoWhoseCitedDocumentLacksItsNumberOrIssuer() {
    assertThat(refused("ningyangdept", support.ningyang(AssessmentKind.VETO, new CitedDocument("某文件", null, CitedDocument.Issuer.CENTRAL),
        "370921105"))).extracting(FieldError::field).containsExactly("basis");
    assertThat(refused("tongweidept", support.tongwei(AssessmentKind.VETO, new CitedDocument("某文件", "甘发〔2019〕3号", null),
        "621121103"))).extracting(FieldError::field).containsExactly("basis");
  }

  @Test
  void shouldRefuseAGansuVetoWithoutACitedDocumentNamingTheGansuClause() {
    List<FieldError> errors = refused("tongweidept", support.tongwei(AssessmentKind.VETO, null, "621121103"));
    assertThat(errors).singleElement().satisfies(e -> assertThat(e.message()).contains("通办发〔2020〕6号 二(五)14"));
  }

  @Test
  void shouldAcceptAVetoWithACompleteCitedDocumentInEitherProvince() {
    assertThat(support.create("ningyangdept", support.ningyang(AssessmentKind.VETO, AssessmentFixtures.centralDocument(), "370921105"))
        .status()).isEqualTo(AssessmentStatus.COUNTY_REVIEW);
    assertThat(support.create("tongweidept", support.tongwei(AssessmentKind.VETO,
        new CitedDocument("甘肃省某规定", "甘发〔2019〕3号", CitedDocument.Issuer.PROVINCIAL), "621121103")).status())
        .isEqualTo(AssessmentStatus.COUNTY_REVIEW);
  }

  @Test
  void shouldNotAskADirectAssessmentOrARankingForACitedDocument() {
    assertThat(support.create("ningyangdept", support.ningyang(AssessmentKind.DIRECT_ASSESSMENT, null, "370921105")).status())
        .isEqualTo(AssessmentStatus.COUNTY_REVIEW);
    assertThat(support.create("ningyangdept", support.ningyang(AssessmentKind.RANKING, null, "370921105")).status())
        .isEqualTo(AssessmentStatus.COUNTY_REVIEW);
  }

  @Test
  void shouldTakeADirectAssessmentOneItemAtATime() {
    AssessmentRequest one = support.ningyang(AssessmentKind.DIRECT_ASSESSMENT, null, "370921105");
    AssessmentRequest two = AssessmentFixtures.withItems(one, List.of(one.items().get(0),
        new AssessmentRequest.Item(one.items().get(0).dutyId(), "入户排查完成率100%")));
    List<FieldError> errors = refused("ningyangdept", two);
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("items");
      assertThat(e.message()).contains("一事一报").contains("2项").contains("通办发〔2020〕6号 二(五)14");
    });
    // a ranking may carry several items
    AssessmentRequest ranking = new AssessmentRequest(two.title(), two.countyCode(), two.department(), AssessmentKind.RANKING,
        two.townshipCodes(), two.items(), two.reason(), null);
    assertThat(support.create("ningyangdept", ranking).content().items()).hasSize(2);
  }

  @Test
  void shouldRefuseADutyThatIsNotOnEveryNamedTownshipsList() {
    AssessmentRequest onList = support.ningyang(AssessmentKind.RANKING, null, "370921105");
    support.acceptedDuty("370921107");
    // 堽城镇's duty is not on 蒋集镇's list
    List<FieldError> errors = refused("ningyangdept", AssessmentFixtures.withTownships(onList, List.of("370921105", "370921107")));
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("items[0].dutyId");
      assertThat(e.message()).contains("蒋集镇（370921107）的职责清单").contains("济南市实施意见 二(四)2");
    });
    // an unknown duty
    assertThat(refused("ningyangdept", AssessmentFixtures.withItems(onList, List.of(new AssessmentRequest.Item(
        "00000000-0000-0000-0000-000000000000", "指标"))))).extracting(FieldError::field).containsExactly("items[0].dutyId");
    // a duty another township of the same county has is not on this one's list
    assertThat(refused("ningyangdept", AssessmentFixtures.withItems(onList, List.of(new AssessmentRequest.Item(
        support.acceptedDuty("370921107"), "指标"))))).extracting(FieldError::field).containsExactly("items[0].dutyId");
    assertThat(support.create("ningyangdept", onList).status()).isEqualTo(AssessmentStatus.COUNTY_REVIEW);
  }

  @Test
  void shouldNameEveryBreachAtOnce() {
    AssessmentRequest r = support.ningyang(AssessmentKind.VETO, null, "370921105");
    List<FieldError> errors = refused("ningyangdept", AssessmentFixtures.withItems(r, List.of(new AssessmentRequest.Item("nope", "指标"))));
    assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("basis", "items[0].dutyId");
  }
}
