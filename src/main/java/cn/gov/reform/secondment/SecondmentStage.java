package cn.gov.reform.secondment;

import static cn.gov.reform.approval.Decision.APPROVE;
import static cn.gov.reform.approval.Decision.REJECT;
import static cn.gov.reform.approval.Decision.RETURN;
import static cn.gov.reform.approval.Decision.SUBMIT;
import static cn.gov.reform.approval.Decision.WITHDRAW;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.gov.reform.approval.StageDecisions;
import cn.gov.reform.identity.Role;

/**
 * The secondment's decision tasks in chain order, each with the decisions it accepts in its form's words and the role
 * group that works it: the requester's own county, the township's party committee, the county's organisation department,
 * human-resources bureau and party committee & government. The departments' tasks live in the model's block 县级部门审批
 * ({@value SecondmentKeys#DEPARTMENT_APPROVALS}): a chain names the organisation department alone
 * ({@code organisationApproval}, Shandong) or with human resources in parallel ({@code organisationApproval+humanResourcesApproval},
 * Gansu: {@link #DEPARTMENT_APPROVALS}, both must approve); either is the hub's stage {@value SecondmentKeys#DEPARTMENT_APPROVALS}.
 */
enum SecondmentStage {
  REVISE(SecondmentKeys.REVISE, "修改借调申请（申请单位）", Role.REQUESTER, SecondmentKeys.VAR_REQUESTER_GROUP,
      "处理决定", SUBMIT, "重新提交", WITHDRAW, "撤回申请"),
  TOWNSHIP_CONSENT(SecondmentKeys.TOWNSHIP_CONSENT, "乡镇党委同意", Role.TOWNSHIP, SecondmentKeys.VAR_TOWNSHIP_GROUP,
      "乡镇党委意见", APPROVE, "同意借调", RETURN, "退回修改", REJECT, "不同意借调"),
  ORGANISATION_APPROVAL(SecondmentKeys.ORGANISATION_APPROVAL, "县委组织部批准", Role.ORGANISATION,
      SecondmentKeys.VAR_ORGANISATION_GROUP, "审批意见", APPROVE, "批准", RETURN, "退回修改", REJECT, "不予批准"),
  HUMAN_RESOURCES_APPROVAL(SecondmentKeys.HUMAN_RESOURCES_APPROVAL, "县人社局批准", Role.HUMAN_RESOURCES,
      SecondmentKeys.VAR_HUMAN_RESOURCES_GROUP, "审批意见", APPROVE, "批准", RETURN, "退回修改", REJECT, "不予批准"),
  DEPARTMENT_APPROVALS(SecondmentKeys.ORGANISATION_APPROVAL + "+" + SecondmentKeys.HUMAN_RESOURCES_APPROVAL,
      "县委组织部、县人社局批准（同时办理）", null, null, null),
  COUNTY_GOVERNMENT_CONSENT(SecondmentKeys.COUNTY_GOVERNMENT_CONSENT, "县委、县政府同意", Role.COUNTY_GOVERNMENT,
      SecondmentKeys.VAR_COUNTY_GOVERNMENT_GROUP, "县委、县政府意见", APPROVE, "同意借调", RETURN, "退回修改", REJECT, "不同意借调");

  private final String key;
  private final String label;
  private final Role role;
  private final String groupVariable;
  private final StageDecisions rules;

  SecondmentStage(String key, String label, Role role, String groupVariable, String decisionTitle, Object... decisionsAndLabels) {
    this.key = key;
    this.label = label;
    this.role = role;
    this.groupVariable = groupVariable;
    this.rules = decisionTitle == null ? null : new StageDecisions(label, decisionTitle, decisionsAndLabels);
  }

  static Optional<SecondmentStage> of(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }

  String key() {
    return key;
  }

  String label() {
    return label;
  }

  /** The decisions of a task; null for the parallel block, whose tasks have their own. */
  StageDecisions rules() {
    return rules;
  }

  /** The stage as the hub 下一环节？ names it: the block 县级部门审批 for the departments' stages, the task's key otherwise. */
  String hubKey() {
    return this == ORGANISATION_APPROVAL || this == DEPARTMENT_APPROVALS ? SecondmentKeys.DEPARTMENT_APPROVALS : key;
  }

  /** The user tasks of the stage: itself, or the two of the parallel block. */
  List<SecondmentStage> tasks() {
    return this == DEPARTMENT_APPROVALS ? List.of(ORGANISATION_APPROVAL, HUMAN_RESOURCES_APPROVAL) : List.of(this);
  }

  /** The candidate group of the task for this secondment: its township's, or its county's. */
  String group(Secondment s) {
    return role.group(role == Role.TOWNSHIP ? s.townshipCode() : s.countyCode());
  }

  String groupVariable() {
    return groupVariable;
  }
}
