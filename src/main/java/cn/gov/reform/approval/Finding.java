package cn.gov.reform.approval;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One result of a procedure's automatic check of what was submitted (a plan's policy limits, README "Policy rules are
 * data"; a power catalogue's legal checks): a stable rule id, severity, the township, a Chinese message with the
 * actual value and the limit, and the source clause. ERROR findings send the item back to its author.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "一条政策校验结果", example = "{\"rule\": \"SD-TOWNSHIP-BODIES\", \"severity\": \"ERROR\", "
    + "\"township\": \"370921109\", \"message\": \"党政工作机构8个，超出5—7个的限额\", "
    + "\"source\": \"鲁厅字〔2018〕33号 三(一)\", \"actual\": 8, \"limit\": \"5-7\"}")
public record Finding(
    @Schema(description = "规则编号", example = "SD-TOWNSHIP-BODIES") String rule,
    @Schema(description = "严重程度：ERROR 错误（须修改，方案退回县里），WARNING 提示（随方案流转）", example = "ERROR") Severity severity,
    @Schema(description = "所涉乡镇（街道）代码", example = "370921109") String township,
    @Schema(description = "说明：哪个乡镇、哪项、实际数和限额", example = "党政工作机构8个，超出5—7个的限额") String message,
    @Schema(description = "政策依据（文件及条款）", example = "鲁厅字〔2018〕33号 三(一)") String source,
    @Schema(description = "实际值（数字或文字）", example = "8", type = "object") Object actual,
    @Schema(description = "限额", example = "5-7") String limit) {

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

  /** How many errors and warnings (错误1项，提示2项), or null when there are none. */
  public static String summary(List<Finding> findings) {
    long errors = errors(findings);
    return findings.isEmpty() ? null : "错误" + errors + "项，提示" + (findings.size() - errors) + "项";
  }

  public static long errors(List<Finding> findings) {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
  }

  /** The findings as a form's read-only text: their count, then one line each with its clause and rule; {@code none} when there are none. */
  public static String text(List<Finding> findings, String none) {
    if (findings.isEmpty()) {
      return none;
    }
    return summary(findings) + "\n" + findings.stream()
        .map(f -> "【" + f.severity().label() + "】" + f.message() + "（" + (f.source() == null ? "" : f.source() + "；") + "规则 " + f.rule() + "）")
        .collect(Collectors.joining("\n"));
  }

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
