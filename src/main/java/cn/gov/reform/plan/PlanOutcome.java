package cn.gov.reform.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.audit.TimelineEntry;

/** Called from the end events: {@code ${planOutcome.finish(execution, 'FILED')}}. */
@Component("planOutcome")
public class PlanOutcome {

  private final PlanRepository plans;

  PlanOutcome(PlanRepository plans) {
    this.plans = plans;
  }

  public void finish(DelegateExecution execution, String status) {
    String planId = execution.getProcessBusinessKey();
    PlanStatus s = PlanStatus.valueOf(status);
    plans.updateStatus(planId, s);
    plans.addTimeline(planId, new TimelineEntry(execution.getCurrentActivityId(), s.label(), s.name(), null,
        CurrentCaller.SYSTEM, ClockUtil.getCurrentTime().toInstant(), null), null);
  }
}
