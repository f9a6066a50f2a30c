package cn.gov.reform.catalogue;

import static cn.gov.reform.catalogue.CatalogueFixtures.advertisingInspection;
import static cn.gov.reform.catalogue.CatalogueFixtures.catalogue;
import static cn.gov.reform.catalogue.CatalogueFixtures.countyCatalogue;
import static cn.gov.reform.catalogue.CatalogueFixtures.outdoorAdvertising;
import static cn.gov.reform.catalogue.CatalogueFixtures.roadOccupation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.catalogue.CatalogueRequest.TownshipType;
import cn.gov.reform.document.IssuedDocument;
import cn.gov.reform.document.OfficialDocuments;
import cn.gov.reform.engine.DecisionRefusedException;

/**
 * Every chain of the catalogue (README "权力目录"), end to end on the real engine: legal review by the county justice bureau,
 * then the county government; the city government for a Shandong developed town; the provincial government after either
 * for concentrated licensing. RETURN from every stage, REJECT at the approvals, WITHDRAW at the county.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class CatalogueProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CatalogueFixtures support;
  @Autowired OfficialDocuments documents;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
  }

  private ProcessInstance instance(CatalogueView c) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult();
  }

  private static List<String> steps(CatalogueView c) {
    return c.timeline().stream().map(e -> e.stage() + ":" + e.decision()).toList();
  }

  @Test
  void shouldPublishAnOrdinaryTownshipsCatalogueOnTheCountyGovernmentsApproval() {
    // 新泰市东都镇: no concentrated licensing → 县司法局合法性审查, 县政府审批
    CatalogueView c = support.submitted("xintai", countyCatalogue("370982101"));
    assertThat(instance(c)).isWaitingAt(CatalogueKeys.LEGAL_REVIEW);
    assertThat(instance(c).getTenantId()).as("the province's tenant").isEqualTo("370000");
    assertThat(c.status()).isEqualTo(CatalogueStatus.IN_REVIEW);
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("legal370982").processInstanceId(c.processInstanceId())
        .count()).isEqualTo(1);

    support.approve("xintailegal", c.processInstanceId(), CatalogueKeys.LEGAL_REVIEW);
    assertThat(instance(c)).isWaitingAt(CatalogueKeys.COUNTY_APPROVAL);
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("countygov370982")
        .processInstanceId(c.processInstanceId()).count()).isEqualTo(1);
    support.approve("xintaigov", c.processInstanceId(), CatalogueKeys.COUNTY_APPROVAL);

    CatalogueView published = support.view(c.id());
    assertThat(instance(c)).isNull();
    assertThat(published.status()).isEqualTo(CatalogueStatus.PUBLISHED);
    assertThat(published.edition()).isEqualTo(1);
    assertThat(published.approvalNumber()).matches("新泰政发〔\\d{4}〕\\d+号");
    List<IssuedDocument> docs = documents.of(CatalogueKeys.PROCESS, c.id());
    assertThat(docs).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo("批复");
      assertThat(d.number()).isEqualTo(published.approvalNumber());
      assertThat(d.issuer()).isEqualTo("新泰市人民政府");
      assertThat(d.stage()).isEqualTo(CatalogueKeys.COUNTY_APPROVAL);
    });
    assertThat(steps(published)).containsExactly("catalogueStarted:SUBMIT", "determineCatalogueRoute:ROUTED",
        "checkCatalogue:PASSED", "legalReview:APPROVE", "countyApproval:APPROVE", "officialDocument:DOCUMENT",
        "publishCatalogue:PUBLISHED");
    assertThat(published.timeline().get(1).opinion()).contains("县级赋权目录");
  }

  @Test
  void shouldSendAShandongDevelopedTownsCatalogueToTheCityGovernment() {
    CatalogueView c = support.submitted("xintai", catalogue("370982102", TownshipType.DEVELOPED_TOWN, advertisingInspection()));
    support.approve("xintailegal", c.processInstanceId(), CatalogueKeys.LEGAL_REVIEW);
    assertThat(instance(c)).isWaitingAt(CatalogueKeys.CITY_APPROVAL);
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("approver370900")
        .processInstanceId(c.processInstanceId()).count()).isEqualTo(1);
    support.approve("taianapprover", c.processInstanceId(), CatalogueKeys.CITY_APPROVAL);

    CatalogueView published = support.view(c.id());
    assertThat(published.status()).isEqualTo(CatalogueStatus.PUBLISHED);
    assertThat(published.approvalNumber()).matches("泰安政发〔\\d{4}〕\\d+号");
    assertThat(documents.of(CatalogueKeys.PROCESS, c.id())).singleElement()
        .satisfies(d -> assertThat(d.issuer()).isEqualTo("泰安市人民政府"));
  }

  @Test
  void shouldSendConcentratedLicensingOfAShandongDevelopedTownToTheProvinceAfterTheCity() {
    // 磁窑镇's kind: "城市大型户外广告设置审核"等 licensing concentrated in the town, 经省政府批准 (宁政发〔2019〕6号 二(一)2)
    CatalogueView c = support.submitted("xintai", catalogue("370982103", TownshipType.DEVELOPED_TOWN, outdoorAdvertising(),
        roadOccupation(), advertisingInspection()));
    assertThat(c.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("CAT-CONCENTRATED-LICENSING");
      assertThat(f.message()).contains("相对集中行使的行政许可事项2项（第1、2项），须报省政府批准");
    });
    support.approve("xintailegal", c.processInstanceId(), CatalogueKeys.LEGAL_REVIEW);
    support.approve("taianapprover", c.processInstanceId(), CatalogueKeys.CITY_APPROVAL);
    assertThat(instance(c)).isWaitingAt(CatalogueKeys.PROVINCE_APPROVAL);
    assertThat(documents.of(CatalogueKeys.PROCESS, c.id())).as("the city's approval is not the last").isEmpty();
    support.approve("shandongapprover", c.processInstanceId(), CatalogueKeys.PROVINCE_APPROVAL);

    CatalogueView published = support.view(c.id());
    assertThat(published.status()).isEqualTo(CatalogueStatus.PUBLISHED);
    assertThat(published.approvalNumber()).matches("鲁政字〔\\d{4}〕\\d+号");
    assertThat(published.timeline().stream().filter(e -> e.stage().equals(CatalogueKeys.DETERMINE_ROUTE)).map(TimelineEntry::opinion))
        .singleElement().asString().contains("含相对集中行政许可权");
  }

  @Test
  void shouldSendConcentratedLicensingElsewhereToTheProvinceAfterTheCounty() {
    // 通渭县马营镇 (甘肃): an ordinary township with concentrated licensing
    CatalogueView c = support.submitted("tongwei", catalogue("621121101", TownshipType.TOWNSHIP, outdoorAdvertising()));
    support.approve("tongweilegal", c.processInstanceId(), CatalogueKeys.LEGAL_REVIEW);
    support.approve("tongweigov", c.processInstanceId(), CatalogueKeys.COUNTY_APPROVAL);
    assertThat(instance(c)).isWaitingAt(CatalogueKeys.PROVINCE_APPROVAL);
    assertThat(instance(c).getTenantId()).isEqualTo("620000");
    support.approve("gansuapprover", c.processInstanceId(), CatalogueKeys.PROVINCE_APPROVAL);

    CatalogueView published = support.view(c.id());
    assertThat(published.status()).isEqualTo(CatalogueStatus.PUBLISHED);
    assertThat(published.approvalNumber()).matches("甘肃政字〔\\d{4}〕\\d+号");
  }

  /** Every stage of the longest chains returns with an opinion to the county; the resubmission starts the chain anew. */
  static Stream<Arguments> everyStage() {
    return Stream.of(
        Arguments.of("370923101", TownshipType.DEVELOPED_TOWN, CatalogueKeys.LEGAL_REVIEW, "dongpinglegal"),
        Arguments.of("370923106", TownshipType.DEVELOPED_TOWN, CatalogueKeys.CITY_APPROVAL, "taianapprover"),
        Arguments.of("370923107", TownshipType.DEVELOPED_TOWN, CatalogueKeys.PROVINCE_APPROVAL, "shandongapprover"),
        Arguments.of("370923108", TownshipType.TOWNSHIP, CatalogueKeys.COUNTY_APPROVAL, "dongpinggov"));
  }

  @ParameterizedTest
  @MethodSource("everyStage")
  void shouldReturnTheCatalogueToTheCountyFromEveryStageWithAnOpinion(String township, TownshipType type, String stage, String official) {
    CatalogueView c = support.submitted("dongping", catalogue(township, type, outdoorAdvertising()));
    Map<String, String> workers = Map.of(CatalogueKeys.LEGAL_REVIEW, "dongpinglegal", CatalogueKeys.COUNTY_APPROVAL, "dongpinggov",
        CatalogueKeys.CITY_APPROVAL, "taianapprover", CatalogueKeys.PROVINCE_APPROVAL, "shandongapprover");
    while (!support.view(c.id()).stages().contains(stage)) {
      String at = support.view(c.id()).stages().get(0);
      support.approve(workers.get(at), c.processInstanceId(), at);
    }
    assertThatThrownBy(() -> support.complete(official, c.processInstanceId(), stage, Map.of("decision", "RETURN")))
        .isInstanceOf(DecisionRefusedException.class).hasMessageContaining("退回修改时必须填写意见");
    support.complete(official, c.processInstanceId(), stage, Map.of("decision", "RETURN", "opinion", "请补充第1项的承接条件"));

    CatalogueView back = support.view(c.id());
    assertThat(instance(c)).isWaitingAt(CatalogueKeys.DRAFT);
    assertThat(back.status()).isEqualTo(CatalogueStatus.DRAFT);
    assertThat(back.timeline()).anySatisfy(e -> {
      assertThat(e.stage()).isEqualTo(stage);
      assertThat(e.decision()).isEqualTo("RETURN");
      assertThat(e.opinion()).isEqualTo("请补充第1项的承接条件");
    });
    assertThat(engine.getTaskService().getVariable(support.task(c.processInstanceId(), CatalogueKeys.DRAFT).getId(),
        CatalogueKeys.FORM_OPINIONS)).asString().contains("请补充第1项的承接条件");

    support.complete("dongping", c.processInstanceId(), CatalogueKeys.DRAFT, Map.of("decision", "SUBMIT"));
    assertThat(instance(c)).as("the chain starts again").isWaitingAt(CatalogueKeys.LEGAL_REVIEW);
  }

  @Test
  void shouldEndTheCatalogueRejectedAtAnApprovalStageButNotAtTheLegalReview() {
    CatalogueView c = support.submitted("xintai", countyCatalogue("370982104"));
    assertThatThrownBy(() -> support.complete("xintailegal", c.processInstanceId(), CatalogueKeys.LEGAL_REVIEW,
        Map.of("decision", "REJECT", "opinion", "不同意")))
        .isInstanceOf(DecisionRefusedException.class).hasMessageContaining("只能选择 APPROVE（审查通过）、RETURN（退回修改）");
    support.approve("xintailegal", c.processInstanceId(), CatalogueKeys.LEGAL_REVIEW);
    assertThatThrownBy(() -> support.complete("xintaigov", c.processInstanceId(), CatalogueKeys.COUNTY_APPROVAL,
        Map.of("decision", "REJECT"))).hasMessageContaining("不予批准时必须填写意见");
    support.complete("xintaigov", c.processInstanceId(), CatalogueKeys.COUNTY_APPROVAL,
        Map.of("decision", "REJECT", "opinion", "该镇尚不具备承接条件"));

    CatalogueView rejected = support.view(c.id());
    assertThat(instance(c)).isNull();
    assertThat(rejected.status()).isEqualTo(CatalogueStatus.REJECTED);
    assertThat(rejected.approvalNumber()).isNull();
    assertThat(documents.of(CatalogueKeys.PROCESS, c.id())).isEmpty();
    assertThat(steps(rejected)).endsWith("countyApproval:REJECT", "catalogueRejected:REJECTED");
  }

  @Test
  void shouldEndTheCatalogueRejectedByTheProvince() {
    CatalogueView c = support.submitted("xintai", catalogue("370982105", TownshipType.DEVELOPED_TOWN, outdoorAdvertising()));
    support.approve("xintailegal", c.processInstanceId(), CatalogueKeys.LEGAL_REVIEW);
    support.approve("taianapprover", c.processInstanceId(), CatalogueKeys.CITY_APPROVAL);
    support.complete("shandongapprover", c.processInstanceId(), CatalogueKeys.PROVINCE_APPROVAL,
        Map.of("decision", "REJECT", "opinion", "相对集中行使的理由不充分"));
    assertThat(support.view(c.id()).status()).isEqualTo(CatalogueStatus.REJECTED);
    assertThat(documents.of(CatalogueKeys.PROCESS, c.id())).isEmpty();
  }

  @Test
  void shouldSendACatalogueWithErrorsBackToTheCountyAndAcceptItsCorrectionInTheForm() {
    CatalogueRequest.Item noBasis = new CatalogueRequest.Item("农村村民建房审批", CatalogueRequest.PowerKind.LICENSING,
        CatalogueRequest.Mode.ASSIGNED, "县自然资源和规划局", null, null, null);
    CatalogueView c = support.submitted("xintai", catalogue("370982106", TownshipType.TOWNSHIP, noBasis));
    assertThat(instance(c)).isWaitingAt(CatalogueKeys.DRAFT);
    assertThat(c.status()).isEqualTo(CatalogueStatus.DRAFT);
    assertThat(c.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("CAT-LEGAL-BASIS");
      assertThat(f.message()).isEqualTo("果都镇：第1项“农村村民建房审批”未注明法律依据（法律名称和条款）");
      assertThat(f.source()).contains("济南市实施意见 二(一)1");
    });
    String draft = support.task(c.processInstanceId(), CatalogueKeys.DRAFT).getId();
    assertThat(engine.getTaskService().getVariable(draft, CatalogueKeys.FORM_FINDINGS)).asString().contains("未注明法律依据");
    assertThat(engine.getTaskService().getVariable(draft, "itemsText")).isEqualTo("农村村民建房审批｜行政许可｜赋权｜县自然资源和规划局｜｜｜");

    // the drafter adds the legal basis in the form and submits: a new version, checked anew, on to the legal review
    support.submitForm("xintai", c.processInstanceId(), CatalogueKeys.DRAFT, Map.of("decision", "SUBMIT",
        "itemsText", "农村村民建房审批｜行政许可｜赋权｜县自然资源和规划局｜《中华人民共和国土地管理法》第六十二条｜｜"));
    CatalogueView fixed = support.view(c.id());
    assertThat(instance(c)).isWaitingAt(CatalogueKeys.LEGAL_REVIEW);
    assertThat(fixed.version()).isEqualTo(2);
    assertThat(fixed.findings()).isEmpty();
    assertThat(fixed.items().get(0).legalBasis()).isEqualTo(new CatalogueRequest.LegalBasis("中华人民共和国土地管理法", "第六十二条"));
    assertThat(engine.getRuntimeService().getVariable(c.processInstanceId(), "itemsText")).as("form fields are no process variables")
        .isNull();
    assertThat(steps(fixed)).contains("revision:REVISE", "draftCatalogue:SUBMIT").filteredOn(s -> s.startsWith("checkCatalogue"))
        .containsExactly("checkCatalogue:FAILED", "checkCatalogue:PASSED");
  }

  @Test
  void shouldEndTheCatalogueWithdrawnByTheCounty() {
    CatalogueView c = support.submitted("xintai", catalogue("370982107", TownshipType.TOWNSHIP,
        new CatalogueRequest.Item("农村村民建房审批", CatalogueRequest.PowerKind.LICENSING, CatalogueRequest.Mode.ASSIGNED,
            "县自然资源和规划局", null, null, null)));
    support.complete("xintai", c.processInstanceId(), CatalogueKeys.DRAFT, Map.of("decision", "WITHDRAW"));
    assertThat(support.view(c.id()).status()).isEqualTo(CatalogueStatus.WITHDRAWN);
    assertThat(instance(c)).isNull();
  }
}
