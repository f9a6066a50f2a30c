package cn.gov.reform.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.reform.identity.Role;
import cn.gov.reform.identity.RoleGroups;

/**
 * The step 考核事项规则校验, run at the submission and at every resubmission, in its transaction (not async): a request the
 * rules of {@value AssessmentKeys#RULES_DECISION} refuse fails with 400 naming the field and the clause, and nothing of it
 * is stored. A request that passes gets its route ({@value AssessmentKeys#ROUTE_DECISION}) and the groups of its stages
 * (the department's made to exist, {@link RoleGroups#ensure}), and is recorded as checked.
 */
@Component("assessmentChecks")
class AssessmentChecks implements JavaDelegate {

  private final AssessmentService service;
  private final RoleGroups groups;

  AssessmentChecks(AssessmentService service, RoleGroups groups) {
    this.service = service;
    this.groups = groups;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AssessmentItem a = service.find(execution.getProcessBusinessKey());
    AssessmentRequest request = service.content(a);
    service.checkRules(a, request);
    AssessmentRules.Route route = service.route(a);
    String department = Role.COUNTY_DEPARTMENT.group(a.countyCode());
    groups.ensure(department);
    execution.setVariable(AssessmentKeys.VAR_DEPARTMENT_GROUP, department);
    execution.setVariable(AssessmentKeys.VAR_COUNTY_GOVERNMENT_GROUP, Role.COUNTY_GOVERNMENT.group(a.countyCode()));
    execution.setVariable(AssessmentKeys.VAR_PROVINCE_GROUP, Role.APPROVER.group(a.provinceCode()));
    execution.setVariable(AssessmentKeys.VAR_PROVINCE_APPROVAL, route.provinceApproval());
    service.checked(a, request, route);
  }
}
