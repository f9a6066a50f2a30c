package cn.gov.reform.policy;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import cn.gov.reform.plan.PlanRequest.Township;

/** One matched row of the {@code townshipLimits} decision table. */
record Limit(String rule, Check check, Long min, Long max, String unit, Finding.Severity severity, String source) {

  static Limit of(Map<String, Object> row) {
    return new Limit((String) row.get("rule"), Check.valueOf((String) row.get("check")), number(row.get("min")),
        number(row.get("max")), (String) row.get("unit"),
        Finding.Severity.valueOf(row.get("severity") == null ? "ERROR" : (String) row.get("severity")),
        (String) row.get("source"));
  }

  Optional<Finding> check(Township t) {
    return switch (check) {
      case BODY_COUNT, INSTITUTION_COUNT -> range(t, check.measure(t));
      case REQUIRED_INSTITUTION, REQUIRED_BODY -> required(t);
    };
  }

  private Optional<Finding> range(Township t, long actual) {
    boolean low = min != null && actual < min;
    boolean high = max != null && actual > max;
    if (!low && !high) {
      return Optional.empty();
    }
    String text = t.name() + "：" + check.noun() + actual + "个，" + (high ? "超出" : "少于") + describe() + "的限额";
    return Optional.of(new Finding(rule, severity, t.code(), text, source, actual, limitText()));
  }

  private Optional<Finding> required(Township t) {
    String[] names = unit.split("\\|");
    boolean present = check.units(t).stream()
        .anyMatch(u -> Arrays.stream(names).anyMatch(n -> u.name().contains(n)));
    if (present) {
      return Optional.empty();
    }
    String text = t.name() + "：未设置" + String.join("或", names) + "（" + check.noun() + "）";
    return Optional.of(new Finding(rule, severity, t.code(), text, source, 0L, unit));
  }

  private String describe() {
    if (min != null && max != null) {
      return min + "—" + max + "个";
    }
    return max != null ? "最多" + max + "个" : "至少" + min + "个";
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
