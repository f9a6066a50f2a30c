package cn.gov.reform.plan;

import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.gov.reform.ReformApprovalApplication;
import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.audit.TimelineEntry;

/**
 * Gives a filed plan its filing number (备案编号): the number the filer typed, or the next of the
 * province's sequence for the year (鲁编备〔2026〕7号). Numbers never repeat: the sequence skips any
 * number already given by hand, and a unique constraint guards the column.
 */
@Component("filingRegistrar")
class FilingRegistrar implements JavaDelegate {

  private final PlanRepository plans;
  private final FilingProperties properties;

  FilingRegistrar(PlanRepository plans, FilingProperties properties) {
    this.plans = plans;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String planId = execution.getProcessBusinessKey();
    Plan plan = plans.find(planId).orElseThrow();
    Object requested = execution.getVariable(ProcessKeys.VAR_FILING_NUMBER);
    String number = requested instanceof String s && !s.isBlank() ? s.strip() : next(plan.provinceCode());
    plans.setFilingNumber(planId, number);
    execution.setVariable(ProcessKeys.VAR_FILING_NUMBER, number);
    plans.addTimeline(planId, new TimelineEntry("recordFiling", "登记备案号", "FILED", number, CurrentCaller.SYSTEM,
        ClockUtil.getCurrentTime().toInstant(), plan.currentVersion()), null);
  }

  private String next(String provinceCode) {
    int year = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of(ReformApprovalApplication.ZONE)).getYear();
    String abbr = properties.abbreviations().getOrDefault(provinceCode, provinceCode);
    while (true) {
      int n = plans.nextFilingNumber(provinceCode, year);
      String number = properties.numberPattern().replace("{abbr}", abbr).replace("{year}", String.valueOf(year))
          .replace("{n}", String.valueOf(n));
      if (!plans.filingNumberTaken(number)) {
        return number;
      }
    }
  }
}
