package cn.gov.reform.plan;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Test-only crash: with {@code app.test.halt-during-validation=<text>} the app kills its own JVM in the
 * middle of the policy-check job of a plan whose title contains that text — after the check has written
 * its findings and timeline entry, before the job's transaction commits — as a power cut would
 * ({@link Runtime#halt}: no shutdown hooks, no rollback by the app). Used by {@code CrashRecoveryIT}.
 */
@Component
@ConditionalOnProperty("app.test.halt-during-validation")
class HaltDuringValidation implements BeanPostProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(HaltDuringValidation.class);

  private final String marker;
  private final ObjectProvider<PlanRepository> plans;

  HaltDuringValidation(@Value("${app.test.halt-during-validation}") String marker, ObjectProvider<PlanRepository> plans) {
    this.marker = marker;
    this.plans = plans;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (!"policyValidation".equals(name) || !(bean instanceof JavaDelegate check)) {
      return bean;
    }
    return (JavaDelegate) execution -> {
      check.execute(execution);
      String planId = execution.getProcessBusinessKey();
      if (plans.getObject().find(planId).map(p -> p.title().contains(marker)).orElse(false)) {
        LOG.warn("halting the JVM in the middle of the policy check of plan {} (test)", planId);
        Runtime.getRuntime().halt(1);
      }
    };
  }
}
