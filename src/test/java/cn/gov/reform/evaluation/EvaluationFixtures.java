package cn.gov.reform.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.gov.reform.identity.IdentitySeeder;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.EngineSteps;

/**
 * Officials of the developed-town procedures in the seeds' regions — Jilin's province and the cities of its first five
 * towns (吉林省实施意见 一(三)), Shandong's province and 泰安市 (磁窑镇) — and score sheets for them. The suite shares one
 * database: every test takes evaluation years of its own (Jilin 2018–2023, README 2024; Shandong 2019–2021 for the exits).
 * Only seeded role groups: an on-demand group (a township's) made here would change what IdentitySeederTest counts.
 */
// not in an app started with its demo data (FirstStartIT): these users would stand in for the demo users
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "app.demo-data", havingValue = "false", matchIfMissing = true)
@Component
public class EvaluationFixtures {

  public static final String PASSWORD = PlanFixtures.PASSWORD;

  public static final Map<String, String> USERS = Map.ofEntries(
      Map.entry("jilin", "reviewer220000"), Map.entry("jilinapprover", "approver220000"),
      Map.entry("jilinsupervisor", "supervisor220000"),
      Map.entry("changchunbb", "reviewer220100"), Map.entry("baichengbb", "reviewer220800"),
      Map.entry("yanbianbb", "reviewer222400"), Map.entry("tonghuabb", "reviewer220500"), Map.entry("liaoyuanbb", "reviewer220400"),
      Map.entry("changchun", "submitter220100"), Map.entry("nongan", "drafter220122"),
      Map.entry("shandongreviewer", "reviewer370000"), Map.entry("shandongapprover", "approver370000"),
      Map.entry("taian", "reviewer370900"), Map.entry("taianzf", "submitter370900"), Map.entry("ningyang", "drafter370921"),
      Map.entry("jinanzf", "submitter370100"));

  /** Jilin's first five, each with its city 编办's official. */
  public static final Map<String, String> JILIN_TOWNS = Map.of("220103171", "changchunbb", "220882101", "baichengbb",
      "222401105", "yanbianbb", "220581100", "tonghuabb", "220422103", "liaoyuanbb");
  public static final List<String> JILIN_INDICATORS = List.of("JL-POWERS", "JL-STRUCTURE", "JL-SERVICE", "JL-STAFFING",
      "JL-FINANCE", "JL-GOVERNANCE");
  public static final List<Integer> JILIN_MAX = List.of(20, 15, 20, 15, 15, 15);
  public static final List<String> SHANDONG_INDICATORS = List.of("SD-TARGET", "SD-STANDARD", "SD-POWERS", "SD-INNOVATION",
      "SD-SUPPORT");
  public static final List<Integer> SHANDONG_MAX = List.of(15, 15, 25, 30, 15);

  private final ProcessEngine engine;
  private final EvaluationService evaluations;
  private final TownScoring scoring;
  private final RecognitionService recognitions;

  public EvaluationFixtures(ProcessEngine engine, EvaluationService evaluations, TownScoring scoring,
      RecognitionService recognitions, IdentitySeeder groupsFirst) {
    this.engine = engine;
    this.evaluations = evaluations;
    this.scoring = scoring;
    this.recognitions = recognitions;
    EngineSteps.ensureUsers(engine, USERS, PASSWORD);
  }

  /** A sheet scoring every indicator at {@code percent} % of its maximum (rounded down), with evidence. */
  public static List<Score> sheet(List<String> indicators, List<Integer> max, int percent) {
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < indicators.size(); i++) {
      scores.add(new Score(indicators.get(i), max.get(i) * percent / 100, "佐证材料" + (i + 1)));
    }
    return scores;
  }

  public static List<Score> jilin(int percent) {
    return sheet(JILIN_INDICATORS, JILIN_MAX, percent);
  }

  public static List<Score> shandong(int percent) {
    return sheet(SHANDONG_INDICATORS, SHANDONG_MAX, percent);
  }

  public EvaluationView launch(String user, String province, int year, Integer sampleSize, Long seed) {
    return as(user, () -> evaluations.launch(new LaunchRequest(province, year, sampleSize, seed), null, jurisdiction(user),
        groups(user)).evaluation());
  }

  public void score(String user, String id, String township, EvaluationStage stage, List<Score> scores, String opinion) {
    as(user, () -> {
      scoring.submit(id, township, stage, new ScoresRequest(scores, opinion), jurisdiction(user), groups(user));
      return null;
    });
  }

  public EvaluationView view(String id) {
    return evaluations.view(id, Jurisdiction.of("admin", List.of("camunda-admin")));
  }

  public EvaluationView view(String user, String id) {
    return as(user, () -> evaluations.view(id, jurisdiction(user)));
  }

  public EvaluationView.Town town(String id, String township) {
    return view(id).towns().stream().filter(t -> t.townshipCode().equals(township)).findFirst().orElseThrow();
  }

  public RecognitionView apply(String user, RecognitionRequest request) {
    return as(user, () -> recognitions.apply(request, null, jurisdiction(user), groups(user)).application());
  }

  /** The open task of the town's branch (by the id the year's view shows). */
  public Task task(String id, String township) {
    String taskId = town(id, township).taskId();
    return taskId == null ? null : engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
  }

  /** Completes a task as {@code user} with the variables (the job executor is off in tests; these steps have no jobs). */
  public void complete(String user, Task task, Map<String, Object> variables) {
    as(user, () -> {
      engine.getTaskService().complete(task.getId(), variables);
      return null;
    });
  }

  public Jurisdiction jurisdiction(String user) {
    return Jurisdiction.of(user, groups(user));
  }

  public List<String> groups(String user) {
    return List.of(USERS.getOrDefault(user, ""));
  }

  public <T> T as(String user, Supplier<T> work) {
    return EngineSteps.as(engine, user, USERS.getOrDefault(user, ""), work);
  }
}
