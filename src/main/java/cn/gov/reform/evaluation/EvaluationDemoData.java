package cn.gov.reform.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import cn.gov.reform.identity.DemoItems;
import cn.gov.reform.identity.DemoUsers;
import cn.gov.reform.identity.Jurisdiction;

/**
 * Demo items on the first start of an empty database (default and postgres profiles): Jilin's 2025 evaluation year of its
 * first five developed towns (吉林省实施意见 一(三)), launched by 吉林省编办 ({@code jilin}) with seed {@value #SEED}, every
 * town self-evaluated by its city's 编办 — waiting at 省编办复评; and 泰安市政府's application to list 伏山镇 (宁阳县),
 * waiting at 山东省政府 ({@code shandongapprover}).
 */
@Component
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
class EvaluationDemoData implements DemoItems {

  static final long SEED = 20260105L;
  private static final Logger LOG = LoggerFactory.getLogger(EvaluationDemoData.class);

  /** Each town's city 编办 and its scores per indicator (JL-POWERS … JL-GOVERNANCE) with the evidence. */
  private record Town(String code, String cityUser, int[] scores) {}

  private static final List<Town> JILIN = List.of(
      new Town("220103171", "changchunbb", new int[] {18, 13, 18, 13, 12, 13}),
      new Town("220882101", "baichengbb", new int[] {15, 11, 14, 11, 10, 12}),
      new Town("222401105", "yanbianbb", new int[] {19, 14, 19, 14, 13, 14}),
      new Town("220581100", "tonghuabb", new int[] {16, 12, 16, 12, 12, 12}),
      new Town("220422103", "liaoyuanbb", new int[] {10, 8, 9, 8, 9, 9}));
  private static final List<String> EVIDENCE = List.of("县级管理权限赋权目录及承接台账", "机构设置方案及三定规定",
      "便民服务中心进驻事项清单、综合行政执法局组建文件", "编制使用和购买服务台账", "镇级国库设立文件、财政收支决算", "网格化服务管理制度及运行记录");

  private final DemoUsers users;
  private final EvaluationService evaluations;
  private final TownScoring scoring;
  private final RecognitionService recognitions;

  EvaluationDemoData(DemoUsers users, EvaluationService evaluations, TownScoring scoring, RecognitionService recognitions) {
    this.users = users;
    this.evaluations = evaluations;
    this.scoring = scoring;
    this.recognitions = recognitions;
  }

  @Override
  public void create() {
    // groups are read before acting as the user: an authenticated engine query may not list without a page
    List<String> jilinGroups = users.groupsOf("jilin");
    String id = users.as("jilin", () -> evaluations.launch(new LaunchRequest("220000", 2025, 2, SEED), null,
        Jurisdiction.of("jilin", jilinGroups), jilinGroups).evaluation().id());
    for (Town t : JILIN) {
      List<Score> scores = new ArrayList<>();
      for (int i = 0; i < t.scores().length; i++) {
        scores.add(new Score(List.of("JL-POWERS", "JL-STRUCTURE", "JL-SERVICE", "JL-STAFFING", "JL-FINANCE", "JL-GOVERNANCE").get(i),
            t.scores()[i], EVIDENCE.get(i)));
      }
      List<String> groups = users.groupsOf(t.cityUser());
      users.as(t.cityUser(), () -> {
        scoring.submit(id, t.code(), EvaluationStage.SELF_EVALUATION, new ScoresRequest(scores, "经市（州）编办自评，报省编办复评。"),
            Jurisdiction.of(t.cityUser(), groups), groups);
        return null;
      });
    }
    List<String> taian = users.groupsOf("taianzf");
    users.as("taianzf", () -> recognitions.apply(new RecognitionRequest("370921103", 82_000, List.of(
        new RecognitionRequest.Ranking(2024, 95, 120, 1824), new RecognitionRequest.Ranking(2025, 88, 101, 1822)), null), null,
        Jurisdiction.of("taianzf", taian), taian));
    LOG.info("Demo data: Jilin's 2025 developed-town evaluation waits at reEvaluation ({}); 伏山镇's application at "
        + "recognitionApproval", id);
  }
}
