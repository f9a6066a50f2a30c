package cn.gov.reform.policy;

import java.util.ArrayList;
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
import cn.gov.reform.plan.PlanRequest.Township;
import cn.gov.reform.plan.PlanRequest.Unit;

/**
 * Checks a plan against the limits of the source documents. The limits are rows of the DMN decision
 * {@value #DECISION} in processes/ (one row per limit, with its clause); this class only knows how to
 * measure a township against a row ({@link Check}) and the generic checks that hold everywhere.
 * The decision is taken from the engine's deployment cache, so a redeployed table applies at once.
 */
@Component
public class PolicyValidator {

  public static final String DECISION = "townshipLimits";

  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final RegionDirectory regions;
  /** Evaluates the engine's deployed decision in memory: no history rows, no transaction, no authorization. */
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  public PolicyValidator(ProcessEngine engine, RegionDirectory regions) {
    this.engineConfiguration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.regions = regions;
  }

  /** The findings of a plan, ERRORs first. Stores nothing. */
  public List<Finding> validate(PlanRequest plan) {
    RegionDirectory.Region county = regions.county(plan.countyCode()).orElseThrow();
    DmnDecision decision = latestDecision();
    List<Finding> findings = new ArrayList<>();
    for (Township t : plan.townships()) {
      VariableMap in = Variables.createVariables()
          .putValue("provinceCode", county.provinceCode())
          .putValue("cityCode", county.cityCode())
          .putValue("planType", plan.planType().name())
          .putValue("kind", t.kind().name())
          .putValue("category", t.category());
      List<Map<String, Object>> rows = dmn.evaluateDecisionTable(decision, in).getResultList();
      if (rows.isEmpty()) {
        findings.add(new Finding("GEN-NO-PROVINCIAL-LIMITS", Finding.Severity.WARNING, t.code(),
            t.name() + "：" + regions.province(county.provinceCode()).map(RegionDirectory.Region::name).orElse(county.provinceCode())
                + "尚未配置乡镇机构限额，仅做了通用检查", null, null, null));
      }
      for (Map<String, Object> row : rows) {
        Limit.of(row).check(t).ifPresent(findings::add);
      }
      findings.addAll(genericChecks(t));
    }
    findings.sort(Finding.ERRORS_FIRST);
    return findings;
  }

  private DmnDecision latestDecision() {
    return engineConfiguration.getCommandExecutorTxRequired().execute(ctx -> {
      DeploymentCache cache = engineConfiguration.getDeploymentCache();
      return (DmnDecision) cache.findDeployedLatestDecisionDefinitionByKey(DECISION);
    });
  }

  /** Checks that hold for every plan, whatever its province. */
  static List<Finding> genericChecks(Township t) {
    List<Finding> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Unit> all = new ArrayList<>(t.bodies());
    all.addAll(t.institutions());
    for (Unit u : all) {
      String name = u.name().strip();
      if (!seen.add(name)) {
        out.add(new Finding("GEN-DUPLICATE-UNIT", Finding.Severity.ERROR, t.code(),
            t.name() + "：机构名称“" + name + "”重复", null, name, null));
      }
    }
    if (t.bodyStaff() > t.administrativeStaff()) {
      out.add(new Finding("GEN-BODY-STAFF-SUM", Finding.Severity.ERROR, t.code(),
          t.name() + "：党政工作机构编制合计" + t.bodyStaff() + "名，超过行政编制" + t.administrativeStaff() + "名",
          null, (long) t.bodyStaff(), "≤" + t.administrativeStaff()));
    }
    if (t.institutionStaff() > t.institutionalStaff()) {
      out.add(new Finding("GEN-INSTITUTION-STAFF-SUM", Finding.Severity.ERROR, t.code(),
          t.name() + "：事业单位编制合计" + t.institutionStaff() + "名，超过事业编制" + t.institutionalStaff() + "名",
          null, (long) t.institutionStaff(), "≤" + t.institutionalStaff()));
    }
    return out;
  }
}
