package cn.gov.reform.plan;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The async policy-check step: findings of the plan's current version are stored with that version,
 * a timeline entry records the result, and {@code hasErrors} routes the plan on or back to the county.
 * Each submission is checked once: when this step runs again for a submission that already has its
 * check recorded (a job run again after its node died, or after a failure past the delegate), it reuses
 * the stored findings and writes nothing; a new submission (start, or 提交 at draftPlan) is checked anew.
 * Its duration is the metric {@code reform_validation_duration_seconds} (outcome PASSED, FAILED or ERROR);
 * the engine puts the plan id and process instance id into the log context (MDC).
 */
@Component("policyValidation")
class PolicyValidation implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyValidation.class);
  static final String TIMER = "reform.validation.duration";

  private final PlanService service;
  private final PlanRepository plans;
  private final PolicyValidator validator;
  private final MeterRegistry meters;

  PolicyValidation(PlanService service, PlanRepository plans, PolicyValidator validator, MeterRegistry meters) {
    this.service = service;
    this.plans = plans;
    this.validator = validator;
    this.meters = meters;
    for (String outcome : List.of("PASSED", "FAILED", "ERROR")) {
      timer(outcome);
    }
  }

  private Timer timer(String outcome) {
    return Timer.builder(TIMER).description("政策校验用时（流程中的政策校验步骤）").tag("outcome", outcome).register(meters);
  }

  @Override
  public void execute(DelegateExecution execution) {
    String planId = execution.getProcessBusinessKey();
    Plan plan = plans.find(planId).orElseThrow(() -> new IllegalStateException("plan " + planId + " not found"));
    if (service.checkedSinceLastSubmission(planId, plan.currentVersion())) {
      List<Finding> stored = plans.findings(planId, plan.currentVersion());
      execution.setVariable(ProcessKeys.VAR_HAS_ERRORS, stored.stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR));
      return;
    }
    Timer.Sample sample = Timer.start(meters);
    List<Finding> findings;
    try {
      findings = validator.validate(service.content(planId, plan.currentVersion()));
    } catch (RuntimeException e) {
      sample.stop(timer("ERROR"));
      LOG.warn("policy check of plan {} version {} failed: {}", planId, plan.currentVersion(), e.getMessage());
      throw e;
    }
    long errors = findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
    long warnings = findings.size() - errors;
    long nanos = sample.stop(timer(errors > 0 ? "FAILED" : "PASSED"));
    LOG.info("policy check of plan {} version {}: {} errors, {} warnings in {} ms", planId, plan.currentVersion(), errors,
        warnings, nanos / 1_000_000);
    service.checked(plan, findings);
    execution.setVariable(ProcessKeys.VAR_HAS_ERRORS, errors > 0);
  }
}
