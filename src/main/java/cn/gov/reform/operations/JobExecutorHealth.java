package cn.gov.reform.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code jobExecutor}: DOWN when this node should run jobs (validation, deadline and reminder
 * timers) but its job executor is not running. A node configured not to run jobs
 * ({@code camunda.bpm.job-execution.enabled=false}, e.g. a web-only node or the tests, which run jobs by hand)
 * is UP and says so. Camunda's own job-executor indicator is switched off (management.health.camunda), because it
 * only exists on nodes that run jobs.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealth extends AbstractHealthIndicator {

  private final ProcessEngine engine;
  private final boolean enabled;

  JobExecutorHealth(ProcessEngine engine, @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
    super("job executor health check failed");
    this.engine = engine;
    this.enabled = enabled;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    JobExecutor executor = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration()).getJobExecutor();
    check(builder, enabled, executor);
  }

  static void check(Health.Builder builder, boolean enabled, JobExecutor executor) {
    builder.withDetail("enabled", enabled);
    if (!enabled) {
      builder.up();
      return;
    }
    boolean active = executor != null && executor.isActive();
    builder.withDetail("active", active);
    if (executor != null) {
      builder.withDetail("lockOwner", executor.getLockOwner());
    }
    if (active) {
      builder.up();
    } else {
      builder.down();
    }
  }
}
