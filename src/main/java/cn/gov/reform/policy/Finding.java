package cn.gov.reform.policy;

import java.util.Comparator;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One result of the policy check (CONTRACT "A finding"): a stable rule id, severity, the township,
 * a Chinese message with the actual value and the limit, and the source clause.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String rule, Severity severity, String township, String message, String source, Object actual,
    String limit) {

  public enum Severity {
    ERROR("错误"), WARNING("提示");

    private final String label;

    Severity(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** ERRORs first, then by township, keeping the rule order otherwise. */
  public static final Comparator<Finding> ERRORS_FIRST = Comparator.comparing((Finding f) -> f.severity().ordinal());

  public static Object parseActual(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return Long.parseLong(stored);
    } catch (NumberFormatException e) {
      return stored;
    }
  }
}
