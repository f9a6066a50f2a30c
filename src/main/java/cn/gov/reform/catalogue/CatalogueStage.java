package cn.gov.reform.catalogue;

import static cn.gov.reform.approval.Decision.APPROVE;
import static cn.gov.reform.approval.Decision.REJECT;
import static cn.gov.reform.approval.Decision.RETURN;
import static cn.gov.reform.approval.Decision.SUBMIT;
import static cn.gov.reform.approval.Decision.WITHDRAW;

import java.util.Arrays;
import java.util.Optional;

import cn.gov.reform.approval.StageDecisions;
import cn.gov.reform.identity.Role;

/**
 * The catalogue's user tasks in chain order, each with the decisions it accepts in its form's words, the role group that
 * works it (a role of the catalogue's county, city or province), and — for an approval — the issuing body of its 批复
 * (its entry in app.documents, README "公文").
 */
enum CatalogueStage {
  DRAFT(CatalogueKeys.DRAFT, "起草或修改目录（县）", Level.COUNTY, Role.DRAFTER, CatalogueKeys.VAR_DRAFTER_GROUP, null,
      "处理决定", SUBMIT, "提交审查", WITHDRAW, "撤回目录"),
  LEGAL_REVIEW(CatalogueKeys.LEGAL_REVIEW, "合法性审查（县司法局）", Level.COUNTY, Role.LEGAL, CatalogueKeys.VAR_LEGAL_GROUP, null,
      "审查意见", APPROVE, "审查通过", RETURN, "退回修改"),
  COUNTY_APPROVAL(CatalogueKeys.COUNTY_APPROVAL, "县政府审批", Level.COUNTY, Role.COUNTY_GOVERNMENT,
      CatalogueKeys.VAR_COUNTY_GOVERNMENT_GROUP, "countygov", "审批意见", APPROVE, "批准", RETURN, "退回修改", REJECT, "不予批准"),
  CITY_APPROVAL(CatalogueKeys.CITY_APPROVAL, "市政府审批", Level.CITY, Role.APPROVER, CatalogueKeys.VAR_CITY_APPROVER_GROUP,
      "submitter", "审批意见", APPROVE, "批准", RETURN, "退回修改", REJECT, "不予批准"),
  PROVINCE_APPROVAL(CatalogueKeys.PROVINCE_APPROVAL, "省政府批准", Level.PROVINCE, Role.APPROVER,
      CatalogueKeys.VAR_PROVINCE_APPROVER_GROUP, "approver", "审批意见", APPROVE, "批准", RETURN, "退回修改", REJECT, "不予批准");

  /** The level of the region whose role group works the stage. */
  private enum Level { COUNTY, CITY, PROVINCE }

  private final String taskKey;
  private final String label;
  private final Level level;
  private final Role role;
  private final String groupVariable;
  private final String issuer;
  private final StageDecisions rules;

  CatalogueStage(String taskKey, String label, Level level, Role role, String groupVariable, String issuer, String decisionTitle,
      Object... decisionsAndLabels) {
    this.taskKey = taskKey;
    this.label = label;
    this.level = level;
    this.role = role;
    this.groupVariable = groupVariable;
    this.issuer = issuer;
    this.rules = new StageDecisions(label, decisionTitle, decisionsAndLabels);
  }

  static Optional<CatalogueStage> of(String taskKey) {
    return Arrays.stream(values()).filter(s -> s.taskKey.equals(taskKey)).findFirst();
  }

  String taskKey() {
    return taskKey;
  }

  String label() {
    return label;
  }

  StageDecisions rules() {
    return rules;
  }

  /** The code of the catalogue's county, city or province whose role group works the stage (and issues its 批复). */
  String region(Catalogue c) {
    return switch (level) {
      case COUNTY -> c.countyCode();
      case CITY -> c.cityCode();
      case PROVINCE -> c.provinceCode();
    };
  }

  /** The candidate group of the stage for this catalogue. */
  String group(Catalogue c) {
    return role.group(region(c));
  }

  String groupVariable() {
    return groupVariable;
  }

  /** An approval: its APPROVE as the chain's last stage issues the 批复 the catalogue is published under. */
  boolean approval() {
    return issuer != null;
  }

  /** The issuing body's entry in app.documents (countygov, submitter = the city government, approver = the province's). */
  String issuer() {
    return issuer;
  }
}
