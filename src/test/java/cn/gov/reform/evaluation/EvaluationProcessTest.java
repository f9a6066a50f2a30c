package cn.gov.reform.evaluation;

import static cn.gov.reform.evaluation.EvaluationFixtures.JILIN_TOWNS;
import static cn.gov.reform.evaluation.EvaluationFixtures.jilin;
import static cn.gov.reform.evaluation.EvaluationFixtures.shandong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.engine.DecisionRefusedException;

/**
 * A developed-town evaluation year end to end on the real engine (README "经济发达镇名单与年度评估"): 市（州）自评 by each
 * town's city 编办, 省编办复评 with changed scores and an opinion, results by the DMN bands, the random sample's on-site
 * check (核查不符 → back to 复评), and — over two years — two consecutive FAILs → exit proposal → the provincial
 * government's decision → the list's history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class EvaluationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired EvaluationFixtures support;
  @Autowired DevelopedTowns towns;

  private static List<String> steps(EvaluationView e) {
    return e.timeline().stream().map(t -> t.stage() + ":" + t.decision()).toList();
  }

  @Test
  void shouldCarryAJilinYearFromSelfEvaluationThroughReEvaluationAndTheRandomCheckToItsResults() {
    EvaluationView launched = support.launch("jilin", "220000", 2018, 2, 7L);
    String id = launched.id();
    EvaluationView e = launched;
    assertThat(e.towns()).extracting(EvaluationView.Town::townshipCode).containsExactlyInAnyOrderElementsOf(JILIN_TOWNS.keySet());
    assertThat(e.towns()).allSatisfy(t -> assertThat(t.stage()).isEqualTo(EvaluationKeys.SELF_EVALUATION));
    assertThat(e.sample()).hasSize(2).isEqualTo(Sample.draw(List.copyOf(JILIN_TOWNS.keySet()), 2, 7L));
    assertThat(e.seed()).isEqualTo(7L);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(e.processInstanceId()).singleResult()
        .getTenantId()).isEqualTo("220000");
    // each town's task is its own city 编办's
    for (var town : JILIN_TOWNS.entrySet()) {
      Task task = support.task(e.id(), town.getKey());
      String group = EvaluationFixtures.USERS.get(town.getValue());
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).taskCandidateGroup(group).count()).isEqualTo(1);
    }

    int percent = 60;
    for (var town : JILIN_TOWNS.entrySet()) {
      support.score(town.getValue(), e.id(), town.getKey(), EvaluationStage.SELF_EVALUATION, jilin(percent), "自评");
      percent += 10;
    }
    e = support.view(e.id());
    assertThat(e.towns()).allSatisfy(t -> {
      assertThat(t.stage()).isEqualTo(EvaluationKeys.RE_EVALUATION);
      assertThat(t.selfScores()).hasSize(6).allSatisfy(s -> assertThat(s.note()).startsWith("佐证材料"));
      assertThat(engine.getTaskService().createTaskQuery().taskId(t.taskId()).taskCandidateGroup("reviewer220000").count()).isEqualTo(1);
    });

    // changing a score needs an opinion; with it, the change and the opinion are kept
    String helong = "220103171";
    List<Score> changed = new ArrayList<>(jilin(90));
    changed.set(0, new Score("JL-POWERS", 10, "承接台账不全"));
    assertThatThrownBy(() -> support.score("jilin", id, helong, EvaluationStage.RE_EVALUATION, changed, null))
        .isInstanceOf(DecisionRefusedException.class).hasMessageContaining("JL-POWERS");
    List<Score> selfOfHelong = support.town(e.id(), helong).selfScores();
    support.score("jilin", e.id(), helong, EvaluationStage.RE_EVALUATION, selfOfHelong, null); // unchanged: no opinion needed

    for (String code : JILIN_TOWNS.keySet()) {
      if (!code.equals(helong)) {
        List<Score> self = support.town(e.id(), code).selfScores();
        support.score("jilin", e.id(), code, EvaluationStage.RE_EVALUATION, self, "复评与自评一致");
      }
    }
    e = support.view(e.id());
    for (EvaluationView.Town t : e.towns()) {
      assertThat(t.finalTotal()).isEqualTo(t.selfTotal());
      EvaluationResult expected = t.finalTotal() * 100 >= 90 * t.maxTotal() ? EvaluationResult.EXCELLENT
          : t.finalTotal() * 100 >= 60 * t.maxTotal() ? EvaluationResult.PASS : EvaluationResult.FAIL;
      assertThat(t.result()).as(t.townshipName()).isEqualTo(expected);
      assertThat(t.resultSource()).contains("济南市实施意见 四(三)");
      assertThat(t.stage()).isEqualTo(t.sampled() ? EvaluationKeys.ONSITE_CHECK : EvaluatedTown.EVALUATED);
    }

    // the sampled towns: one confirmed, one found not as scored → back to 复评, then confirmed
    String first = e.sample().get(0);
    String second = e.sample().get(1);
    support.complete("jilin", support.task(e.id(), first), Map.of("decision", "APPROVE", "opinion", "实地核查属实"));
    Task check = support.task(e.id(), second);
    assertThatThrownBy(() -> support.complete("jilin", check, Map.of("decision", "RETURN")))
        .isInstanceOf(DecisionRefusedException.class).hasMessageContaining("opinion");
    support.complete("jilin", check, Map.of("decision", "RETURN", "opinion", "便民服务中心进驻事项与自评不符"));
    assertThat(support.town(e.id(), second).stage()).isEqualTo(EvaluationKeys.RE_EVALUATION);
    List<Score> lower = new ArrayList<>(support.town(e.id(), second).selfScores());
    lower.set(2, new Score("JL-SERVICE", 5, "进驻事项不足"));
    support.score("jilin", e.id(), second, EvaluationStage.RE_EVALUATION, lower, "按实地核查结果调减");
    support.complete("jilin", support.task(e.id(), second), Map.of("decision", "APPROVE"));

    EvaluationView done = support.view(e.id());
    assertThat(done.status()).isEqualTo(EvaluationStatus.FINISHED);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(done.processInstanceId()).count()).isZero();
    EvaluationView.Town returned = done.towns().stream().filter(t -> t.townshipCode().equals(second)).findFirst().orElseThrow();
    assertThat(returned.onsiteOutcome()).isEqualTo("APPROVE");
    assertThat(returned.reviewOpinion()).isEqualTo("按实地核查结果调减");
    assertThat(returned.finalTotal()).isLessThan(returned.selfTotal());
    assertThat(steps(done)).startsWith("evaluationLaunched:SUBMIT", "drawSample:DRAWN")
        .contains("onsiteCheck:RETURN", "proposeExits:NONE").endsWith("evaluationFinished:FINISHED");
    assertThat(done.timeline()).filteredOn(t -> t.stage().equals(EvaluationKeys.SELF_EVALUATION)).hasSize(5)
        .extracting(TimelineEntry::actor).containsExactlyInAnyOrderElementsOf(JILIN_TOWNS.values());
    assertThat(done.timeline().get(1).opinion()).contains("随机种子 7");
  }

  @Test
  void shouldDrawTheSameSampleFromTheSameSeedAndRecordIt() {
    List<String> codes = List.copyOf(JILIN_TOWNS.keySet());
    assertThat(Sample.draw(codes, 3, 42L)).isEqualTo(Sample.draw(reversed(codes), 3, 42L)).hasSize(3);
    assertThat(Sample.draw(codes, 2, 20260105L)).isEqualTo(Sample.draw(codes, 2, 20260105L));
    assertThat(Sample.draw(codes, 9, 1L)).hasSize(5);
    assertThat(Sample.draw(codes, 0, 1L)).isEmpty();
    long seeds = java.util.stream.LongStream.range(0, 50).mapToObj(s -> Sample.draw(codes, 2, s)).distinct().count();
    assertThat(seeds).as("different seeds draw different towns").isGreaterThan(3);

    EvaluationView e = support.launch("jilin", "220000", 2019, 3, 42L);
    assertThat(e.sample()).isEqualTo(Sample.draw(codes, 3, 42L));
    assertThat(e.towns()).filteredOn(EvaluationView.Town::sampled).extracting(EvaluationView.Town::townshipCode)
        .containsExactlyElementsOf(e.sample());
    assertThat(e.timeline()).anySatisfy(t -> assertThat(t.opinion()).contains("随机种子 42").contains("抽取3个"));
  }

  @Test
  void shouldProposeATownAfterTwoConsecutiveFailsAndTakeItOffTheListWhenTheProvinceDecides() {
    String ciyao = "370921109";
    assertThat(towns.onList(ciyao)).isPresent();
    // 2019: FAIL — one FAIL is not yet a proposal
    EvaluationView y2019 = failYear(2019, ciyao);
    assertThat(y2019.status()).isEqualTo(EvaluationStatus.FINISHED);
    assertThat(steps(y2019)).contains("proposeExits:NONE");
    // 2020: FAIL again → proposal → 省政府 decides
    EvaluationView y2020 = failYear(2020, ciyao);
    EvaluationView.Town town = y2020.towns().get(0);
    assertThat(town.exitProposed()).isTrue();
    assertThat(town.exitReason()).contains("连续2个评估年度不合格（2019、2020年度）");
    assertThat(town.stage()).isEqualTo(EvaluationKeys.EXIT_DECISION);
    Task decision = support.task(y2020.id(), ciyao);
    assertThat(engine.getTaskService().createTaskQuery().taskId(decision.getId()).taskCandidateGroup("approver370000").count()).isEqualTo(1);
    assertThatThrownBy(() -> support.complete("shandongapprover", decision, Map.of("decision", "APPROVE")))
        .isInstanceOf(DecisionRefusedException.class).hasMessageContaining("decisionNumber");
    support.complete("shandongapprover", decision, Map.of("decision", "APPROVE", "decisionNumber", "鲁政字〔2021〕8号",
        "opinion", "同意磁窑镇退出经济发达镇名单"));

    EvaluationView decided = support.view(y2020.id());
    assertThat(decided.status()).isEqualTo(EvaluationStatus.FINISHED);
    assertThat(decided.towns().get(0).exitDecision()).isEqualTo("APPROVE");
    assertThat(decided.towns().get(0).exitDecisionNumber()).isEqualTo("鲁政字〔2021〕8号");
    assertThat(steps(decided)).contains("proposeExits:PROPOSED", "exitDecision:APPROVE", "listUpdated:LEFT");
    assertThat(towns.onList(ciyao)).isEmpty();

    // 2021: the town is no longer on the list — nothing to evaluate in Shandong
    assertThatThrownBy(() -> support.launch("shandongreviewer", "370000", 2021, null, 1L))
        .hasMessageContaining("没有2021年度及以前列入的镇");

    // it enters again by recognition: the list keeps both stints
    RecognitionView again = support.apply("taianzf", new RecognitionRequest(ciyao, 85_000, List.of(
        new RecognitionRequest.Ranking(2024, 30, 40, 1824), new RecognitionRequest.Ranking(2025, 25, 35, 1822)), null));
    assertThat(again.status()).isEqualTo(RecognitionStatus.IN_REVIEW);
    Task approval = engine.getTaskService().createTaskQuery().processInstanceId(again.processInstanceId()).singleResult();
    support.complete("shandongapprover", approval, Map.of("decision", "APPROVE", "decisionNumber", "鲁政字〔2026〕3号"));
    assertThat(towns.onList(ciyao)).hasValueSatisfying(t -> assertThat(t.entryBasis()).contains("鲁政字〔2026〕3号"));
    List<ListedTown> history = towns.visible(support.jurisdiction("shandongreviewer"), null, ciyao, true);
    assertThat(history).hasSize(2);
    assertThat(history).filteredOn(t -> !t.onList()).singleElement().satisfies(t -> {
      assertThat(t.leftYear()).isEqualTo(2020);
      assertThat(t.leftDecisionNumber()).isEqualTo("鲁政字〔2021〕8号");
      assertThat(t.leftReason()).contains("连续2个评估年度不合格");
      assertThat(t.leftEvaluationId()).isEqualTo(y2020.id());
    });
  }

  private static List<String> reversed(List<String> codes) {
    List<String> r = new ArrayList<>(codes);
    java.util.Collections.reverse(r);
    return r;
  }

  /** A Shandong year in which 磁窑镇 (the list's only town) scores 50 %: FAIL. */
  private EvaluationView failYear(int year, String ciyao) {
    EvaluationView e = support.launch("shandongreviewer", "370000", year, 0, 1L);
    assertThat(e.towns()).extracting(EvaluationView.Town::townshipCode).containsExactly(ciyao);
    support.score("taian", e.id(), ciyao, EvaluationStage.SELF_EVALUATION, shandong(50), "自评");
    support.score("shandongreviewer", e.id(), ciyao, EvaluationStage.RE_EVALUATION, shandong(50), null);
    EvaluationView after = support.view(e.id());
    assertThat(after.towns().get(0).result()).isEqualTo(EvaluationResult.FAIL);
    return after;
  }
}
