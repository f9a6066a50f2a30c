package cn.gov.reform.plan;

import java.util.List;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.SubmissionCheck;

/**
 * The async policy-check step ({@link SubmissionCheck}): findings of the plan's current version are stored with that
 * version, a timeline entry records the result, and {@code hasErrors} routes the plan on or back to the county; each
 * submission (start, or 提交 at draftPlan) is checked once. Its duration is the metric
 * {@code reform_validation_duration_seconds} (outcome PASSED, FAILED or ERROR); the engine puts the plan id and process
 * instance id into the log context (MDC).
 */
@Component("policyValidation")
class PolicyValidation extends SubmissionCheck<Plan> {

  static final String TIMER = "reform.validation.duration";

  private final PlanService service;
  private final PlanRepository plans;
  private final PolicyValidator validator;

  PolicyValidation(PlanService service, PlanRepository plans, PolicyValidator validator, MeterRegistry meters) {
    super(meters, TIMER, "政策校验用时（流程中的政策校验步骤）", "policy check of plan");
    this.service = service;
    this.plans = plans;
    this.validator = validator;
  }

  @Override
  protected Plan item(String planId) {
    return plans.find(planId).orElseThrow(() -> new IllegalStateException("plan " + planId + " not found"));
  }

  @Override
  protected int version(Plan plan) {
    return plan.currentVersion();
  }

  @Override
  protected boolean checkedSinceLastSubmission(Plan plan) {
    return service.checkedSinceLastSubmission(plan.id(), plan.currentVersion());
  }

  @Override
  protected List<Finding> stored(Plan plan) {
    return plans.findings(plan.id(), plan.currentVersion());
  }

  @Override
  protected List<Finding> check(Plan plan) {
    return validator.validate(service.content(plan.id(), plan.currentVersion()));
  }

  @Override
  protected void checked(Plan plan, List<Finding> findings) {
    service.checked(plan, findings);
  }
}
