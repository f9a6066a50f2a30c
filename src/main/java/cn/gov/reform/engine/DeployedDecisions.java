package cn.gov.reform.engine;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The rules officials may change, as the engine has them deployed: the latest version of a decision table,
 * parsed once by the engine into its deployment cache and looked up each time (one indexed query), so a table
 * redeployed on any node applies at once. Evaluated in memory: no history rows, and no authorization needed
 * by whoever's step asks (a drafter's start, the job executor).
 */
@Component
public class DeployedDecisions {

  private final ProcessEngineConfigurationImpl cfg;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  public DeployedDecisions(ProcessEngine engine) {
    this.cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  public DmnDecision latest(String key) {
    return cfg.getCommandExecutorTxRequired().execute(ctx ->
        (DmnDecision) cfg.getDeploymentCache().findDeployedLatestDecisionDefinitionByKey(key));
  }

  public DmnDecisionResult evaluate(DmnDecision decision, VariableMap inputs) {
    return dmn.evaluateDecision(decision, inputs);
  }

  /** The rows the latest deployed version of the table {@code key} matches for these inputs (its hit policy decides which). */
  public DmnDecisionResult evaluateLatest(String key, VariableMap inputs) {
    return evaluate(latest(key), inputs);
  }
}
