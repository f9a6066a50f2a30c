package cn.gov.reform.catalogue;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.gov.reform.catalogue.CatalogueRequest.Item;
import cn.gov.reform.catalogue.CatalogueRequest.LegalBasis;
import cn.gov.reform.catalogue.CatalogueRequest.Mode;
import cn.gov.reform.catalogue.CatalogueRequest.PowerKind;
import cn.gov.reform.catalogue.CatalogueRequest.TownshipType;
import cn.gov.reform.identity.IdentitySeeder;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.support.EngineSteps;
import cn.gov.reform.plan.PlanFixtures;

/**
 * Officials of the catalogue's roles in the seeds' regions (宁阳县, 新泰市, 东平县 of 泰安市; 通渭县 of 定西市) and catalogues
 * built from the powers the documents name. The suite shares one database: every test takes townships of its own.
 */
// not in an app started with its demo data (FirstStartIT): these users would stand in for the demo users
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "app.demo-data", havingValue = "false", matchIfMissing = true)
@Component
public class CatalogueFixtures {

  public static final String PASSWORD = PlanFixtures.PASSWORD;

  public static final Map<String, String> USERS = Map.ofEntries(
      Map.entry("ningyang", "drafter370921"), Map.entry("ningyanglegal", "legal370921"), Map.entry("ningyanggov", "countygov370921"),
      Map.entry("xintai", "drafter370982"), Map.entry("xintailegal", "legal370982"), Map.entry("xintaigov", "countygov370982"),
      Map.entry("dongping", "drafter370923"), Map.entry("dongpinglegal", "legal370923"), Map.entry("dongpinggov", "countygov370923"),
      Map.entry("taian", "reviewer370900"), Map.entry("taianapprover", "approver370900"),
      Map.entry("shandongapprover", "approver370000"), Map.entry("shandongsupervisor", "supervisor370000"),
      Map.entry("licheng", "drafter370112"),
      Map.entry("tongwei", "drafter621121"), Map.entry("tongweilegal", "legal621121"), Map.entry("tongweigov", "countygov621121"),
      Map.entry("gansuapprover", "approver620000"), Map.entry("dingxiapprover", "approver621100"));

  private final ProcessEngine engine;
  private final CatalogueService catalogues;

  public CatalogueFixtures(ProcessEngine engine, CatalogueService catalogues, IdentitySeeder groupsFirst) {
    this.engine = engine;
    this.catalogues = catalogues;
    EngineSteps.ensureUsers(engine, USERS, PASSWORD);
  }

  // --- powers the documents name --------------------------------------------------------------------------------

  /** 宁政发〔2019〕6号 二(一)2: "城市大型户外广告设置审核"等 county licensing powers concentrated in 磁窑镇 with provincial approval. */
  public static Item outdoorAdvertising() {
    return new Item("城市大型户外广告设置审核", PowerKind.LICENSING, Mode.CONCENTRATED, "县综合行政执法局",
        new LegalBasis("城市市容和环境卫生管理条例", "第十一条"), "山东省向经济发达镇放权指导目录", null);
  }

  public static Item roadOccupation() {
    return new Item("占用、挖掘城市道路审批", PowerKind.LICENSING, Mode.CONCENTRATED, "县住房和城乡建设局",
        new LegalBasis("城市道路管理条例", "第三十条"), "山东省向经济发达镇放权指导目录", null);
  }

  /** A power entrusted to the town (26 such powers in 磁窑镇). */
  public static Item advertisingInspection() {
    return new Item("户外广告设施设置的监督检查", PowerKind.INSPECTION, Mode.ENTRUSTED, "县综合行政执法局",
        new LegalBasis("城市市容和环境卫生管理条例", "第十一条"), "山东省向经济发达镇放权指导目录", null);
  }

  public static Item ruralPlanningPermit() {
    return new Item("乡村建设规划许可", PowerKind.LICENSING, Mode.ASSIGNED, "县自然资源和规划局",
        new LegalBasis("中华人民共和国城乡规划法", "第四十一条"), null, null);
  }

  public static Item hygieneLicence() {
    return new Item("公共场所卫生许可", PowerKind.LICENSING, Mode.ENTRUSTED, "县卫生健康局",
        new LegalBasis("公共场所卫生管理条例", "第八条"), null, null);
  }

  public static CatalogueRequest catalogue(String townshipCode, TownshipType type, Item... items) {
    return new CatalogueRequest("放权赋权事项目录", townshipCode, type, List.of(items), List.of());
  }

  /** An ordinary township's catalogue without concentrated licensing: legal review, then the county government. */
  public static CatalogueRequest countyCatalogue(String townshipCode) {
    return catalogue(townshipCode, TownshipType.TOWNSHIP, ruralPlanningPermit(), hygieneLicence());
  }

  // --- the engine ------------------------------------------------------------------------------------------------

  public CatalogueView create(String user, CatalogueRequest request) {
    return as(user, () -> catalogues.create(request, null, jurisdiction(user)).catalogue());
  }

  /** Created and its legal check run: the catalogue waits at its chain's first stage, or back at the county. */
  public CatalogueView submitted(String user, CatalogueRequest request) {
    CatalogueView c = create(user, request);
    runJobs(c.processInstanceId());
    return catalogues.view(c.id());
  }

  public CatalogueView view(String id) {
    return catalogues.view(id);
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

  /** Completes the instance's open task {@code key} as {@code user}, then runs the jobs that follow. */
  public void complete(String user, String processInstanceId, String key, Map<String, Object> variables) {
    Task task = task(processInstanceId, key);
    if (task == null) {
      throw new AssertionError("no open task " + key);
    }
    as(user, () -> {
      engine.getTaskService().complete(task.getId(), variables);
      return null;
    });
    runJobs(processInstanceId);
  }

  /** Submits the task's form as Tasklist does (its fields are the task's own variables). */
  public void submitForm(String user, String processInstanceId, String key, Map<String, Object> fields) {
    String taskId = task(processInstanceId, key).getId();
    as(user, () -> {
      engine.getFormService().submitTaskForm(taskId, fields);
      return null;
    });
    runJobs(processInstanceId);
  }

  public void approve(String user, String processInstanceId, String key) {
    complete(user, processInstanceId, key, Map.of("decision", "APPROVE", "opinion", "同意。"));
  }

  public <T> T as(String user, Supplier<T> work) {
    return EngineSteps.as(engine, user, USERS.getOrDefault(user, ""), work);
  }

}
