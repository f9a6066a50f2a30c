package cn.gov.reform.plan;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.support.EngineSteps;
import cn.gov.reform.plan.PlanRequest.Kind;
import cn.gov.reform.plan.PlanRequest.PlanType;
import cn.gov.reform.plan.PlanRequest.Township;
import cn.gov.reform.plan.PlanRequest.Unit;

/** Test users from the seeds' regions and plans built from the seeds' real townships. */
// not in an app started with its demo data (FirstStartIT): these users would stand in for the demo users
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "app.demo-data", havingValue = "false", matchIfMissing = true)
@Component
public class PlanFixtures {

  public static final String PASSWORD = "Test-pass-2026";
  /** The admin user's password with the default profile's fallback ({@code APP_ADMIN_PASSWORD} unset). */
  public static final String ADMIN_PASSWORD = "Demo-pass-2026";
  public static final String ADMIN = "admin:" + ADMIN_PASSWORD;

  public static final Map<String, String> USERS = Map.ofEntries(
      Map.entry("ningyang", "drafter370921"),
      Map.entry("taian", "reviewer370900"),
      Map.entry("taian2", "reviewer370900"),
      Map.entry("taianapprover", "approver370900"),
      Map.entry("shandong", "filer370000"),
      Map.entry("shandongapprover", "approver370000"),
      Map.entry("shandongsupervisor", "supervisor370000"),
      Map.entry("licheng", "drafter370112"),
      Map.entry("jinan", "reviewer370100"),
      Map.entry("jinanapprover", "approver370100"),
      // Jilin: 农安县 (长春市) and the joint review of the provincial 编办 with its departments
      Map.entry("nongan", "drafter220122"),
      Map.entry("changchun", "submitter220100"),
      Map.entry("jilinreviewer", "reviewer220000"),
      Map.entry("jilinfgw", "deptfgw220000"),
      Map.entry("jilinczt", "deptczt220000"),
      Map.entry("jilinrst", "deptrst220000"),
      Map.entry("jilinmzt", "deptmzt220000"),
      Map.entry("jilinapprover", "approver220000"),
      Map.entry("jilinsupervisor", "supervisor220000"),
      // Gansu: 通渭县 (定西市)
      Map.entry("tongwei", "drafter621121"),
      Map.entry("dingxiapprover", "approver621100"),
      // Hebei, a province the documents do not cover: 正定县 (石家庄市)
      Map.entry("zhengding", "drafter130123"),
      Map.entry("shijiazhuang", "reviewer130100"),
      Map.entry("shijiazhuangapprover", "approver130100"),
      Map.entry("hebei", "filer130000"),
      Map.entry("hebeireviewer", "reviewer130000"));

  private final ProcessEngine engine;
  private final PlanService plans;

  public PlanFixtures(ProcessEngine engine, PlanService plans, cn.gov.reform.identity.IdentitySeeder groupsFirst) {
    this.engine = engine;
    this.plans = plans;
    ensureUsers(USERS);
  }

  /** Each user (password {@link #PASSWORD}) in its group, unless it exists. */
  public void ensureUsers(Map<String, String> groupOfUser) {
    EngineSteps.ensureUsers(engine, groupOfUser, PASSWORD);
  }


  /** A township of 鲁厅字〔2018〕33号 三(一) shape: 6 bodies, 4 institutions incl. 便民服务中心. */
  public static Township compliantTownship(String code, String name) {
    return new Township(code, name, Kind.TOWN, null, null,
        List.of(new Unit("党政综合办公室", 6), new Unit("党建工作办公室", 5), new Unit("经济发展办公室", 5),
            new Unit("社会事务办公室", 5), new Unit("社会治理办公室", 5), new Unit("综合行政执法办公室", 6)),
        List.of(new Unit("便民服务中心", 15), new Unit("农业综合服务中心", 15), new Unit("财经服务中心", 10),
            new Unit("公共文化服务中心", 10)),
        40, 60, 9, 9);
  }

  /** 磁窑镇 as the real plan 宁政发〔2019〕6号 sets it up: 8 bodies, 6 institutions (too many for a township plan). */
  public static Township ciyaoAsDeveloped() {
    return new Township("370921109", "磁窑镇", Kind.TOWN, null, 85_000L,
        List.of(new Unit("党政办公室（政协委员联络室）", 8), new Unit("党群工作办公室", 6), new Unit("经济发展办公室", 6),
            new Unit("规划建设和生态环境办公室", 6), new Unit("社会事务办公室（社会治理办公室）", 6),
            new Unit("应急管理办公室", 6), new Unit("便民服务局（便民服务中心）", 6), new Unit("综合行政执法局", 6)),
        List.of(new Unit("农业综合服务中心（乡村振兴促进中心）", 30), new Unit("财经服务中心", 30),
            new Unit("公共文化服务中心", 30), new Unit("民生发展服务中心", 30), new Unit("招商投资促进中心", 29),
            new Unit("资产资源运营中心", 29)),
        50, 178, 9, 9);
  }

  /** 磁窑镇 as the developed-town plan it really was (宁政发〔2019〕6号). */
  public static PlanRequest ningyangDevelopedTown() {
    return new PlanRequest("关于深化磁窑镇行政管理体制改革方案", PlanType.DEVELOPED_TOWN, "370921", null, List.of(ciyaoAsDeveloped()));
  }

  /** 山大路街道 (济南市历城区): a Jinan street within 20–30 administrative staff, every body at least 3. */
  public static PlanRequest lichengPlan() {
    return new PlanRequest("历城区街道行政管理体制改革方案", PlanType.TOWNSHIP, "370112", null, List.of(
        new Township("370112001", "山大路街道", Kind.STREET, null, null,
            List.of(new Unit("党政综合办公室", 5), new Unit("党建工作办公室", 4), new Unit("经济发展办公室", 4),
                new Unit("社会事务办公室", 4), new Unit("社会治理办公室", 4), new Unit("综合行政执法办公室", 4)),
            List.of(new Unit("便民服务中心", 8), new Unit("社区服务中心", 6), new Unit("财经服务中心", 6),
                new Unit("公共文化服务中心", 6)),
            28, 30, 7, 7)));
  }

  /** 农安镇 (吉林省农安县) as a developed town: 7 units in all, with 便民服务 and 综合行政执法, 60,000 residents. */
  public static PlanRequest nonganDevelopedTown() {
    return new PlanRequest("农安县农安镇经济发达镇行政管理体制改革方案", PlanType.DEVELOPED_TOWN, "220122", null, List.of(
        new Township("220122100", "农安镇", Kind.TOWN, null, 60_000L,
            List.of(new Unit("党政综合办公室", 6), new Unit("经济发展办公室", 5), new Unit("社会事务办公室", 5),
                new Unit("综合行政执法局", 6)),
            List.of(new Unit("便民服务中心", 10), new Unit("农业综合服务中心", 10), new Unit("财经服务中心", 8)),
            30, 40, 9, 9)));
  }

  /** 平襄镇 (甘肃省通渭县), a class-1 township: 5 bodies, 4 institutions, leadership within the current total. */
  public static PlanRequest tongweiPlan() {
    return new PlanRequest("通渭县乡镇事业机构设置方案", PlanType.TOWNSHIP, "621121", null, List.of(
        new Township("621121100", "平襄镇", Kind.TOWN, 1, null,
            List.of(new Unit("党政综合办公室", 5), new Unit("党建工作办公室", 4), new Unit("经济发展办公室", 4),
                new Unit("社会事务办公室", 4), new Unit("综合行政执法办公室", 4)),
            List.of(new Unit("便民服务中心", 8), new Unit("农业综合服务中心", 8), new Unit("财经服务中心", 6),
                new Unit("公共文化服务中心", 6)),
            25, 30, 8, 9)));
  }

  /** 正定镇 (河北省正定县): a province without rules of its own in the documents. */
  public static PlanRequest zhengdingPlan() {
    return new PlanRequest("正定县乡镇行政管理体制改革方案", PlanType.TOWNSHIP, "130123", null,
        List.of(compliantTownship("130123100", "正定镇")));
  }

  public static PlanRequest ningyangPlan(Township... townships) {
    return new PlanRequest("宁阳县乡镇行政管理体制改革方案", PlanType.TOWNSHIP, "370921", null, List.of(townships));
  }

  public static PlanRequest ningyangPlan() {
    return ningyangPlan(compliantTownship("370921112", "东庄镇"));
  }

  public PlanView create(String user, PlanRequest request) {
    return as(user, () -> plans.create(request, null, jurisdiction(user)).plan());
  }

  public Jurisdiction jurisdiction(String user) {
    return Jurisdiction.of(user, List.of(USERS.getOrDefault(user, "")));
  }

  /** Executes the instance's pending jobs (the job executor is off in tests). */
  public void runJobs(String processInstanceId) {
    EngineSteps.runJobs(engine, processInstanceId);
  }

  public Task task(String processInstanceId, String key) {
    return EngineSteps.task(engine, processInstanceId, key);
  }

  public void complete(String user, String processInstanceId, String key, Map<String, Object> variables) {
    TaskService tasks = engine.getTaskService();
    Task task = task(processInstanceId, key);
    if (task == null) {
      throw new AssertionError("no open task " + key);
    }
    as(user, () -> {
      tasks.complete(task.getId(), variables);
      return null;
    });
  }

  public <T> T as(String user, java.util.function.Supplier<T> work) {
    return EngineSteps.as(engine, user, USERS.getOrDefault(user, ""), work);
  }

}
