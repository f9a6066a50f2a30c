package cn.gov.reform.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.plan.PlanRequest;
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
 * table applies to the next check. They are evaluated in memory (no history rows, no transaction),
 * and each distinct input is evaluated once per plan.
 */
@Component
public class PolicyValidator {

  public static final String RULE_SETS = "policyRuleSets";
  public static final String NO_PROVINCIAL_LIMITS = "GEN-NO-PROVINCIAL-LIMITS";

  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final RegionDirectory regions;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  public PolicyValidator(ProcessEngine engine, RegionDirectory regions) {
    this.engineConfiguration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.regions = regions;
  }

  /**
   * The findings of a plan, ERRORs first. Stores nothing. The county must be a known county (the
   * input checker sees to that before).
   */
  public List<Finding> validate(PlanRequest plan) {
    RegionDirectory.Region county = regions.county(plan.countyCode())
        .orElseThrow(() -> new IllegalArgumentException("unknown county " + plan.countyCode()));
    return engineConfiguration.getCommandExecutorTxRequired().execute(ctx -> {
      Evaluation evaluation = new Evaluation(engineConfiguration.getDeploymentCache());
      VariableMap region = Variables.createVariables()
          .putValue("provinceCode", county.provinceCode())
          .putValue("cityCode", county.cityCode())
          .putValue("countyCode", county.code())
          .putValue("planType", plan.planType().name());
      List<Map<String, Object>> sets = evaluation.rows(RULE_SETS, region, "");
      List<Finding> findings = new ArrayList<>();
      for (Township t : plan.townships()) {
        if (sets.isEmpty()) {
          findings.add(noProvincialLimits(t, county, plan.planType()));
        }
        VariableMap in = Variables.fromMap(region).putValue("kind", t.kind().name()).putValue("category", t.category());
        for (Map<String, Object> set : sets) {
          for (Map<String, Object> row : evaluation.rows((String) set.get("ruleSet"), in, t.kind() + "/" + t.category())) {
            Limit.of(row).check(t).ifPresent(findings::add);
          }
        }
        findings.addAll(genericChecks(plan.planType(), t));
      }
      findings.sort(Finding.ERRORS_FIRST);
      return findings;
    });
  }

  /** Evaluations of one plan: the same decision with the same input is evaluated once. */
  private final class Evaluation {
    private final DeploymentCache cache;
    private final Map<String, List<Map<String, Object>>> results = new HashMap<>();

    Evaluation(DeploymentCache cache) {
      this.cache = cache;
    }

    /** The matched rows of a decision; {@code inputKey} tells inputs apart within the plan. */
    List<Map<String, Object>> rows(String decisionKey, VariableMap in, String inputKey) {
      return results.computeIfAbsent(decisionKey + "/" + inputKey, k -> {
        DmnDecision decision = (DmnDecision) cache.findDeployedLatestDecisionDefinitionByKey(decisionKey);
        return dmn.evaluateDecisionTable(decision, in).getResultList();
      });
    }
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
