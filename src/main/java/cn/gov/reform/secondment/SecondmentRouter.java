package cn.gov.reform.secondment;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.reform.engine.DeployedDecisions;
import cn.gov.reform.identity.RoleGroups;

/**
 * The step 确定审批链, at every submission: asks the decision table {@value SecondmentKeys#ROUTE_DECISION} (latest deployed
 * version) which chain the request takes by its township, county and province, gives the instance the chain (read by
 * {@link SecondmentStages} at the hub) and the candidate groups of its tasks, and makes sure those groups exist: township
 * party committees and the county bodies of secondments are created on demand ({@link RoleGroups#ensure}), not at the
 * first start.
 */
@Component("secondmentRouter")
class SecondmentRouter implements JavaDelegate {

  private final DeployedDecisions decisions;
  private final SecondmentService service;
  private final RoleGroups roleGroups;

  SecondmentRouter(DeployedDecisions decisions, SecondmentService service, RoleGroups roleGroups) {
    this.decisions = decisions;
    this.service = service;
    this.roleGroups = roleGroups;
  }

  SecondmentRoute route(String provinceCode, String countyCode, String townshipCode) {
    DmnDecisionResult rows = decisions.evaluateLatest(SecondmentKeys.ROUTE_DECISION, Variables.createVariables()
        .putValue("provinceCode", provinceCode).putValue("countyCode", countyCode).putValue("townshipCode", townshipCode));
    if (rows.isEmpty()) {
      throw new IllegalStateException("决策表 " + SecondmentKeys.ROUTE_DECISION + " 对 " + townshipCode + " 没有匹配的行：最后一行应适用于其他省份");
    }
    return SecondmentRoute.of((String) rows.getFirstResult().get("routeName"), (String) rows.getFirstResult().get("stages"));
  }

  @Override
  public void execute(DelegateExecution execution) {
    Secondment s = service.find(execution.getProcessBusinessKey());
    SecondmentRoute route = route(s.provinceCode(), s.countyCode(), s.townshipCode());
    Map<String, Object> vars = new HashMap<>();
    vars.put(SecondmentKeys.VAR_ROUTE, route.stageKeys());
    vars.put(SecondmentKeys.VAR_ROUTE_NAME, route.name());
    vars.put(SecondmentKeys.VAR_WITH_HUMAN_RESOURCES, route.withHumanResources());
    group(vars, SecondmentStage.REVISE, s);
    route.stages().forEach(stage -> stage.tasks().forEach(task -> group(vars, task, s)));
    execution.setVariables(vars);
    service.routed(s, route);
  }

  private void group(Map<String, Object> vars, SecondmentStage task, Secondment s) {
    String group = task.group(s);
    roleGroups.ensure(group);
    vars.put(task.groupVariable(), group);
  }
}
