package cn.gov.reform.plan;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.engine.EngineClock;

/**
 * The plan's deadline in the model: {@code ${planDeadline.has(execution)}} routes the deadline branch,
 * {@code ${planDeadline.passes(execution)}} is its timer (the end of the deadline day, Asia/Shanghai),
 * and as the delegate {@code ${planDeadline}} it flags the plan overdue, records it and asks the
 * province's supervisor to step in (message {@value ProcessKeys#MSG_SUPERVISION}); the chain goes on.
 * When the supervisor sets a new target date, {@code ${planDeadline.ahead(execution)}} re-arms the timer.
 */
@Component("planDeadline")
public class PlanDeadline implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(PlanDeadline.class);

  private final PlanRepository plans;
  private final PlanService service;

  public PlanDeadline(PlanRepository plans, PlanService service) {
    this.plans = plans;
    this.service = service;
  }

  public boolean has(DelegateExecution execution) {
    return deadline(execution) != null;
  }

  /** The first moment the plan is late: the start of the day after its deadline. */
  public Date passes(DelegateExecution execution) {
    LocalDate deadline = deadline(execution);
    if (deadline == null) {
      throw new IllegalStateException("plan " + execution.getProcessBusinessKey() + " has no deadline");
    }
    return Date.from(deadline.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
  }

  /** True when the plan's deadline lies ahead again (a supervisor set a new target date). */
  public boolean ahead(DelegateExecution execution) {
    LocalDate deadline = deadline(execution);
    return deadline != null && passes(execution).after(EngineClock.nowDate());
  }

  @Override
  public void execute(DelegateExecution execution) {
    String planId = execution.getProcessBusinessKey();
    Plan plan = plans.find(planId).orElseThrow(() -> new IllegalStateException("plan " + planId + " not found"));
    LOG.info("plan {} passed its deadline {}", planId, plan.deadline());
    service.overdue(plan);
    Supervision.request(execution.getProcessEngineServices().getRuntimeService(), execution.getProcessInstanceId(),
        "方案超过完成期限（" + plan.deadline() + "）");
  }

  private LocalDate deadline(DelegateExecution execution) {
    String planId = execution.getProcessBusinessKey();
    return plans.find(planId).map(Plan::deadline).orElse(null);
  }
}
