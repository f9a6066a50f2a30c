package cn.gov.reform.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.TownshipCheck;
import cn.gov.reform.engine.DeployedDecisions;
import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.plan.PlanRequest.PlanType;
import cn.gov.reform.plan.PlanRequest.Township;
import cn.gov.reform.plan.PlanRequest.Unit;

/**
 * Checks a plan against the limits of the source documents. The limits are DMN data in
 * processes/policy/: {@value #RULE_SETS} picks the rule sets that apply to a county and plan type,
 * and each rule set is a decision table with one row per limit and its clause. This class only knows
 * how to measure a township against a row ({@link Check}) and the generic checks that hold everywhere.
 *
 * <p>Decisions are the engine's deployed ones, parsed once into its deployment cache, so a redeployed
 * table applies to the next check. They are evaluated in memory (no history rows), and the rows a
 * decision version matched for an input are remembered.
 */
@Component
public class PolicyValidator {

  public static final String RULE_SETS = "policyRuleSets";
  public static final String NO_PROVINCIAL_LIMITS = "GEN-NO-PROVINCIAL-LIMITS";

  private final DeployedDecisions decisions;
  private final RegionDirectory regions;
  private final List<TownshipCheck> townshipChecks;
  /** Bounded: every county × plan type × township kind × class is about 70,000 small entries. */
  private static final int MEMO_LIMIT = 100_000;
  private final Map<String, List<Map<String, Object>>> matchedRows = new ConcurrentHashMap<>();
  private final Map<String, List<Limit>> matchedLimits = new ConcurrentHashMap<>();

  public PolicyValidator(DeployedDecisions decisions, RegionDirectory regions, List<TownshipCheck> townshipChecks) {
    this.decisions = decisions;
    this.regions = regions;
    this.townshipChecks = List.copyOf(townshipChecks);
  }

  /**
   * The findings of a plan, ERRORs first. Stores nothing. The county must be a known county (the
   * input checker sees to that before).
   */
  public List<Finding> validate(PlanRequest plan) {
    RegionDirectory.Region county = regions.county(plan.countyCode())
        .orElseThrow(() -> new IllegalArgumentException("unknown county " + plan.countyCode()));
    Map<String, DmnDecision> latest = new HashMap<>();
    Function<String, DmnDecision> decisions = key -> latest.computeIfAbsent(key, this.decisions::latest);
    String region = county.code() + "/" + plan.planType();
    VariableMap regionInput = Variables.createVariables()
        .putValue("provinceCode", county.provinceCode())
        .putValue("cityCode", county.cityCode())
        .putValue("countyCode", county.code())
        .putValue("planType", plan.planType().name());
    List<String> sets = evaluate(decisions.apply(RULE_SETS), region, regionInput).stream()
        .map(row -> (String) row.get("ruleSet")).toList();
    List<Finding> findings = new ArrayList<>();
    for (Township t : plan.townships()) {
      if (sets.isEmpty()) {
        findings.add(noProvincialLimits(t, county, plan.planType()));
      }
      VariableMap in = Variables.fromMap(regionInput).putValue("kind", t.kind().name()).putValue("category", t.category());
      for (String set : sets) {
        for (Limit limit : limits(decisions.apply(set), region + "/" + t.kind() + "/" + t.category(), in)) {
          limit.check(t).ifPresent(findings::add);
        }
      }
      findings.addAll(genericChecks(plan.planType(), t));
      townshipChecks.forEach(c -> findings.addAll(c.findings(plan.planType().name(), county.provinceCode(), t.code(), t.name())));
    }
    findings.sort(Finding.ERRORS_FIRST);
    return findings;
  }

  /**
   * Decisions are pure functions of their inputs, so the rows a decision version matched for an input
   * are kept: a new version (a redeployed table) has a new id and is evaluated afresh.
   */
  private List<Map<String, Object>> evaluate(DmnDecision decision, String inputKey, VariableMap in) {
    String key = ((DecisionDefinition) decision).getId() + "/" + inputKey;
    List<Map<String, Object>> rows = matchedRows.get(key);
    if (rows == null) {
      rows = decisions.evaluate(decision, in).getResultList().stream()
          .map(row -> Collections.unmodifiableMap(new HashMap<>(row))).toList();
      remember(matchedRows, key, rows);
    }
    return rows;
  }

  private List<Limit> limits(DmnDecision decision, String inputKey, VariableMap in) {
    String key = ((DecisionDefinition) decision).getId() + "/" + inputKey;
    List<Limit> found = matchedLimits.get(key);
    if (found == null) {
      found = evaluate(decision, inputKey, in).stream().map(Limit::of).toList();
      remember(matchedLimits, key, found);
    }
    return found;
  }

  private static <T> void remember(Map<String, T> memo, String key, T value) {
    if (memo.size() >= MEMO_LIMIT) {
      memo.clear();
    }
    memo.put(key, value);
  }

  private Finding noProvincialLimits(Township t, RegionDirectory.Region county, PlanType type) {
    String province = regions.province(county.provinceCode()).map(RegionDirectory.Region::name).orElse(county.provinceCode());
    return new Finding(NO_PROVINCIAL_LIMITS, Finding.Severity.WARNING, t.code(),
        t.name() + "：" + province + "尚未配置" + type.label() + "的机构限额，仅做了通用检查", null, null, null);
  }

  /** Checks that hold for every plan, whatever its province: impossible or contradictory figures. */
  static List<Finding> genericChecks(PlanType type, Township t) {
    List<Finding> out = new ArrayList<>();
    if (type == PlanType.DEVELOPED_TOWN && t.kind() != PlanRequest.Kind.TOWN) {
      out.add(error("GEN-DEVELOPED-TOWN-KIND", t, "经济发达镇方案只能包含镇，“" + t.kind().label() + "”不适用",
          t.kind().name(), PlanRequest.Kind.TOWN.name()));
    }
    if (t.bodies().isEmpty()) {
      out.add(error("GEN-NO-BODIES", t, "未设置任何党政工作机构", 0L, "≥1"));
    }
    Set<String> seen = new HashSet<>();
    List<Unit> all = new ArrayList<>(t.bodies());
    all.addAll(t.institutions());
    for (Unit u : all) {
      String name = u.name().strip();
      if (!seen.add(name)) {
        out.add(error("GEN-DUPLICATE-UNIT", t, "机构名称“" + name + "”重复", name, null));
      }
    }
    if (t.bodyStaff() > t.administrativeStaff()) {
      out.add(error("GEN-BODY-STAFF-SUM", t, "党政工作机构编制合计" + t.bodyStaff() + "名，超过行政编制" + t.administrativeStaff() + "名",
          (long) t.bodyStaff(), "≤" + t.administrativeStaff()));
    }
    if (t.institutionStaff() > t.institutionalStaff()) {
      out.add(error("GEN-INSTITUTION-STAFF-SUM", t, "事业单位编制合计" + t.institutionStaff() + "名，超过事业编制" + t.institutionalStaff() + "名",
          (long) t.institutionStaff(), "≤" + t.institutionalStaff()));
    }
    int staff = t.administrativeStaff() + t.institutionalStaff();
    if (t.leadershipPositions() != null && t.leadershipPositions() > staff) {
      out.add(error("GEN-LEADERSHIP-ABOVE-STAFF", t, "领导职数" + t.leadershipPositions() + "名，超过行政编制和事业编制合计" + staff + "名",
          (long) t.leadershipPositions(), "≤" + staff));
    }
    return out;
  }

  private static Finding error(String rule, Township t, String text, Object actual, String limit) {
    return new Finding(rule, Finding.Severity.ERROR, t.code(), t.name() + "：" + text, null, actual, limit);
  }
}
