package cn.gov.reform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.Finding.Severity;

/**
 * Every row of the recognition standard ({@code recognitionThresholds.dmn}) on both sides, and the result bands of
 * {@code evaluationResult.dmn}: Shandong 79,999 vs 80,000 (鲁厅字〔2018〕33号 六(二)), relaxed for a town of special standing;
 * Jilin's "about 50,000" a warning band, its top 10 % an error (吉林省实施意见 一(三)).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class RecognitionThresholdsTest {

  @Autowired RecognitionService service;
  @Autowired Indicators indicators;
  @Autowired RepositoryService repository;

  /** A town of the province with its population and its worse rank of the two years among 1,000 townships. */
  private static Recognition town(String province, int population, int urbanisationRank, int revenueRank, boolean relaxed) {
    String code = province.equals("370000") ? "370921103" : province.equals("220000") ? "220122100" : "130102100";
    List<RecognitionRequest.Ranking> rankings = List.of(new RecognitionRequest.Ranking(2024, 1, 1, 1000),
        new RecognitionRequest.Ranking(2025, urbanisationRank, revenueRank, 1000));
    return new Recognition("t", code, "某镇", code.substring(0, 6), code.substring(0, 4) + "00", province, population, rankings,
        relaxed ? "历史文化名镇" : null, RecognitionStatus.IN_REVIEW, null, null, "x", Instant.now(), Instant.now());
  }

  record Case(String rule, Severity expected, Recognition town) {}

  static Stream<Arguments> cases() {
    return Stream.of(
        new Case("SD-DT-POPULATION", Severity.ERROR, town("370000", 79_999, 1, 1, false)),
        new Case("SD-DT-POPULATION", null, town("370000", 80_000, 1, 1, false)),
        new Case("SD-DT-POPULATION", Severity.WARNING, town("370000", 79_999, 1, 1, true)),
        new Case("SD-DT-URBANISATION", Severity.ERROR, town("370000", 90_000, 101, 1, false)),
        new Case("SD-DT-URBANISATION", null, town("370000", 90_000, 100, 1, false)),
        new Case("SD-DT-URBANISATION", Severity.WARNING, town("370000", 90_000, 101, 1, true)),
        new Case("SD-DT-REVENUE", Severity.ERROR, town("370000", 90_000, 1, 101, false)),
        new Case("SD-DT-REVENUE", null, town("370000", 90_000, 1, 100, false)),
        new Case("SD-DT-REVENUE", Severity.WARNING, town("370000", 90_000, 1, 101, true)),
        new Case("JL-DT-POPULATION", Severity.WARNING, town("220000", 49_999, 1, 1, false)),
        new Case("JL-DT-POPULATION", null, town("220000", 50_000, 1, 1, false)),
        new Case("JL-DT-URBANISATION", Severity.ERROR, town("220000", 50_000, 101, 1, false)),
        new Case("JL-DT-URBANISATION", null, town("220000", 50_000, 100, 1, false)),
        new Case("JL-DT-REVENUE", Severity.ERROR, town("220000", 50_000, 1, 101, false)),
        new Case("JL-DT-REVENUE", null, town("220000", 50_000, 1, 100, false)),
        new Case("GEN-DT-NO-STANDARD", Severity.WARNING, town("130000", 10, 500, 500, false)),
        new Case("GEN-DT-NO-STANDARD", null, town("220000", 10, 500, 500, false))).map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void shouldApplyEveryRowOnBothSides(Case c) {
    List<Finding> hits = service.findings(c.town()).stream().filter(f -> f.rule().equals(c.rule())).toList();
    if (c.expected() == null) {
      assertThat(hits).isEmpty();
      return;
    }
    assertThat(hits).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(c.expected());
      assertThat(f.message()).startsWith("某镇：").doesNotContain("{actual}");
      assertThat(f.source()).matches(".*(〔\\d{4}〕|实施意见).*");
    });
  }

  @Test
  void shouldNameTheNumbersInTheMessages() {
    assertThat(service.findings(town("370000", 79_999, 101, 1, false))).extracting(Finding::message)
        .contains("某镇：建成区常住人口79999人，低于8万人", "某镇：常住人口城镇化率连续两年中最低排名位于全省乡镇前10.1%，未位居前列（前10%）");
    assertThat(service.findings(town("220000", 50_000, 1, 1, false))).isEmpty();
  }

  @Test
  void shouldTestEveryRuleOfTheTable() {
    var d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(EvaluationKeys.THRESHOLDS_DECISION).latestVersion()
        .singleResult();
    Set<String> rules = repository.getDmnModelInstance(d.getId()).getModelElementsByType(Rule.class).stream()
        .map(r -> r.getOutputEntries().iterator().next().getText().getTextContent().replace("\"", "").strip())
        .collect(Collectors.toCollection(TreeSet::new));
    Map<String, Set<Boolean>> sides = cases().map(a -> (Case) a.get()[0]).collect(Collectors.groupingBy(Case::rule,
        Collectors.mapping(c -> c.expected() != null, Collectors.toSet())));
    assertThat(rules).allSatisfy(r -> assertThat(sides.get(r)).as(r).containsExactlyInAnyOrder(true, false));
  }

  @Test
  void shouldBandTheResultsAtNinetyAndSixtyPerCent() {
    assertThat(indicators.result(90, 100).result()).isEqualTo(EvaluationResult.EXCELLENT);
    assertThat(indicators.result(89, 100).result()).isEqualTo(EvaluationResult.PASS);
    assertThat(indicators.result(60, 100).result()).isEqualTo(EvaluationResult.PASS);
    assertThat(indicators.result(59, 100).result()).isEqualTo(EvaluationResult.FAIL);
    assertThat(indicators.result(0, 100).result()).isEqualTo(EvaluationResult.FAIL);
    assertThat(indicators.of("220000").stream().mapToInt(Indicator::maxScore).sum()).isEqualTo(100);
    assertThat(indicators.of("370000").stream().mapToInt(Indicator::maxScore).sum()).isEqualTo(100);
    assertThat(indicators.of("620000")).isEmpty();
  }
}
