package cn.gov.reform.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.catalogue.CatalogueRequest.Item;
import cn.gov.reform.catalogue.CatalogueRequest.LegalBasis;
import cn.gov.reform.catalogue.CatalogueRequest.Mode;
import cn.gov.reform.catalogue.CatalogueRequest.PowerKind;
import cn.gov.reform.engine.DeployedDecisions;

/**
 * The legal checks of a catalogue (README "权力目录"): which rules apply and their clauses are the rows of the decision
 * table {@value CatalogueKeys#RULES_DECISION}; which powers law reserves for county level or above are the rows of
 * {@value CatalogueKeys#RESERVED_DECISION}. This class only knows how to measure the items against a rule's
 * {@code check}. Both tables are the engine's latest deployed versions: an edited table applies to the next check.
 */
@Component
class CatalogueRules {

  /** What a row of {@value CatalogueKeys#RULES_DECISION} checks. */
  enum Check { LEGAL_BASIS, RESERVED_POWER, DUPLICATE_ITEM, CONCENTRATED_LICENSING, GUIDANCE_ENTRY }

  private record Rule(String id, Check check, Finding.Severity severity, String source) {}

  private final DeployedDecisions decisions;

  CatalogueRules(DeployedDecisions decisions) {
    this.decisions = decisions;
  }

  /** The findings of a catalogue's items, ERRORs first; stores nothing. */
  List<Finding> check(Catalogue c, List<Item> items) {
    List<Finding> findings = new ArrayList<>();
    for (DmnDecisionResultEntries row : decisions.evaluateLatest(CatalogueKeys.RULES_DECISION, Variables.createVariables()
        .putValue("provinceCode", c.provinceCode()).putValue("townshipType", c.townshipType().name()))) {
      Rule rule = rule(row);
      switch (rule.check()) {
        case LEGAL_BASIS -> each(items, it -> it.legalBasis() == null || !it.legalBasis().complete(), (n, it) ->
            finding(c, rule, item(n, it) + "未注明法律依据" + (it.legalBasis() == null ? "（法律名称和条款）" : "的条款"), it.name(), null))
            .forEach(findings::add);
        case RESERVED_POWER -> reserved(c, rule, items, findings);
        case DUPLICATE_ITEM -> duplicates(c, rule, items, findings);
        case CONCENTRATED_LICENSING -> {
          List<Integer> concentrated = positions(items, CatalogueRules::concentratedLicensing);
          if (!concentrated.isEmpty()) {
            findings.add(finding(c, rule, "相对集中行使的行政许可事项" + concentrated.size() + "项（" + numbers(concentrated)
                + "），须报省政府批准", concentrated.size(), null));
          }
        }
        case GUIDANCE_ENTRY -> {
          List<Integer> without = positions(items, it -> it.guidanceEntry() == null || it.guidanceEntry().isBlank());
          if (!without.isEmpty()) {
            findings.add(finding(c, rule, without.size() + "项未注明所依据的指导目录条目（" + numbers(without) + "）", without.size(), null));
          }
        }
        default -> throw new IllegalStateException(rule.check() + " is not checked");
      }
    }
    findings.sort(Finding.ERRORS_FIRST);
    return findings;
  }

  /** Whether a power is administrative licensing concentrated in the township: the provincial government approves it. */
  static boolean concentratedLicensing(Item it) {
    return it.kind() == PowerKind.LICENSING && it.mode() == Mode.CONCENTRATED;
  }

  private static Rule rule(DmnDecisionResultEntries row) {
    String id = (String) row.get("rule");
    try {
      return new Rule(id, Check.valueOf(((String) row.get("check")).strip()),
          Finding.Severity.valueOf(((String) row.get("severity")).strip()), (String) row.get("source"));
    } catch (RuntimeException e) {
      throw new IllegalStateException("决策表 " + CatalogueKeys.RULES_DECISION + " 的规则 " + id + " 无法执行：check 应为 "
          + List.of(Check.values()) + "，severity 应为 ERROR 或 WARNING", e);
    }
  }

  private void reserved(Catalogue c, Rule rule, List<Item> items, List<Finding> findings) {
    DmnDecision table = decisions.latest(CatalogueKeys.RESERVED_DECISION);
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      LegalBasis basis = it.legalBasis();
      for (DmnDecisionResultEntries row : decisions.evaluate(table, Variables.createVariables()
          .putValue("kind", it.kind().name()).putValue("mode", it.mode().name())
          .putValue("law", basis == null ? null : law(basis.law())).putValue("article", basis == null ? null : article(basis.article())))) {
        findings.add(new Finding(rule.id(), rule.severity(), c.townshipCode(), c.townshipName() + "：" + item(i + 1, it)
            + "不得列入目录：" + row.get("reason"), (String) row.get("source"), it.name(), null));
      }
    }
  }

  private void duplicates(Catalogue c, Rule rule, List<Item> items, List<Finding> findings) {
    Map<String, List<Integer>> byName = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      byName.computeIfAbsent(items.get(i).name().strip(), k -> new ArrayList<>()).add(i + 1);
    }
    byName.forEach((name, at) -> {
      if (at.size() > 1) {
        findings.add(finding(c, rule, "事项“" + name + "”重复列入" + at.size() + "次（" + numbers(at) + "）", at.size(), "1"));
      }
    });
  }

  /** A law's name as the reserved-powers table writes it: without 书名号 and without 中华人民共和国. */
  static String law(String name) {
    return name == null ? null : name.replaceAll("[《》\\s]", "").replaceFirst("^中华人民共和国", "");
  }

  /** An article as the table writes it: 第十七条, without its 款 and 项. */
  static String article(String text) {
    if (text == null) {
      return null;
    }
    String a = text.replaceAll("\\s", "");
    int end = a.indexOf('条');
    return end < 0 ? a : a.substring(0, end + 1);
  }

  private static Finding finding(Catalogue c, Rule rule, String text, Object actual, String limit) {
    return new Finding(rule.id(), rule.severity(), c.townshipCode(), c.townshipName() + "：" + text, rule.source(), actual, limit);
  }

  private interface Each {
    Finding at(int number, Item item);
  }

  private static List<Finding> each(List<Item> items, java.util.function.Predicate<Item> breaks, Each finding) {
    return IntStream.range(0, items.size()).filter(i -> breaks.test(items.get(i))).mapToObj(i -> finding.at(i + 1, items.get(i)))
        .toList();
  }

  private static List<Integer> positions(List<Item> items, java.util.function.Predicate<Item> which) {
    return IntStream.range(0, items.size()).filter(i -> which.test(items.get(i))).mapToObj(i -> i + 1).toList();
  }

  private static String item(int number, Item it) {
    return "第" + number + "项“" + it.name() + "”";
  }

  private static String numbers(List<Integer> positions) {
    return "第" + positions.stream().map(String::valueOf).collect(Collectors.joining("、")) + "项";
  }
}
