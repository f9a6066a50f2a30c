package cn.gov.reform.catalogue;

import static cn.gov.reform.catalogue.CatalogueFixtures.advertisingInspection;
import static cn.gov.reform.catalogue.CatalogueFixtures.hygieneLicence;
import static cn.gov.reform.catalogue.CatalogueFixtures.outdoorAdvertising;
import static cn.gov.reform.catalogue.CatalogueFixtures.ruralPlanningPermit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.catalogue.CatalogueRequest.Item;
import cn.gov.reform.catalogue.CatalogueRequest.LegalBasis;
import cn.gov.reform.catalogue.CatalogueRequest.Mode;
import cn.gov.reform.catalogue.CatalogueRequest.PowerKind;
import cn.gov.reform.catalogue.CatalogueRequest.TownshipType;

/**
 * Every row of the catalogue's decision tables as deployed (catalogueRules, reservedPowers, catalogueRoute), each on both
 * sides: an item the row catches and one just beside it that it lets pass. A row added to a table without its cases
 * here fails {@link #shouldTestEveryRowOfEveryTable}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class CatalogueRulesTest {

  @Autowired CatalogueRules rules;
  @Autowired CatalogueRouter router;

  /** A row, the items it catches (the rule's finding expected) and the items beside it (no such finding). */
  record Case(String row, String province, TownshipType type, List<Item> caught, List<Item> passed, String rule, String text) {
    @Override
    public String toString() {
      return row;
    }
  }

  private static Item item(String name, PowerKind kind, Mode mode, String law, String article) {
    return new Item(name, kind, mode, "县直部门", law == null ? null : new LegalBasis(law, article), "指导目录条目", null);
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("CAT_LEGAL_BASIS", "370000", TownshipType.TOWNSHIP,
            List.of(item("农村村民建房审批", PowerKind.LICENSING, Mode.ASSIGNED, null, null),
                item("农村村民建房审批（二）", PowerKind.LICENSING, Mode.ASSIGNED, "土地管理法", null)),
            List.of(ruralPlanningPermit()), "CAT-LEGAL-BASIS", "未注明法律依据"),
        new Case("CAT_RESERVED_POWER", "370000", TownshipType.TOWNSHIP,
            List.of(item("当场扣押", PowerKind.COERCION, Mode.ENTRUSTED, "行政强制法", "第十九条")),
            List.of(item("当场扣押", PowerKind.COERCION, Mode.CONCENTRATED, "行政强制法", "第十九条")), "CAT-RESERVED-POWER", "不得列入目录"),
        new Case("CAT_DUPLICATE_ITEM", "620000", TownshipType.TOWNSHIP, List.of(hygieneLicence(), hygieneLicence()),
            List.of(hygieneLicence(), ruralPlanningPermit()), "CAT-DUPLICATE-ITEM", "重复列入2次（第1、2项）"),
        new Case("CAT_CONCENTRATED_LICENSING", "620000", TownshipType.TOWNSHIP, List.of(outdoorAdvertising()),
            List.of(hygieneLicence(), item("集中处罚", PowerKind.PENALTY, Mode.CONCENTRATED, "城市道路管理条例", "第四十二条")),
            "CAT-CONCENTRATED-LICENSING", "须报省政府批准"),
        new Case("CAT_GUIDANCE_ENTRY", "370000", TownshipType.DEVELOPED_TOWN, List.of(ruralPlanningPermit()),
            List.of(advertisingInspection()), "CAT-GUIDANCE-ENTRY", "1项未注明所依据的指导目录条目（第1项）"),
        // the same item in a township of Shandong that is no developed town, and in a Gansu developed town: no such rule
        new Case("CAT_GUIDANCE_ENTRY", "370000", TownshipType.TOWNSHIP, List.of(), List.of(ruralPlanningPermit()),
            "CAT-GUIDANCE-ENTRY", null),
        new Case("CAT_GUIDANCE_ENTRY", "620000", TownshipType.DEVELOPED_TOWN, List.of(), List.of(ruralPlanningPermit()),
            "CAT-GUIDANCE-ENTRY", null),
        // reservedPowers: each law the documents' rule covers (济南市实施意见 二(一)1), and its neighbours
        new Case("coercionNotEntrusted", "370000", TownshipType.TOWNSHIP,
            List.of(item("查封违法建设施工现场", PowerKind.COERCION, Mode.ENTRUSTED, "城乡规划法", "第六十八条")),
            List.of(item("查封违法建设施工现场", PowerKind.COERCION, Mode.ASSIGNED, "城乡规划法", "第六十八条"),
                item("违法建设检查", PowerKind.INSPECTION, Mode.ENTRUSTED, "城乡规划法", "第五十三条")),
            "CAT-RESERVED-POWER", "行政强制措施权不得委托"),
        new Case("publicSecurityPenalty", "370000", TownshipType.TOWNSHIP,
            List.of(item("治安管理处罚", PowerKind.PENALTY, Mode.ASSIGNED, "《中华人民共和国治安管理处罚法》", "第九十一条第一款")),
            List.of(item("治安管理处罚", PowerKind.PENALTY, Mode.ASSIGNED, "治安管理处罚法", "第九十二条"),
                item("治安检查", PowerKind.INSPECTION, Mode.ASSIGNED, "治安管理处罚法", "第九十一条")),
            "CAT-RESERVED-POWER", "治安管理处罚由县级以上人民政府公安机关决定"),
        new Case("taxEnforcement", "370000", TownshipType.TOWNSHIP,
            List.of(item("税收保全措施", PowerKind.COERCION, Mode.ASSIGNED, "税收征收管理法", "第三十八条"),
                item("税收强制执行", PowerKind.COERCION, Mode.ASSIGNED, "中华人民共和国税收征收管理法", "第四十条")),
            List.of(item("纳税检查", PowerKind.INSPECTION, Mode.ASSIGNED, "税收征收管理法", "第五十四条"),
                item("税收保全措施", PowerKind.COERCION, Mode.ASSIGNED, "税收征收管理法实施细则", "第三十八条")),
            "CAT-RESERVED-POWER", "须经县以上税务局（分局）局长批准"),
        new Case("foodSafetyMeasures", "370000", TownshipType.TOWNSHIP,
            List.of(item("查封、扣押不符合食品安全标准的食品", PowerKind.COERCION, Mode.ASSIGNED, "食品安全法", "第一百一十条")),
            List.of(item("食品经营日常监督检查", PowerKind.INSPECTION, Mode.ASSIGNED, "食品安全法", "第一百一十条")),
            "CAT-RESERVED-POWER", "县级以上人民政府食品安全监督管理部门"));
  }

  private List<Finding> check(String province, TownshipType type, List<Item> items) {
    Catalogue c = new Catalogue("test", "目录", province.equals("620000") ? "621121100" : "370921109",
        province.equals("620000") ? "平襄镇" : "磁窑镇", type, "测试", province.substring(0, 2) + "0101",
        province.substring(0, 2) + "0100", province, CatalogueStatus.IN_REVIEW, 1, 1, null, null, null, null, null, "test",
        Instant.now(), Instant.now());
    return rules.check(c, items);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void shouldCatchWhatTheRowSaysAndLetPassWhatIsBesideIt(Case k) {
    if (!k.caught().isEmpty()) {
      List<Finding> caught = check(k.province(), k.type(), k.caught()).stream().filter(f -> f.rule().equals(k.rule())).toList();
      assertThat(caught).as("caught by %s", k.row()).isNotEmpty().allSatisfy(f -> {
        assertThat(f.message()).contains(k.text());
        assertThat(f.source()).as("every finding cites its clause").isNotBlank();
      });
    }
    assertThat(check(k.province(), k.type(), k.passed())).as("beside %s", k.row()).noneMatch(f -> f.rule().equals(k.rule()));
  }

  @Test
  void shouldCiteTheLawAndTheDocumentOfAReservedPowerAndPutErrorsFirst() {
    List<Finding> findings = check("370000", TownshipType.DEVELOPED_TOWN, List.of(outdoorAdvertising(),
        item("治安管理处罚", PowerKind.PENALTY, Mode.ASSIGNED, "治安管理处罚法", "第九十一条")));
    assertThat(findings).extracting(Finding::rule).containsExactly("CAT-RESERVED-POWER", "CAT-CONCENTRATED-LICENSING");
    assertThat(findings.get(0).severity()).isEqualTo(Finding.Severity.ERROR);
    assertThat(findings.get(0).message())
        .isEqualTo("磁窑镇：第2项“治安管理处罚”不得列入目录：治安管理处罚由县级以上人民政府公安机关决定");
    assertThat(findings.get(0).source()).isEqualTo("治安管理处罚法 第九十一条；济南市实施意见 二(一)1");
    assertThat(findings.get(1).severity()).isEqualTo(Finding.Severity.WARNING);
  }

  /** Each row of catalogueRoute, and what is beside it. */
  @Test
  void shouldRouteByProvinceTownshipTypeAndConcentratedLicensing() {
    assertThat(router.route("370000", TownshipType.DEVELOPED_TOWN, true).keys())
        .containsExactly("legalReview", "cityApproval", "provinceApproval");
    assertThat(router.route("370000", TownshipType.DEVELOPED_TOWN, false).keys()).containsExactly("legalReview", "cityApproval");
    assertThat(router.route("370000", TownshipType.TOWNSHIP, true).keys())
        .containsExactly("legalReview", "countyApproval", "provinceApproval");
    assertThat(router.route("620000", TownshipType.DEVELOPED_TOWN, true).keys())
        .containsExactly("legalReview", "countyApproval", "provinceApproval");
    assertThat(router.route("370000", TownshipType.TOWNSHIP, false).keys()).containsExactly("legalReview", "countyApproval");
    assertThat(router.route("620000", TownshipType.DEVELOPED_TOWN, false).keys()).containsExactly("legalReview", "countyApproval");
    assertThat(router.route("620000", TownshipType.TOWNSHIP, false).name()).contains("通办发〔2020〕6号 二(四)8");
  }

  @Test
  void shouldRefuseRoutesTheModelCannotCarry() {
    assertThat(CatalogueRoute.of("县级", "legalReview,countyApproval").last()).isEqualTo(CatalogueStage.COUNTY_APPROVAL);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CatalogueRoute.of("倒序", "countyApproval,legalReview"))
        .hasMessageContaining("环节顺序应为 legalReview,countyApproval,cityApproval,provinceApproval");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CatalogueRoute.of("只审查", "legalReview"))
        .hasMessageContaining("没有审批环节");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CatalogueRoute.of("未知", "legalReview,mayorApproval"))
        .hasMessageContaining("未知环节“mayorApproval”");
  }

  @Test
  void shouldTestEveryRowOfEveryTable() {
    Set<String> rows = new TreeSet<>();
    for (String table : List.of("catalogueRules", "reservedPowers")) {
      Dmn.readModelFromFile(new File("processes/catalogue/" + table + ".dmn")).getModelElementsByType(Rule.class)
          .forEach(r -> rows.add(r.getId()));
    }
    Set<String> tested = new TreeSet<>(cases().map(Case::row).toList());
    assertThat(tested).isEqualTo(rows);
    List<String> routes = new ArrayList<>();
    Dmn.readModelFromFile(new File("processes/catalogue/catalogueRoute.dmn")).getModelElementsByType(Rule.class)
        .forEach(r -> routes.add(r.getId()));
    assertThat(routes).as("the rows shouldRouteByProvinceTownshipTypeAndConcentratedLicensing covers")
        .containsExactly("shandongDevelopedTownConcentrated", "shandongDevelopedTown", "concentratedLicensing", "countyCatalogue");
  }
}
