package cn.gov.reform.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.gov.reform.web.FieldError;

/**
 * A town's scores against its province's indicators, as the API sends them (a list) and as the Tasklist form writes them
 * (one indicator per line: {@code 代码｜得分｜佐证材料或说明}): the one check of both — every indicator exactly once, a whole
 * score from 0 to its maximum, evidence at the self-evaluation — and the conversions between them.
 */
final class ScoreSheet {

  static final String SEPARATOR = "｜";
  private static final Pattern LINE = Pattern.compile("([^|｜]*)[|｜]([^|｜]*)(?:[|｜](.*))?");
  private static final Pattern ITEM = Pattern.compile("scores\\[(\\d+)\\]\\.?(.*)");

  private ScoreSheet() {}

  /** What is wrong with the scores, field by field ({@code scores[2].score}); empty when nothing is. */
  static List<FieldError> check(List<Score> scores, List<Indicator> indicators, boolean evidenceRequired) {
    List<FieldError> errors = new ArrayList<>();
    if (scores == null || scores.isEmpty()) {
      errors.add(new FieldError("scores", "须为每项指标打分（共" + indicators.size() + "项）"));
      return errors;
    }
    Map<String, Indicator> byCode = indicators.stream().collect(Collectors.toMap(Indicator::code, Function.identity()));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < scores.size(); i++) {
      Score s = scores.get(i);
      String at = "scores[" + i + "]";
      if (s == null) {
        errors.add(new FieldError(at, "不能为空"));
        continue;
      }
      Indicator indicator = s.indicator() == null ? null : byCode.get(s.indicator().strip());
      if (indicator == null) {
        errors.add(new FieldError(at + ".indicator", "未知的评估指标“" + clip(s.indicator()) + "”，应为 "
            + String.join("、", indicators.stream().map(Indicator::code).toList()) + " 之一"));
        continue;
      }
      if (!seen.add(indicator.code())) {
        errors.add(new FieldError(at + ".indicator", "指标 " + indicator.code() + " 重复打分"));
      }
      if (s.score() == null || s.score() < 0 || s.score() > indicator.maxScore()) {
        errors.add(new FieldError(at + ".score", indicator.name() + "的得分应为0—" + indicator.maxScore() + "的整数（" + indicator.source() + "）"));
      }
      if (s.note() != null && (s.note().length() > 1000 || !s.note().matches(Score.PLAIN))) {
        errors.add(new FieldError(at + ".note", s.note().length() > 1000 ? "不能超过1000字" : Score.PLAIN_MESSAGE));
      }
      if (evidenceRequired && (s.note() == null || s.note().isBlank())) {
        errors.add(new FieldError(at + ".note", "自评须写明" + indicator.name() + "的佐证材料"));
      }
    }
    indicators.stream().filter(i -> !seen.contains(i.code())).forEach(i -> errors.add(new FieldError("scores",
        "缺少指标 " + i.code() + "（" + i.name() + "）的得分")));
    return errors;
  }

  /** The scores as the form's lines. */
  static String text(List<Score> scores) {
    return scores.stream().map(s -> s.indicator() + SEPARATOR + (s.score() == null ? "" : s.score()) + SEPARATOR
        + (s.note() == null ? "" : s.note())).collect(Collectors.joining("\n"));
  }

  /** An empty sheet: one line per indicator for the official to fill in. */
  static String template(List<Indicator> indicators) {
    return indicators.stream().map(i -> i.code() + SEPARATOR + SEPARATOR).collect(Collectors.joining("\n"));
  }

  /** The form's lines as scores; a line that is not {@code 代码｜得分｜说明} is refused naming the line. */
  static List<Score> parse(String text, List<FieldError> errors) {
    List<Score> scores = new ArrayList<>();
    if (text == null) {
      return scores;
    }
    String[] lines = text.split("\\r?\\n");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      Integer score = null;
      if (m.matches()) {
        try {
          score = Integer.valueOf(m.group(2).strip());
        } catch (NumberFormatException e) {
          score = null;
        }
      }
      if (!m.matches() || score == null) {
        errors.add(new FieldError(EvaluationKeys.VAR_SCORES, "第" + (n + 1) + "行应为“指标代码｜得分｜佐证材料或说明”，得分为整数：" + clip(line)));
        continue;
      }
      String note = m.group(3) == null ? null : m.group(3).strip();
      scores.add(new Score(m.group(1).strip(), score, note == null || note.isEmpty() ? null : note));
    }
    return scores;
  }

  /** An error about {@code scores[i]} in the form's words (第i+1项). */
  static FieldError inFormTerms(FieldError e) {
    Matcher m = ITEM.matcher(e.field());
    if (m.matches()) {
      return new FieldError(EvaluationKeys.VAR_SCORES, "第" + (Integer.parseInt(m.group(1)) + 1) + "项：" + e.message());
    }
    return e.field().equals("scores") ? new FieldError(EvaluationKeys.VAR_SCORES, e.message()) : e;
  }

  static int total(List<Score> scores) {
    return scores.stream().mapToInt(Score::score).sum();
  }

  private static String clip(String s) {
    return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
