package cn.gov.reform.secondment;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.Finding.Severity;
import cn.gov.reform.engine.DeployedDecisions;

/**
 * The secondment's rules as the decision table {@value SecondmentKeys#RULES_DECISION} gives them for the township's
 * province (limits, severity and clause per row; COLLECT): {@code MIN_SERVICE_MONTHS} — whole months the person has worked
 * in the township when the secondment starts, at least the limit; {@code MAX_PERIOD_MONTHS} — the period's months plus
 * those of the earlier approved secondments it continues (an extension), at most the limit, or else a written special
 * justification, which turns the finding into a WARNING every approver sees. Months of a period count a begun month as a
 * whole one (2027-01-01 to 2027-06-30: 6; to 2027-07-01: 7).
 */
@Component
class SecondmentRules {

  static final String MIN_SERVICE = "MIN_SERVICE_MONTHS";
  static final String MAX_PERIOD = "MAX_PERIOD_MONTHS";

  private final DeployedDecisions decisions;
  private final SecondmentRepository secondments;
  private final SecondmentProperties properties;

  SecondmentRules(DeployedDecisions decisions, SecondmentRepository secondments, SecondmentProperties properties) {
    this.decisions = decisions;
    this.secondments = secondments;
    this.properties = properties;
  }

  /** The findings of a request and what they were counted from: its months, the earlier months it continues, and the latest of those. */
  record Result(List<Finding> findings, int months, int earlierMonths, String extendsId) {}

  /** {@code id}: the request's own id (left out of the earlier secondments), null for one not stored yet. */
  Result check(String id, SecondmentRequest r, String provinceCode, String countyCode) {
    int months = months(r.startDate(), r.endDate());
    List<Secondment> continued = continued(id, r);
    int earlier = continued.stream().mapToInt(s -> months(s.startDate(), s.endDate())).sum();
    DmnDecisionResult rows = decisions.evaluateLatest(SecondmentKeys.RULES_DECISION, Variables.createVariables()
        .putValue("provinceCode", provinceCode).putValue("countyCode", countyCode));
    List<Finding> findings = new ArrayList<>();
    for (Map<String, Object> row : rows.getResultList()) {
      String rule = (String) row.get("rule");
      int limit = ((Number) row.get("limit")).intValue();
      Severity severity = Severity.valueOf((String) row.get("severity"));
      String source = (String) row.get("source");
      switch ((String) row.get("check")) {
        case MIN_SERVICE -> {
          long served = ChronoUnit.MONTHS.between(r.startedInTownship(), r.startDate());
          if (served < limit) {
            findings.add(new Finding(rule, severity, r.townshipCode(), r.personName() + "自" + r.startedInTownship()
                + "起在乡镇工作，至借调开始（" + r.startDate() + "）" + duration(served) + "，不满" + duration(limit)
                + "：在乡镇工作不满" + duration(limit) + "的工作人员，上级机关一律不得借调", source, served, "≥" + limit + "个月"));
          }
        }
        case MAX_PERIOD -> {
          int total = months + earlier;
          if (total > limit) {
            String period = "借调" + months + "个月" + (earlier > 0 ? "，连同此前连续借调的" + earlier + "个月共" + total + "个月" : "")
                + "，超过原则上不超过" + limit + "个月的期限";
            findings.add(r.justified()
                ? new Finding(rule, Severity.WARNING, r.townshipCode(), period + "；申请单位附有书面特殊理由，请各审批环节审核其理由",
                    source, total, "≤" + limit + "个月")
                : new Finding(rule, severity, r.townshipCode(), period + (severity == Severity.ERROR
                    ? "；超过期限须附书面特殊理由（specialJustification）" : "；申请未附书面特殊理由"), source, total, "≤" + limit + "个月"));
          }
        }
        default -> throw new IllegalStateException("决策表 " + SecondmentKeys.RULES_DECISION + " 的规则 " + rule + " 检查项未知："
            + row.get("check"));
      }
    }
    findings.sort(Finding.ERRORS_FIRST);
    return new Result(findings, months, earlier, continued.isEmpty() ? null : continued.get(0).id());
  }

  /**
   * The earlier approved secondments of the person the request continues, the latest first: the one that ends at most
   * {@code app.secondments.extension-within-days} days before the request starts, the one that one continues, and so on.
   */
  List<Secondment> continued(String id, SecondmentRequest r) {
    List<Secondment> approved = secondments.ofPerson(r.personId(), id == null ? "" : id,
        List.of(SecondmentStatus.SECONDED, SecondmentStatus.RETURNED));
    List<Secondment> chain = new ArrayList<>();
    LocalDate from = r.startDate();
    for (Secondment s : approved) {
      if (s.endDate().isBefore(from) && !s.endDate().plusDays(properties.extensionWithinDays() + 1L).isBefore(from)) {
        chain.add(s);
        from = s.startDate();
      }
    }
    return chain;
  }

  /** Months of a period from its first to its last day, a begun month counting as a whole one. */
  static int months(LocalDate start, LocalDate end) {
    Period p = Period.between(start, end.plusDays(1));
    return (int) p.toTotalMonths() + (p.getDays() > 0 ? 1 : 0);
  }

  /** 23个月 → 1年11个月; 24 → 2年. */
  static String duration(long months) {
    long years = months / 12;
    long rest = months % 12;
    return years == 0 ? rest + "个月" : years + "年" + (rest == 0 ? "" : rest + "个月");
  }
}
