package cn.gov.reform.duty;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.CitedDocument;
import cn.gov.reform.identity.IdentitySeeder;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.ProvinceTenants;
import cn.gov.reform.identity.Role;
import cn.gov.reform.identity.RoleGroups;
import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.EngineSteps;

/**
 * Officials of duty access in the seeds' regions (宁阳县 of 泰安市, 新泰市 for isolation; 通渭县 of 定西市) and requests built
 * as a county department would write them. Township officials are made per township ({@link #township}). The suite shares
 * one database: every test takes townships of its own.
 */
// not in an app started with its demo data (FirstStartIT): these users would stand in for the demo users
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "app.demo-data", havingValue = "false", matchIfMissing = true)
@Component
public class DutyFixtures {

  public static final String PASSWORD = PlanFixtures.PASSWORD;

  public static final Map<String, String> USERS = Map.ofEntries(
      Map.entry("ningyangdept", "countydept370921"), Map.entry("ningyanggov", "countygov370921"),
      Map.entry("xintaidept", "countydept370982"), Map.entry("xintaigov", "countygov370982"),
      Map.entry("ningyang", "drafter370921"), Map.entry("taian", "reviewer370900"), Map.entry("shandongapprover", "approver370000"),
      Map.entry("tongweidept", "countydept621121"), Map.entry("tongweigov", "countygov621121"),
      Map.entry("dingxiapprover", "approver621100"), Map.entry("gansuapprover", "approver620000"),
      Map.entry("ciyao", "township370921109"), Map.entry("huafeng", "township370921110"),
      Map.entry("pingxiang", "township621121100"), Map.entry("maying", "township621121101"));

  private final ProcessEngine engine;
  private final DutyService duties;
  private final RoleGroups groups;

  public DutyFixtures(ProcessEngine engine, DutyService duties, RoleGroups groups, IdentitySeeder groupsFirst) {
    this.engine = engine;
    this.duties = duties;
    this.groups = groups;
    USERS.values().forEach(groups::ensure);
    EngineSteps.ensureUsers(engine, USERS, PASSWORD);
  }

  /** A township's official (user {@code t<code>}, group {@code township<code>}), made when first asked for. */
  public String township(String code) {
    String group = Role.TOWNSHIP.group(code);
    groups.ensure(group);
    EngineSteps.ensureUsers(engine, Map.of("t" + code, group), PASSWORD);
    return "t" + code;
  }

  /** A request with every element the documents ask for, no banned form. */
  public static DutyRequest request(String countyCode, String department, String... townships) {
    return new DutyRequest("农村危房改造摸底排查", countyCode, department, List.of(townships), "2027年6月底前完成农村危房摸底排查",
        "逐户排查农村住房安全状况，建立危房台账", "入户排查、登记和初步认定；鉴定由县住建局负责", "县住建局制定标准、组织鉴定；乡镇组织入户排查",
        LocalDate.of(2030, 6, 30), "县住建局派2名技术人员驻镇指导", "县财政安排工作经费每镇3万元", "开展业务培训2次", List.of(), null);
  }

  public static DutyRequest ningyang(String... townships) {
    return request("370921", "宁阳县住房和城乡建设局", townships);
  }

  public static DutyRequest tongwei(String... townships) {
    return request("621121", "通渭县农业农村局", townships);
  }

  /** The request with an acceptance check (考核验收) citing a central document. */
  public static DutyRequest withAcceptanceCheck(DutyRequest r, CitedDocument basis) {
    return new DutyRequest(r.title(), r.countyCode(), r.department(), r.townshipCodes(), r.goal(), r.content(), r.authority(),
        r.division(), r.deadline(), r.staff(), r.funds(), r.training(), List.of(DutyRequest.ShiftedForm.ACCEPTANCE_CHECK), basis);
  }

  public static CitedDocument centralDocument() {
    return new CitedDocument("农村人居环境整治三年行动方案", "中办发〔2018〕5号", CitedDocument.Issuer.CENTRAL);
  }

  // --- the engine ------------------------------------------------------------------------------------------------

  public DutyView create(String user, DutyRequest request) {
    return as(user, () -> duties.create(request, null, jurisdiction(user)).duty());
  }

  public DutyView view(String id) {
    return duties.view(id);
  }

  public Jurisdiction jurisdiction(String user) {
    return Jurisdiction.of(user, List.of(groupOf(user)));
  }

  private String groupOf(String user) {
    return USERS.getOrDefault(user, user.matches("t[0-9]{9}") ? Role.TOWNSHIP.group(user.substring(1)) : "");
  }

  public void runJobs(String processInstanceId) {
    EngineSteps.runJobs(engine, processInstanceId);
  }

  public Task task(String processInstanceId, String key) {
    return EngineSteps.task(engine, processInstanceId, key);
  }

  /** The township's open opinion task of the instance. */
  public Task opinionTask(String processInstanceId, String townshipCode) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(DutyKeys.TOWNSHIP_OPINION)
        .taskCandidateGroup(Role.TOWNSHIP.group(townshipCode)).singleResult();
  }

  public List<Task> opinionTasks(String processInstanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(DutyKeys.TOWNSHIP_OPINION)
        .listPage(0, 200);
  }

  /** The township's official answers: APPROVE (无异议) or REJECT (有异议) with the text. */
  public void opinion(String processInstanceId, String townshipCode, String decision, String text) {
    Task task = opinionTask(processInstanceId, townshipCode);
    if (task == null) {
      throw new AssertionError("no opinion task of " + townshipCode);
    }
    String user = township(townshipCode);
    java.util.Map<String, Object> vars = new java.util.HashMap<>();
    vars.put("decision", decision);
    vars.put("opinion", text);
    as(user, () -> {
      engine.getTaskService().complete(task.getId(), vars);
      return null;
    });
  }

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
  }

  /** Runs {@code work} as {@code user} with their group and its province's tenant. */
  public <T> T as(String user, Supplier<T> work) {
    String group = groupOf(user);
    IdentityService identity = engine.getIdentityService();
    List<String> tenants = Role.parse(group).map(m -> List.of(ProvinceTenants.of(m.regionCode()))).orElse(List.of());
    identity.setAuthentication(user, Arrays.asList(group), tenants);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
