package cn.gov.reform.plan;

import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.reform.ReformApprovalApplication;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.document.DocumentNumbers;
import cn.gov.reform.document.OfficialDocuments;
import cn.gov.reform.engine.DecisionRefusedException;
import cn.gov.reform.engine.EngineClock;

/**
 * Gives a filed plan its filing number (备案编号): the number the filer typed, or the next of the
 * province's sequence for the year (鲁编备〔2026〕7号, the kernel's {@link DocumentNumbers}, key
 * {@code filing:<province>}), and issues the 备案通知 under it ({@link PlanDocuments}). Numbers never repeat: the
 * sequence skips any number already given by hand or carried by another document, and unique constraints guard both.
 */
@Component("filingRegistrar")
class FilingRegistrar implements JavaDelegate {

  private final PlanRepository plans;
  private final PlanService service;
  private final FilingProperties properties;
  private final DocumentNumbers numbers;
  private final OfficialDocuments documents;
  private final PlanDocuments planDocuments;

  FilingRegistrar(PlanRepository plans, PlanService service, FilingProperties properties, DocumentNumbers numbers,
      OfficialDocuments documents, PlanDocuments planDocuments) {
    this.plans = plans;
    this.service = service;
    this.properties = properties;
    this.numbers = numbers;
    this.documents = documents;
    this.planDocuments = planDocuments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String planId = execution.getProcessBusinessKey();
    Plan plan = plans.find(planId).orElseThrow();
    Object requested = execution.getVariable(ProcessKeys.VAR_FILING_NUMBER);
    String number = requested instanceof String s && !s.isBlank() ? s.strip() : next(plan.provinceCode());
    service.filed(plan, number);
    execution.setVariable(ProcessKeys.VAR_FILING_NUMBER, number);
    // the filer's decision, as its task recorded it
    TimelineEntry decision = service.timeline(planId).stream()
        .filter(e -> ProcessKeys.PROVINCE_FILING.equals(e.stage()) && "FILE".equals(e.decision()))
        .reduce((first, second) -> second).orElse(null);
    planDocuments.filed(plans.find(planId).orElseThrow(), number, decision == null ? null : decision.taskId(),
        decision == null ? null : decision.actor(), decision == null ? null : decision.opinion(),
        decision == null ? Stage.PROVINCE_FILING.label() : decision.stageName());
  }

  private String next(String provinceCode) {
    int year = EngineClock.now().atZone(ZoneId.of(ReformApprovalApplication.ZONE)).getYear();
    String abbr = properties.abbreviations().getOrDefault(provinceCode, provinceCode);
    while (true) {
      int n = numbers.next("filing:" + provinceCode, year);
      String number = properties.numberPattern().replace("{abbr}", abbr).replace("{year}", String.valueOf(year))
          .replace("{n}", String.valueOf(n));
      if (!taken(number)) {
        return number;
      }
    }
  }

  /** Given to a plan, or carried by another official document (a 发文字号 of the same form). */
  private boolean taken(String number) {
    return plans.filingNumberTaken(number) || documents.numberTaken(number);
  }

  /** The number a filer typed, if any, must be text, short enough and not given before. */
  void checkRequested(Object number) {
    if (number == null || (number instanceof String s && s.isBlank())) {
      return;
    }
    if (!(number instanceof String s)) {
      throw new DecisionRefusedException(ProcessKeys.VAR_FILING_NUMBER, "备案编号应为文本");
    }
    if (s.strip().length() > ProcessKeys.MAX_FILING_NUMBER) {
      throw new DecisionRefusedException(ProcessKeys.VAR_FILING_NUMBER, "备案编号不能超过" + ProcessKeys.MAX_FILING_NUMBER + "字");
    }
    if (taken(s.strip())) {
      throw new DecisionRefusedException(ProcessKeys.VAR_FILING_NUMBER, "备案编号“" + s.strip() + "”已被使用，备案编号不得重复");
    }
  }
}
