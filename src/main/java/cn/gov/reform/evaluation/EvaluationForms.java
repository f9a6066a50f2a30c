package cn.gov.reform.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.engine.DerivedFormTexts;

/**
 * What the evaluation's forms show (task-local copies, {@link EvaluationProcedure#evaluationFormTexts}): the year and
 * town, the indicators with their clauses, the city's scores at the re-evaluation, the result and the exit proposal at the
 * provincial government, the town's earlier steps; and the score sheet the official fills in.
 */
@Component
class EvaluationForms {

  private final EvaluationService service;
  private final AuditTrail audit;

  EvaluationForms(EvaluationService service, AuditTrail audit) {
    this.service = service;
    this.audit = audit;
  }

  /** The sheet to fill in: empty lines per indicator at the self-evaluation, the city's scores at the re-evaluation. */
  String sheet(String id, String township, EvaluationStage stage) {
    Evaluation e = service.find(id);
    EvaluationRepository.ScoreStage from = stage == EvaluationStage.SELF_EVALUATION ? EvaluationRepository.ScoreStage.SELF
        : EvaluationRepository.ScoreStage.REVIEW;
    List<Score> earlier = service.scores(id, township, from);
    if (earlier.isEmpty() && stage == EvaluationStage.RE_EVALUATION) {
      earlier = service.scores(id, township, EvaluationRepository.ScoreStage.SELF);
    }
    return earlier.isEmpty() ? ScoreSheet.template(service.indicators(e)) : ScoreSheet.text(earlier);
  }

  Map<String, Object> texts(String id, String township, EvaluationStage stage) {
    Evaluation e = service.find(id);
    EvaluatedTown t = service.town(id, township);
    Map<String, Object> texts = new HashMap<>(stage.rules().formTexts());
    String town = service.provinceName(e.provinceCode()) + e.year() + "年度经济发达镇评估 · " + t.townshipName();
    texts.put(EvaluationKeys.FORM_SUBJECT, town);
    texts.put(EvaluationKeys.FORM_SUMMARY, town + (t.sampled() ? "（抽中随机抽查）" : "") + "\n" + summary(t));
    texts.put(EvaluationKeys.FORM_INDICATORS, service.indicators(e).stream().map(i -> i.code() + " " + i.name() + "（满分" + i.maxScore()
        + "分，" + i.source() + "）").collect(Collectors.joining("\n")));
    texts.put(EvaluationKeys.FORM_SELF_SCORES, stage == EvaluationStage.SELF_EVALUATION ? null
        : scores(service.scores(id, township, EvaluationRepository.ScoreStage.SELF), t.selfTotal()));
    texts.put(EvaluationKeys.FORM_SCORES_HINT, stage.scored() ? "每行一项指标：指标代码｜得分｜" + (stage == EvaluationStage.SELF_EVALUATION
        ? "佐证材料（必填）" : "说明（改动自评分数时写明理由，并在复评意见中说明）") : null);
    texts.put(EvaluationKeys.FORM_NEEDS_NUMBER, stage.numbered());
    texts.put(EvaluationKeys.FORM_OPINIONS, audit.timeline(EvaluationKeys.PROCESS, id).stream()
        .filter(s -> township.equals(s.target())).map(s -> s.stageName() + "（" + s.actor() + "）：" + (s.opinion() == null ? s.decision()
            : s.opinion())).collect(Collectors.joining("\n")));
    return texts;
  }

  private static String summary(EvaluatedTown t) {
    StringBuilder s = new StringBuilder();
    if (t.selfTotal() != null) {
      s.append("自评").append(t.selfTotal()).append("分");
    }
    if (t.finalTotal() != null) {
      s.append("，复评").append(t.finalTotal()).append("分（满分").append(t.maxTotal()).append("分），评估结果：").append(t.result().label());
    }
    if (t.exitProposed()) {
      s.append("\n退出建议：").append(t.exitReason());
    }
    return s.isEmpty() ? "尚未评分" : s.toString();
  }

  private static String scores(List<Score> scores, Integer total) {
    if (scores.isEmpty()) {
      return null;
    }
    return "自评合计" + total + "分\n" + scores.stream().map(s -> s.indicator() + " " + s.score() + "分"
        + (s.note() == null ? "" : "：" + s.note())).collect(Collectors.joining("\n"));
  }

  /** The task-local variables above, for {@link DerivedFormTexts}. */
  static final List<String> NAMES = List.of(EvaluationKeys.FORM_SUBJECT, EvaluationKeys.FORM_SUMMARY, EvaluationKeys.FORM_INDICATORS,
      EvaluationKeys.FORM_SELF_SCORES, EvaluationKeys.FORM_SCORES_HINT, EvaluationKeys.FORM_NEEDS_NUMBER, EvaluationKeys.FORM_OPINIONS);
}
