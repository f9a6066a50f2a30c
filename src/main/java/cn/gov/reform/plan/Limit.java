package cn.gov.reform.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.plan.PlanRequest.Township;
import cn.gov.reform.plan.PlanRequest.Unit;

/** One matched row of a rule-set table, and how a township is measured against it. */
record Limit(String rule, Check check, Long min, Long max, String unit, Finding.Severity severity, String source) {

  /** Reads a row; a row an official left incomplete is refused with the rule id and what is missing. */
  static Limit of(Map<String, Object> row) {
    String rule = (String) row.get("rule");
    try {
      Limit limit = new Limit(rule, Check.valueOf(((String) row.get("check")).strip()),
          number(row.get("min")), number(row.get("max")), (String) row.get("unit"),
          row.get("severity") == null ? Finding.Severity.ERROR : Finding.Severity.valueOf(((String) row.get("severity")).strip()),
          (String) row.get("source"));
      limit.requireComplete();
      return limit;
    } catch (RuntimeException e) {
      throw new IllegalStateException("规则" + rule + "配置不完整：" + e.getMessage(), e);
    }
  }

  private void requireComplete() {
    if (rule == null || rule.isBlank()) {
      throw new IllegalArgumentException("缺少规则编号");
    }
    boolean ok = switch (check.shape()) {
      case RANGE -> min != null || max != null;
      case EACH_BODY -> min != null;
      case LEADERSHIP -> true;
      case REQUIRED, FORBIDDEN -> unit != null && !unit.isBlank();
    };
    if (!ok) {
      throw new IllegalArgumentException(check + " 需要" + (check.shape() == Check.Shape.RANGE ? "下限或上限"
          : check.shape() == Check.Shape.EACH_BODY ? "下限" : "机构名称"));
    }
  }

  Optional<Finding> check(Township t) {
    return switch (check.shape()) {
      case RANGE -> range(t, check.measure(t));
      case EACH_BODY -> eachBody(t);
      case LEADERSHIP -> leadership(t);
      case REQUIRED -> required(t);
      case FORBIDDEN -> forbidden(t);
    };
  }

  private Optional<Finding> range(Township t, Long actual) {
    String noun = check.noun();
    String mw = check.measureWord();
    if (actual == null) {
      return finding(t, "未填写" + noun + "（要求" + bounds() + "）", null, limitText());
    }
    boolean low = min != null && actual < min;
    boolean high = max != null && actual > max;
    if (!low && !high) {
      return Optional.empty();
    }
    String limitWords = min != null && max != null
        ? (high ? "超出" : "少于") + min + "—" + max + mw + "的限额"
        : high ? "超过上限" + max + mw : "低于下限" + min + mw;
    return finding(t, noun + actual + mw + "，" + limitWords, actual, limitText());
  }

  private Optional<Finding> eachBody(Township t) {
    List<Unit> under = t.bodies().stream().filter(u -> u.staff() != null && u.staff() < min).toList();
    if (under.isEmpty()) {
      return Optional.empty();
    }
    String names = under.stream().map(u -> u.name() + "（" + u.staff() + "名）").collect(Collectors.joining("、"));
    long smallest = under.stream().mapToLong(Unit::staff).min().orElse(0);
    return finding(t, under.size() + "个党政工作机构编制不足" + min + "名：" + names, smallest, "≥" + min);
  }

  private Optional<Finding> leadership(Township t) {
    Integer planned = t.leadershipPositions();
    Integer current = t.currentLeadershipPositions();
    if (planned == null || current == null) {
      return finding(t, "未填写" + (planned == null ? "领导职数" : "现有领导职数") + "，无法核对领导职数是否突破现有总量", null, null);
    }
    if (planned <= current) {
      return Optional.empty();
    }
    return finding(t, "领导职数" + planned + "名，超过现有总量" + current + "名", (long) planned, "≤" + current);
  }

  private Optional<Finding> required(Township t) {
    List<String> names = names();
    boolean present = check.units(t).stream().anyMatch(u -> names.stream().anyMatch(n -> u.name().contains(n)));
    if (present) {
      return Optional.empty();
    }
    return finding(t, "未设置名称含" + quoted(names) + "的" + check.noun(), 0L, unit);
  }

  private Optional<Finding> forbidden(Township t) {
    List<String> names = names();
    List<Unit> kept = check.units(t).stream().filter(u -> names.stream().anyMatch(n -> u.name().contains(n))).toList();
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    return finding(t, "仍设有" + kept.size() + "个名称含" + quoted(names) + "的机构："
        + kept.stream().map(Unit::name).collect(Collectors.joining("、")), (long) kept.size(), "0");
  }

  private Optional<Finding> finding(Township t, String text, Long actual, String limit) {
    return Optional.of(new Finding(rule, severity, t.code(), t.name() + "：" + text, source, actual, limit));
  }

  private List<String> names() {
    return Arrays.stream(unit == null ? new String[0] : unit.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "“" + n + "”").collect(Collectors.joining("或"));
  }

  private String bounds() {
    String mw = check.measureWord();
    if (min != null && max != null) {
      return min + "—" + max + mw;
    }
    return max != null ? "不超过" + max + mw : "不少于" + min + mw;
  }

  private String limitText() {
    if (min != null && max != null) {
      return min + "-" + max;
    }
    return max != null ? "≤" + max : "≥" + min;
  }

  private static Long number(Object o) {
    return o == null ? null : ((Number) o).longValue();
  }
}
