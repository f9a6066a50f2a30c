package cn.gov.reform.plan;

import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Procedure;
import cn.gov.reform.approval.Subject;
import cn.gov.reform.identity.RegionDirectory;

/** The reform-plan procedure as the kernel's shared services see it: a plan is the item, its id the business key. */
@Component
class PlanSubjects implements Procedure {

  private final PlanRepository plans;
  private final RegionDirectory regions;
  private final RuntimeService runtime;

  PlanSubjects(PlanRepository plans, RegionDirectory regions, RuntimeService runtime) {
    this.plans = plans;
    this.regions = regions;
    this.runtime = runtime;
  }

  @Override
  public String processKey() {
    return ProcessKeys.PROCESS;
  }

  @Override
  public String name() {
    return "乡镇行政管理体制改革方案审批";
  }

  @Override
  public Optional<Subject> subject(String businessKey) {
    return plans.find(businessKey).map(p -> new Subject(ProcessKeys.PROCESS, p.id(), p.title(),
        regions.describeCounty(p.countyCode()), p.countyCode(), p.cityCode(), p.provinceCode(), p.status().name(),
        p.status().label(), p.processInstanceId()));
  }

  /** A plan starts as the county's draft (the start form or POST /api/plans): 起草或修改方案（县） is where it goes back to. */
  @Override
  public String startStage() {
    return ProcessKeys.DRAFT_PLAN;
  }

  /** Back at the county, the chain starts again from its first stage once resubmitted (the model's toDraft does the same). */
  @Override
  public void sentBackTo(String processInstanceId, String businessKey, String stageKey) {
    if (ProcessKeys.DRAFT_PLAN.equals(stageKey)) {
      runtime.removeVariable(processInstanceId, StageSequence.VAR_LAST_STAGE);
    }
  }
}
