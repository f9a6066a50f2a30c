package cn.gov.reform.catalogue;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.reform.engine.DeployedDecisions;

/**
 * The step 确定审批链, at every submission: asks the decision table {@value CatalogueKeys#ROUTE_DECISION} (latest deployed
 * version) which chain the catalogue takes by its province, its township's type and whether its current version
 * concentrates administrative licensing in the township, and gives the instance the chain (variables {@code route},
 * {@code routeName}, read by {@link CatalogueStages} at the hub) and the candidate groups of its stages.
 */
@Component("catalogueRouter")
class CatalogueRouter implements JavaDelegate {

  private final DeployedDecisions decisions;
  private final CatalogueService service;

  CatalogueRouter(DeployedDecisions decisions, CatalogueService service) {
    this.decisions = decisions;
    this.service = service;
  }

  /** The chain of the catalogue's current version. */
  CatalogueRoute route(Catalogue c) {
    return route(c.provinceCode(), c.townshipType(), service.content(c.id(), c.currentVersion()).items().stream()
        .anyMatch(CatalogueRules::concentratedLicensing));
  }

  CatalogueRoute route(String provinceCode, CatalogueRequest.TownshipType type, boolean concentratedLicensing) {
    DmnDecisionResult rows = decisions.evaluateLatest(CatalogueKeys.ROUTE_DECISION, Variables.createVariables()
        .putValue("provinceCode", provinceCode).putValue("townshipType", type.name())
        .putValue("concentratedLicensing", concentratedLicensing));
    if (rows.isEmpty()) {
      throw new IllegalStateException("决策表 " + CatalogueKeys.ROUTE_DECISION + " 对 " + provinceCode + "/" + type
          + " 没有匹配的行：最后一行应为县级审批");
    }
    return CatalogueRoute.of((String) rows.getFirstResult().get("routeName"), (String) rows.getFirstResult().get("stages"));
  }

  @Override
  public void execute(DelegateExecution execution) {
    Catalogue c = service.find(execution.getProcessBusinessKey());
    CatalogueRoute route = route(c);
    Map<String, Object> vars = new HashMap<>();
    vars.put(CatalogueKeys.VAR_ROUTE, String.join(",", route.keys()));
    vars.put(CatalogueKeys.VAR_ROUTE_NAME, route.name());
    vars.put(CatalogueStage.DRAFT.groupVariable(), CatalogueStage.DRAFT.group(c));
    route.stages().forEach(stage -> vars.put(stage.groupVariable(), stage.group(c)));
    execution.setVariables(vars);
    service.routed(c, route);
  }
}
