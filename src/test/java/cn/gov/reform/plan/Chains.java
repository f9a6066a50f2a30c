package cn.gov.reform.plan;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The approval chains of the documents (DOMAIN "The real approval chains"), each with a real plan and the users who work it. */
public final class Chains {

  private Chains() {}

  /** Who works a stage: the user and the candidate group the task must carry. */
  public record Worker(String user, String group) {}

  public record Step(String stage, Worker worker) {}

  /** A chain as the documents describe it, with a real plan that travels it. */
  public record Chain(String name, String drafter, Supplier<PlanRequest> plan, List<Step> steps, String endEvent,
      PlanStatus end) {
    @Override
    public String toString() {
      return name;
    }
  }

  public static final List<Worker> JILIN_DEPARTMENTS = List.of(new Worker("jilinfgw", "deptfgw220000"),
      new Worker("jilinczt", "deptczt220000"), new Worker("jilinrst", "deptrst220000"), new Worker("jilinmzt", "deptmzt220000"));

  public static final Chain SHANDONG_TOWNSHIP = new Chain("宁阳县乡镇方案", "ningyang", PlanFixtures::ningyangPlan, List.of(
      new Step(ProcessKeys.CITY_REVIEW, new Worker("taian", "reviewer370900")),
      new Step(ProcessKeys.CITY_APPROVAL, new Worker("taianapprover", "approver370900")),
      new Step(ProcessKeys.PROVINCE_FILING, new Worker("shandong", "filer370000"))), "planFiled", PlanStatus.FILED);
  public static final Chain SHANDONG_DEVELOPED_TOWN = new Chain("宁阳县磁窑镇经济发达镇方案", "ningyang", PlanFixtures::ningyangDevelopedTown,
      List.of(new Step(ProcessKeys.CITY_REVIEW, new Worker("taian", "reviewer370900")),
          new Step(ProcessKeys.CITY_APPROVAL, new Worker("taianapprover", "approver370900")),
          new Step(ProcessKeys.PROVINCE_APPROVAL, new Worker("shandongapprover", "approver370000"))),
      "planApproved", PlanStatus.APPROVED);
  public static final Chain JINAN_TOWNSHIP = new Chain("历城区街道方案", "licheng", PlanFixtures::lichengPlan, List.of(
      new Step(ProcessKeys.CITY_REVIEW, new Worker("jinan", "reviewer370100")),
      new Step(ProcessKeys.CITY_APPROVAL, new Worker("jinanapprover", "approver370100")),
      new Step(ProcessKeys.PROVINCE_FILING, new Worker("shandong", "filer370000"))), "planFiled", PlanStatus.FILED);
  public static final Chain JILIN_DEVELOPED_TOWN = new Chain("农安县农安镇经济发达镇方案", "nongan", PlanFixtures::nonganDevelopedTown,
      List.of(new Step(ProcessKeys.CITY_SUBMISSION, new Worker("changchun", "submitter220100")),
          new Step(ProcessKeys.PROVINCE_REVIEW, new Worker("jilinreviewer", "reviewer220000")),
          new Step(ProcessKeys.PROVINCE_APPROVAL, new Worker("jilinapprover", "approver220000"))),
      "planApproved", PlanStatus.APPROVED);
  public static final Chain GANSU_TOWNSHIP = new Chain("通渭县乡镇方案", "tongwei", PlanFixtures::tongweiPlan, List.of(
      new Step(ProcessKeys.CITY_APPROVAL, new Worker("dingxiapprover", "approver621100"))), "planApproved", PlanStatus.APPROVED);
  public static final Chain NATIONAL_DEFAULT = new Chain("正定县乡镇方案（河北，全国通行审批链）", "zhengding", PlanFixtures::zhengdingPlan,
      List.of(new Step(ProcessKeys.CITY_REVIEW, new Worker("shijiazhuang", "reviewer130100")),
          new Step(ProcessKeys.CITY_APPROVAL, new Worker("shijiazhuangapprover", "approver130100")),
          new Step(ProcessKeys.PROVINCE_FILING, new Worker("hebei", "filer130000"))), "planFiled", PlanStatus.FILED);

  public static Stream<Chain> all() {
    return Stream.of(SHANDONG_TOWNSHIP, SHANDONG_DEVELOPED_TOWN, JINAN_TOWNSHIP, JILIN_DEVELOPED_TOWN, GANSU_TOWNSHIP,
        NATIONAL_DEFAULT);
  }

}
