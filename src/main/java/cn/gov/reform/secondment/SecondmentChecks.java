package cn.gov.reform.secondment;

import java.util.List;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.SubmissionCheck;

/**
 * The async step 借调规则校验 ({@link SubmissionCheck}): the findings of the request's current version
 * ({@link SecondmentRules}) are stored with that version, with the months counted; the timeline records the result, and
 * {@code hasErrors} sends the request on or back to its requester; each submission (the start, or 重新提交) is checked
 * once. Its duration is the metric {@code reform_secondment_checks_duration_seconds}.
 */
@Component("secondmentChecks")
class SecondmentChecks extends SubmissionCheck<Secondment> {

  private final SecondmentService service;
  private final SecondmentRules rules;

  SecondmentChecks(SecondmentService service, SecondmentRules rules, MeterRegistry meters) {
    super(meters, "reform.secondment.checks.duration", "借调申请规则校验用时", "rules check of secondment");
    this.service = service;
    this.rules = rules;
  }

  @Override
  protected Secondment item(String id) {
    return service.find(id);
  }

  @Override
  protected int version(Secondment s) {
    return s.currentVersion();
  }

  @Override
  protected boolean checkedSinceLastSubmission(Secondment s) {
    return SubmissionCheck.checkedSince(service.timeline(s.id()), SecondmentKeys.CHECK, e -> SecondmentKeys.STARTED.equals(e.stage())
        || SecondmentKeys.REVISE.equals(e.stage()) && "SUBMIT".equals(e.decision()), s.currentVersion());
  }

  @Override
  protected List<Finding> stored(Secondment s) {
    return service.findings(s);
  }

  @Override
  protected List<Finding> check(Secondment s) {
    return result(s).findings();
  }

  @Override
  protected void checked(Secondment s, List<Finding> findings) {
    SecondmentRules.Result counted = result(s);
    service.checked(s, new SecondmentRules.Result(findings, counted.months(), counted.earlierMonths(), counted.extendsId()));
  }

  private SecondmentRules.Result result(Secondment s) {
    return rules.check(s.id(), s.request(), s.provinceCode(), s.countyCode());
  }
}
