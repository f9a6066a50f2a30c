package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.Finding.Severity;
import cn.gov.reform.plan.PlanRequest.Kind;
import cn.gov.reform.plan.PlanRequest.PlanType;

/**
 * Every limit row of the deployed rule tables, tested on each side of its limit with townships built
 * from the seeds' real cases. A row added to a table without a case on both sides fails
 * {@link #shouldTestEveryRuleRowOnBothSides()}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class PolicyRulesTest {

  @Autowired PolicyValidator validator;
  @Autowired RepositoryService repository;

  /** A county, a plan type, a township, and whether a rule fires (with which severity) or not. */
  record Case(String rule, Severity expected, String county, PlanType type, TownshipBuilder township, String why) {
    @Override
    public String toString() {
      return rule + (expected == null ? " 不触发" : " " + expected) + "：" + why;
    }
  }

  private static final String NINGYANG = "370921";
  private static final String LICHENG = "370112";
  private static final String PINGYIN = "370124";
  private static final String LAIXI = "370285";
  private static final String KUANCHENG = "220103";
  private static final String TONGWEI = "621121";
  private static final String SHIJIAZHUANG_CHANGAN = "130102";

  private static TownshipBuilder dongzhuang() {
    return TownshipBuilder.of("370921112", "东庄镇");
  }

  /** 磁窑镇 as 宁政发〔2019〕6号 sets it up. */
  private static TownshipBuilder ciyao() {
    return TownshipBuilder.of("370921109", "磁窑镇").population(85_000L)
        .bodies(0).institutions(0)
        .body("党政办公室（政协委员联络室）", 8).body("党群工作办公室", 6).body("经济发展办公室", 6)
        .body("规划建设和生态环境办公室", 6).body("社会事务办公室（社会治理办公室）", 6).body("应急管理办公室", 6)
        .body("便民服务局（便民服务中心）", 6).body("综合行政执法局", 6)
        .institution("农业综合服务中心（乡村振兴促进中心）", 30).institution("财经服务中心", 30)
        .institution("公共文化服务中心", 30).institution("民生发展服务中心", 30).institution("招商投资促进中心", 29)
        .institution("资产资源运营中心", 29)
        .administrativeStaff(50).institutionalStaff(178);
  }

  private static TownshipBuilder shandongDevelopedTown() {
    return dongzhuang().population(90_000L).bodies(6).body("政务服务局", 6);
  }

  private static TownshipBuilder jinanStreet() {
    return TownshipBuilder.of("370112001", "山大路街道").kind(Kind.STREET).administrativeStaff(25).bodyStaff(4);
  }

  private static TownshipBuilder helong() {
    return TownshipBuilder.of("220103171", "合隆镇").population(60_000L).bodies(5).institutions(5);
  }

  private static TownshipBuilder maying(int category) {
    return TownshipBuilder.of("621121101", "马营镇").category(category).bodies(4).institutions(5);
  }

  private static Case fires(String rule, Severity s, String county, PlanType type, TownshipBuilder t, String why) {
    return new Case(rule, s, county, type, t, why);
  }

  private static Case passes(String rule, String county, PlanType type, TownshipBuilder t, String why) {
    return new Case(rule, null, county, type, t, why);
  }

  static List<Case> cases() {
    PlanType tp = PlanType.TOWNSHIP;
    PlanType dt = PlanType.DEVELOPED_TOWN;
    Severity e = Severity.ERROR;
    Severity w = Severity.WARNING;
    return List.of(
        // 鲁厅字〔2018〕33号 三(一): 5–7 bodies, 4–5 institutions incl. 便民服务中心
        fires("SD-TOWNSHIP-BODIES", e, NINGYANG, tp, dongzhuang().bodies(4), "4个党政工作机构"),
        passes("SD-TOWNSHIP-BODIES", NINGYANG, tp, dongzhuang().bodies(5), "5个"),
        passes("SD-TOWNSHIP-BODIES", NINGYANG, tp, dongzhuang().bodies(7), "7个"),
        fires("SD-TOWNSHIP-BODIES", e, NINGYANG, tp, dongzhuang().bodies(8), "8个"),
        fires("SD-TOWNSHIP-BODIES", e, NINGYANG, tp, ciyao(), "磁窑镇按乡镇方案（8个）"),
        fires("SD-TOWNSHIP-INSTITUTIONS", e, NINGYANG, tp, dongzhuang().institutions(3), "3个事业单位"),
        passes("SD-TOWNSHIP-INSTITUTIONS", NINGYANG, tp, dongzhuang().institutions(4), "4个"),
        passes("SD-TOWNSHIP-INSTITUTIONS", NINGYANG, tp, dongzhuang().institutions(5), "5个"),
        fires("SD-TOWNSHIP-INSTITUTIONS", e, NINGYANG, tp, dongzhuang().institutions(6), "6个"),
        fires("SD-TOWNSHIP-INSTITUTIONS", e, NINGYANG, tp, ciyao(), "磁窑镇按乡镇方案（6个）"),
        fires("SD-TOWNSHIP-SERVICE-CENTER", e, NINGYANG, tp, dongzhuang().without("便民服务").institution("文化服务中心", 10), "无便民服务中心"),
        passes("SD-TOWNSHIP-SERVICE-CENTER", NINGYANG, tp, dongzhuang(), "有便民服务中心"),
        // 鲁厅字〔2018〕33号 二(二): central-district streets of 济南/青岛 phase out economic duties
        fires("SD-STREET-ECONOMIC-DUTIES", w, LICHENG, tp, jinanStreet().bodies(5).body("经济发展办公室", 4), "历城区街道设经济发展办公室"),
        fires("SD-STREET-ECONOMIC-DUTIES", w, LICHENG, tp, jinanStreet().institution("招商服务中心", 5), "历城区街道设招商服务中心"),
        passes("SD-STREET-ECONOMIC-DUTIES", LICHENG, tp, jinanStreet(), "历城区街道无经济发展机构"),
        passes("SD-STREET-ECONOMIC-DUTIES", LAIXI, tp, TownshipBuilder.of("370285001", "水集街道").kind(Kind.STREET).bodies(5)
            .body("经济发展办公室", 5), "莱西市不是中心城区"),
        passes("SD-STREET-ECONOMIC-DUTIES", NINGYANG, tp, dongzhuang().bodies(5).body("经济发展办公室", 5), "镇不适用"),
        // 济南 二(二)1: staffing 20–30, every body ≥ 3 (within three years: WARNING)
        fires("JN-TOWNSHIP-STAFFING", w, LICHENG, tp, jinanStreet().bodyStaff(3).administrativeStaff(19), "行政编制19名"),
        passes("JN-TOWNSHIP-STAFFING", LICHENG, tp, jinanStreet().bodyStaff(3).administrativeStaff(20), "20名"),
        passes("JN-TOWNSHIP-STAFFING", LICHENG, tp, jinanStreet().administrativeStaff(30), "30名"),
        fires("JN-TOWNSHIP-STAFFING", w, LICHENG, tp, jinanStreet().administrativeStaff(31), "31名"),
        passes("JN-TOWNSHIP-STAFFING", NINGYANG, tp, dongzhuang().administrativeStaff(40), "济南以外不适用"),
        fires("JN-TOWNSHIP-BODY-STAFF", w, LICHENG, tp, jinanStreet().body("退役军人服务办公室", 2), "一个机构2名"),
        passes("JN-TOWNSHIP-BODY-STAFF", LICHENG, tp, jinanStreet().bodyStaff(3), "每个机构3名"),
        fires("SD-TOWNSHIP-BODIES", e, LICHENG, tp, jinanStreet().bodies(8).administrativeStaff(40), "济南同样适用山东省限额"),
        // 鲁厅字〔2018〕33号 六(四), 六(二): developed towns (济南 the same)
        passes("SD-DEVTOWN-BODIES", NINGYANG, dt, ciyao(), "磁窑镇8个党政工作机构"),
        fires("SD-DEVTOWN-BODIES", e, NINGYANG, dt, ciyao().body("农业农村局", 5).administrativeStaff(60), "9个"),
        passes("SD-DEVTOWN-INSTITUTIONS", NINGYANG, dt, ciyao(), "磁窑镇6个事业单位"),
        fires("SD-DEVTOWN-INSTITUTIONS", e, NINGYANG, dt, ciyao().institution("退役军人服务中心", 5), "7个"),
        passes("SD-DEVTOWN-SERVICE-BUREAU", NINGYANG, dt, ciyao(), "便民服务局"),
        passes("SD-DEVTOWN-SERVICE-BUREAU", NINGYANG, dt, shandongDevelopedTown(), "政务服务局"),
        fires("SD-DEVTOWN-SERVICE-BUREAU", e, NINGYANG, dt, shandongDevelopedTown().without("政务服务局"), "两者皆无"),
        fires("SD-DEVTOWN-SERVICE-BUREAU", e, PINGYIN, dt, TownshipBuilder.of("370124102", "东阿镇").population(80_000L),
            "济南的经济发达镇同样适用"),
        passes("SD-DEVTOWN-POPULATION", NINGYANG, dt, shandongDevelopedTown().population(80_000L), "8万人"),
        fires("SD-DEVTOWN-POPULATION", w, NINGYANG, dt, shandongDevelopedTown().population(79_999L), "79999人"),
        fires("SD-DEVTOWN-POPULATION", w, NINGYANG, dt, shandongDevelopedTown().population(null), "未填写人口"),
        // 吉林 二(二), 二(三), 一(三)
        passes("JL-DEVTOWN-UNITS", KUANCHENG, dt, helong(), "10个职能机构"),
        fires("JL-DEVTOWN-UNITS", e, KUANCHENG, dt, helong().bodies(6), "11个职能机构"),
        passes("JL-DEVTOWN-SERVICE-UNIT", KUANCHENG, dt, helong(), "便民服务中心"),
        fires("JL-DEVTOWN-SERVICE-UNIT", e, KUANCHENG, dt, helong().without("便民服务"), "无便民服务机构"),
        passes("JL-DEVTOWN-ENFORCEMENT-UNIT", KUANCHENG, dt, helong(), "综合行政执法办公室"),
        fires("JL-DEVTOWN-ENFORCEMENT-UNIT", e, KUANCHENG, dt, helong().without("执法"), "无综合行政执法机构"),
        passes("JL-DEVTOWN-POPULATION", KUANCHENG, dt, helong().population(50_000L), "5万人"),
        fires("JL-DEVTOWN-POPULATION", w, KUANCHENG, dt, helong().population(49_999L), "49999人"),
        // 通办发〔2020〕6号 二(一)1: classes 1/2/3, leadership positions
        passes("GS-CLASS1-BODIES", TONGWEI, tp, maying(1).bodies(5), "一类5个党政机构"),
        fires("GS-CLASS1-BODIES", e, TONGWEI, tp, maying(1).bodies(6), "一类6个"),
        passes("GS-CLASS1-INSTITUTIONS", TONGWEI, tp, maying(1).institutions(6), "一类6个事业单位"),
        fires("GS-CLASS1-INSTITUTIONS", e, TONGWEI, tp, maying(1).institutions(7), "一类7个"),
        passes("GS-CLASS2-BODIES", TONGWEI, tp, maying(2).bodies(5), "二类5个党政机构"),
        fires("GS-CLASS2-BODIES", e, TONGWEI, tp, maying(2).bodies(6), "二类6个"),
        passes("GS-CLASS2-INSTITUTIONS", TONGWEI, tp, maying(2).institutions(5), "二类5个事业单位"),
        fires("GS-CLASS2-INSTITUTIONS", e, TONGWEI, tp, maying(2).institutions(6), "二类6个"),
        passes("GS-CLASS3-BODIES", TONGWEI, tp, maying(3).bodies(4), "三类4个党政机构"),
        fires("GS-CLASS3-BODIES", e, TONGWEI, tp, maying(3).bodies(5), "三类5个"),
        passes("GS-CLASS3-INSTITUTIONS", TONGWEI, tp, maying(3).institutions(5), "三类5个事业单位"),
        fires("GS-CLASS3-INSTITUTIONS", e, TONGWEI, tp, maying(3).institutions(6), "三类6个"),
        passes("GS-CLASS1-BODIES", TONGWEI, tp, maying(2).bodies(6).category(3), "三类不适用一类限额"),
        passes("GS-TOWNSHIP-CATEGORY", TONGWEI, tp, maying(1), "已注明类别"),
        fires("GS-TOWNSHIP-CATEGORY", e, TONGWEI, tp, maying(1).category(null), "未注明类别"),
        passes("GS-LEADERSHIP", TONGWEI, tp, maying(1).leadership(10, 10), "与现有总量相同"),
        fires("GS-LEADERSHIP", e, TONGWEI, tp, maying(1).leadership(11, 10), "超过现有总量"),
        fires("GS-LEADERSHIP", e, TONGWEI, tp, maying(1).leadership(null, 10), "未填写领导职数"),
        // provinces and plan types without rule sets
        fires(PolicyValidator.NO_PROVINCIAL_LIMITS, w, SHIJIAZHUANG_CHANGAN, tp, TownshipBuilder.of("130102100", "西兆通镇"), "河北省"),
        fires(PolicyValidator.NO_PROVINCIAL_LIMITS, w, KUANCHENG, tp, helong(), "吉林省的乡镇方案"),
        passes(PolicyValidator.NO_PROVINCIAL_LIMITS, NINGYANG, tp, dongzhuang(), "山东省"),
        // generic checks, everywhere
        fires("GEN-DUPLICATE-UNIT", e, SHIJIAZHUANG_CHANGAN, tp, TownshipBuilder.of("130102100", "西兆通镇").body("党政综合办公室", 3), "名称重复"),
        passes("GEN-DUPLICATE-UNIT", SHIJIAZHUANG_CHANGAN, tp, TownshipBuilder.of("130102100", "西兆通镇"), "名称不重复"),
        fires("GEN-BODY-STAFF-SUM", e, NINGYANG, tp, dongzhuang().administrativeStaff(29), "30名超过行政编制29名"),
        passes("GEN-BODY-STAFF-SUM", NINGYANG, tp, dongzhuang().administrativeStaff(30), "30名等于行政编制"),
        fires("GEN-INSTITUTION-STAFF-SUM", e, NINGYANG, tp, dongzhuang().institutionalStaff(39), "40名超过事业编制39名"),
        passes("GEN-INSTITUTION-STAFF-SUM", NINGYANG, tp, dongzhuang().institutionalStaff(40), "40名等于事业编制"),
        fires("GEN-DEVELOPED-TOWN-KIND", e, NINGYANG, dt, ciyao().kind(Kind.TOWNSHIP), "乡不能按经济发达镇"),
        passes("GEN-DEVELOPED-TOWN-KIND", NINGYANG, dt, ciyao(), "镇"),
        fires("GEN-NO-BODIES", e, SHIJIAZHUANG_CHANGAN, tp, TownshipBuilder.of("130102100", "西兆通镇").bodies(0), "无党政工作机构"),
        passes("GEN-NO-BODIES", SHIJIAZHUANG_CHANGAN, tp, TownshipBuilder.of("130102100", "西兆通镇").bodies(1), "1个"),
        fires("GEN-LEADERSHIP-ABOVE-STAFF", e, NINGYANG, tp, dongzhuang().leadership(81, 81), "职数超过编制合计80名"),
        passes("GEN-LEADERSHIP-ABOVE-STAFF", NINGYANG, tp, dongzhuang().leadership(80, 80), "等于编制合计"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldApplyEachRuleOnBothSidesOfItsLimit(Case c) {
    PlanRequest plan = c.township().plan(c.county(), c.type());
    List<Finding> findings = validator.validate(plan);
    List<Finding> hits = findings.stream().filter(f -> f.rule().equals(c.rule())).toList();
    if (c.expected() == null) {
      assertThat(hits).as("findings %s", findings).isEmpty();
      return;
    }
    assertThat(hits).as("findings %s", findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(c.expected());
      assertThat(f.township()).isEqualTo(plan.townships().get(0).code());
      assertThat(f.message()).startsWith(plan.townships().get(0).name() + "：");
      if (!c.rule().startsWith("GEN-")) {
        assertThat(f.source()).as("source clause").matches(".*(〔\\d{4}〕|实施意见).*[一二三四五六七八]\\(.*");
      }
      if (f.actual() instanceof Long n && n > 0) {
        assertThat(f.message()).contains(String.valueOf(f.actual()));
      }
    });
  }

  /** Every output rule id of every deployed rule table has a case that fires it and one that does not. */
  @Test
  void shouldTestEveryRuleRowOnBothSides() {
    Set<String> rules = new TreeSet<>();
    for (String key : ruleSetKeys()) {
      DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
      DmnModelInstance model = repository.getDmnModelInstance(d.getId());
      for (Rule row : model.getModelElementsByType(Rule.class)) {
        OutputEntry first = row.getOutputEntries().iterator().next();
        rules.add(first.getText().getTextContent().replace("\"", "").strip());
      }
    }
    assertThat(rules).hasSizeGreaterThanOrEqualTo(22);
    Map<String, Set<Boolean>> sides = cases().stream().collect(Collectors.groupingBy(Case::rule,
        Collectors.mapping(c -> c.expected() != null, Collectors.toSet())));
    List<String> untested = new ArrayList<>();
    for (String rule : rules) {
      if (!sides.getOrDefault(rule, Set.of()).equals(Set.of(true, false))) {
        untested.add(rule);
      }
    }
    assertThat(untested).as("rule rows without a case on each side").isEmpty();
  }

  private List<String> ruleSetKeys() {
    DecisionDefinition sets = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(PolicyValidator.RULE_SETS).latestVersion().singleResult();
    return repository.getDmnModelInstance(sets.getId()).getModelElementsByType(Rule.class).stream()
        .map(r -> r.getOutputEntries().iterator().next().getText().getTextContent().replace("\"", "").strip())
        .distinct().toList();
  }

  @Test
  void shouldPassCiyaoAsDevelopedTownAndFailItAsTownship() {
    assertThat(validator.validate(ciyao().plan(NINGYANG, PlanType.DEVELOPED_TOWN)))
        .noneMatch(f -> f.severity() == Severity.ERROR);
    List<Finding> asTownship = validator.validate(ciyao().plan(NINGYANG, PlanType.TOWNSHIP));
    assertThat(asTownship).filteredOn(f -> f.severity() == Severity.ERROR).extracting(Finding::rule)
        .containsExactlyInAnyOrder("SD-TOWNSHIP-BODIES", "SD-TOWNSHIP-INSTITUTIONS", "SD-TOWNSHIP-SERVICE-CENTER");
    Finding bodies = asTownship.stream().filter(f -> f.rule().equals("SD-TOWNSHIP-BODIES")).findFirst().orElseThrow();
    assertThat(bodies).satisfies(f -> {
      assertThat(f.township()).isEqualTo("370921109");
      assertThat(f.actual()).isEqualTo(8L);
      assertThat(f.limit()).isEqualTo("5-7");
      assertThat(f.source()).isEqualTo("鲁厅字〔2018〕33号 三(一)");
      assertThat(f.message()).isEqualTo("磁窑镇：党政工作机构8个，超出5—7个的限额");
    });
  }

  @Test
  void shouldListErrorsBeforeWarningsAcrossTownships() {
    PlanRequest plan = new PlanRequest("测试方案", PlanType.TOWNSHIP, LICHENG, null, List.of(
        jinanStreet().administrativeStaff(35).build(),
        TownshipBuilder.of("370112002", "洪家楼街道").kind(Kind.STREET).bodies(9).administrativeStaff(45).build()));
    List<Finding> findings = validator.validate(plan);
    assertThat(findings).extracting(Finding::severity).isSortedAccordingTo(Enum::compareTo);
    assertThat(findings).extracting(Finding::township).contains("370112001", "370112002");
    assertThat(findings.get(0).rule()).isEqualTo("SD-TOWNSHIP-BODIES");
  }

  /** An official edits a limit row in Modeler and redeploys: the next check follows it, no code change. */
  @Test
  void shouldFollowAChangedRuleRowOnceRedeployed() throws Exception {
    PlanRequest eightBodies = dongzhuang().bodies(8).plan(NINGYANG, PlanType.TOWNSHIP);
    PlanRequest hebei = TownshipBuilder.of("130102100", "西兆通镇").bodies(9).plan(SHIJIAZHUANG_CHANGAN, PlanType.TOWNSHIP);
    assertThat(validator.validate(eightBodies)).extracting(Finding::rule).contains("SD-TOWNSHIP-BODIES");
    assertThat(validator.validate(hebei)).extracting(Finding::rule).containsExactly(PolicyValidator.NO_PROVINCIAL_LIMITS);

    String limits = resource("/processes/policy/limitsShandongTownship.dmn");
    String editedLimit = limits.replace("<outputEntry id=\"SD_TOWNSHIP_BODIES_out3\"><text>7</text>",
        "<outputEntry id=\"SD_TOWNSHIP_BODIES_out3\"><text>8</text>");
    String sets = resource("/processes/policy/policyRuleSets.dmn");
    String newProvince = sets.replace("<rule id=\"SET_JN_TOWNSHIP\">", """
        <rule id="SET_HEBEI_TOWNSHIP">
          <description>试行：河北省乡镇方案暂参照山东省限额</description>
          <inputEntry id="SET_HEBEI_TOWNSHIP_in0"><text>"130000"</text></inputEntry>
          <inputEntry id="SET_HEBEI_TOWNSHIP_in1"><text></text></inputEntry>
          <inputEntry id="SET_HEBEI_TOWNSHIP_in2"><text>"TOWNSHIP"</text></inputEntry>
          <outputEntry id="SET_HEBEI_TOWNSHIP_out0"><text>"limitsShandongTownship"</text></outputEntry>
          <outputEntry id="SET_HEBEI_TOWNSHIP_out1"><text>"参照山东省乡镇（街道）机构限额"</text></outputEntry>
        </rule>
        <rule id="SET_JN_TOWNSHIP">""");
    assertThat(editedLimit).isNotEqualTo(limits);
    assertThat(newProvince).isNotEqualTo(sets);
    var edit = repository.createDeployment().name("官员修改限额").addString("limitsShandongTownship.dmn", editedLimit)
        .addString("policyRuleSets.dmn", newProvince).deploy();
    try {
      assertThat(validator.validate(eightBodies)).extracting(Finding::rule).doesNotContain("SD-TOWNSHIP-BODIES");
      assertThat(validator.validate(dongzhuang().bodies(9).plan(NINGYANG, PlanType.TOWNSHIP)))
          .filteredOn(f -> f.rule().equals("SD-TOWNSHIP-BODIES")).singleElement()
          .satisfies(f -> assertThat(f.limit()).isEqualTo("5-8"));
      assertThat(validator.validate(hebei)).extracting(Finding::rule)
          .doesNotContain(PolicyValidator.NO_PROVINCIAL_LIMITS).contains("SD-TOWNSHIP-BODIES");
    } finally {
      repository.deleteDeployment(edit.getId(), true);
    }
    assertThat(validator.validate(eightBodies)).extracting(Finding::rule).contains("SD-TOWNSHIP-BODIES");
  }

  private static String resource(String path) throws java.io.IOException {
    try (var in = PolicyRulesTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
