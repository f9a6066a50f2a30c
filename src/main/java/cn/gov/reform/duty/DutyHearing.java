package cn.gov.reform.duty;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.reform.calendar.TimeLimits;
import cn.gov.reform.identity.Role;
import cn.gov.reform.identity.RoleGroups;

/**
 * The hearing of the affected townships (需充分听取基层意见, 通办发〔2020〕6号 二(五)13). As the step 征求乡镇意见 it gives the
 * instance its candidate groups — each township's party committee {@code township<code>}, made to exist if it does not yet
 * ({@link RoleGroups#ensure}), the department and the county committee and government — and starts a new hearing; the
 * model's multi-instance subprocess takes its townships from {@link #townships}; a township whose time limit
 * ({@code app.deadlines.working-days.townshipOpinion}) passes is recorded as not heard ({@link #notGiven}); 汇总乡镇意见
 * records the result ({@link #summarise}).
 */
@Component("dutyHearing")
public class DutyHearing implements JavaDelegate {

  private final DutyService service;
  private final RoleGroups groups;
  private final TimeLimits limits;

  DutyHearing(DutyService service, RoleGroups groups, TimeLimits limits) {
    this.service = service;
    this.groups = groups;
    this.limits = limits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Duty d = service.find(execution.getProcessBusinessKey());
    service.townshipCodes(d.id()).forEach(code -> groups.ensure(Role.TOWNSHIP.group(code)));
    groups.ensure(Role.COUNTY_DEPARTMENT.group(d.countyCode()));
    execution.setVariable(DutyKeys.VAR_DEPARTMENT_GROUP, Role.COUNTY_DEPARTMENT.group(d.countyCode()));
    execution.setVariable(DutyKeys.VAR_COUNTY_GOVERNMENT_GROUP, Role.COUNTY_GOVERNMENT.group(d.countyCode()));
    service.hearingStarted(d);
  }

  /** The townships the current version affects: one opinion task each. */
  public List<String> townships(DelegateExecution execution) {
    return service.townshipCodes(execution.getProcessBusinessKey());
  }

  /** The township's time limit passed (the boundary timer closed its task). */
  public void notGiven(DelegateExecution execution) {
    service.notGiven(execution.getProcessBusinessKey(), (String) execution.getVariable(DutyKeys.VAR_TOWNSHIP),
        limits.of(DutyKeys.TOWNSHIP_OPINION));
  }

  public void summarise(DelegateExecution execution) {
    service.summarised(service.find(execution.getProcessBusinessKey()));
  }
}
