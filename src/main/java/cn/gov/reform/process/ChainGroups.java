package cn.gov.reform.process;

import java.util.Map;

import cn.gov.reform.identity.Role;
import cn.gov.reform.plan.Plan;

/** Who works each stage of the Shandong township chain (鲁厅字〔2018〕33号 七(二)), as candidate groups. */
final class ChainGroups {

  private ChainGroups() {}

  static Map<String, Object> of(Plan plan) {
    return Map.of(
        ProcessKeys.VAR_DRAFTER_GROUP, Role.DRAFTER.group(plan.countyCode()),
        ProcessKeys.VAR_REVIEWER_GROUP, Role.REVIEWER.group(plan.cityCode()),
        ProcessKeys.VAR_APPROVER_GROUP, Role.APPROVER.group(plan.cityCode()),
        ProcessKeys.VAR_FILER_GROUP, Role.FILER.group(plan.provinceCode()));
  }
}
