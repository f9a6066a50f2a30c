package cn.gov.reform.secondment;

import java.util.List;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.engine.InputRefusedException;
import cn.gov.reform.web.FieldError;

/**
 * A request over {@code /api} that the rules forbid (ERROR findings of {@link SecondmentRules}): refused at submission with
 * 400, the findings with their clauses in the answer ({@code findings}), nothing stored.
 */
class SecondmentRefusedException extends InputRefusedException {

  private final transient List<Finding> findings;

  SecondmentRefusedException(List<Finding> findings) {
    super("借调申请不符合规定", findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR)
        .map(f -> new FieldError(field(f), f.message() + "（" + f.source() + "；规则 " + f.rule() + "）")).toList(),
        e -> e.message());
    this.findings = List.copyOf(findings);
  }

  List<Finding> findings() {
    return findings;
  }

  /** The field a rule is about: the date the person started in the township, or the period. */
  private static String field(Finding f) {
    return f.rule().startsWith("SEC-MIN-SERVICE") ? "startedInTownship" : f.rule().startsWith("SEC-MAX-PERIOD") ? "endDate" : "request";
  }
}
