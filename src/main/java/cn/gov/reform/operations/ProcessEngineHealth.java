package cn.gov.reform.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Health component {@code processEngine}: the engine answers a query on its database. */
@Component("processEngineHealthIndicator")
class ProcessEngineHealth extends AbstractHealthIndicator {

  private final ProcessEngine engine;

  ProcessEngineHealth(ProcessEngine engine) {
    super("process engine health check failed");
    this.engine = engine;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    engine.getRepositoryService().createDeploymentQuery().listPage(0, 1);
    builder.up().withDetail("name", engine.getName());
  }
}
