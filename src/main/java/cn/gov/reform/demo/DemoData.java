package cn.gov.reform.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.plan.PlanRepository;
import cn.gov.reform.plan.PlanRequest;
import cn.gov.reform.plan.PlanService;
import cn.gov.reform.plan.PlanView;

/**
 * Demo identities (one per role of 宁阳县/泰安市/山东省, 历城区/济南市, 农安县/长春市/吉林省 with its joint-review
 * departments and 通渭县/定西市, password {@code Demo-pass-2026}, which satisfies the password policy) and a few
 * sample plans from the seed documents waiting at different stages, so Tasklist is not empty on first
 * login. Runs once, on an empty database, in the default and postgres profiles only.
 */
@Component
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  static final String PASSWORD = "Demo-pass-2026";

  record DemoUser(String id, String first, String last, String group) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("ningyang", "宁阳县", "起草员", "drafter370921"),
      new DemoUser("taian", "泰安市编办", "审核员", "reviewer370900"),
      new DemoUser("taianapprover", "泰安市委市政府", "审批人", "approver370900"),
      new DemoUser("shandong", "山东省编办", "备案员", "filer370000"),
      new DemoUser("shandongapprover", "山东省政府", "审批人", "approver370000"),
      new DemoUser("shandongsupervisor", "山东省", "督办员", "supervisor370000"),
      new DemoUser("licheng", "历城区", "起草员", "drafter370112"),
      new DemoUser("jinan", "济南市编办", "审核员", "reviewer370100"),
      new DemoUser("jinanapprover", "济南市委市政府", "审批人", "approver370100"),
      new DemoUser("nongan", "农安县", "起草员", "drafter220122"),
      new DemoUser("changchun", "长春市政府", "申报人", "submitter220100"),
      new DemoUser("jilin", "吉林省编办", "审核员", "reviewer220000"),
      new DemoUser("jilinfgw", "吉林省发展改革委", "会审员", "deptfgw220000"),
      new DemoUser("jilinczt", "吉林省财政厅", "会审员", "deptczt220000"),
      new DemoUser("jilinrst", "吉林省人力资源社会保障厅", "会审员", "deptrst220000"),
      new DemoUser("jilinmzt", "吉林省民政厅", "会审员", "deptmzt220000"),
      new DemoUser("jilinapprover", "吉林省政府", "审批人", "approver220000"),
      new DemoUser("tongwei", "通渭县", "起草员", "drafter621121"),
      new DemoUser("dingxiapprover", "定西市委", "审批人", "approver621100"));

  private final IdentityService identity;
  private final PlanService plans;
  private final PlanRepository repository;
  private final TaskService tasks;
  private final ManagementService management;

  DemoData(IdentityService identity, PlanService plans, PlanRepository repository, TaskService tasks,
      ManagementService management) {
    this.identity = identity;
    this.plans = plans;
    this.repository = repository;
    this.tasks = tasks;
    this.management = management;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identity.createUserQuery().userId("ningyang").count() > 0) {
      return;
    }
    for (DemoUser u : USERS) {
      User user = identity.newUser(u.id());
      user.setFirstName(u.first());
      user.setLastName(u.last());
      user.setPassword(PASSWORD);
      user.setEmail(u.id() + "@example.gov.cn");
      identity.saveUser(user);
      identity.createMembership(u.id(), u.group());
    }
    // 磁窑镇 as an ordinary township plan: 8 bodies and 6 institutions break 鲁厅字〔2018〕33号 三(一) → back at draftPlan
    start("ningyang", "关于深化磁窑镇行政管理体制改革方案（乡镇方案稿）", "370921", List.of(
        township("370921109", "磁窑镇", List.of("党政办公室", "党群工作办公室", "经济发展办公室", "规划建设和生态环境办公室",
            "社会事务办公室", "应急管理办公室", "便民服务局", "综合行政执法局"),
            List.of("农业综合服务中心", "财经服务中心", "公共文化服务中心", "民生发展服务中心", "招商投资促进中心", "资产资源运营中心"),
            50, 178)));
    // 东庄镇's deadline was yesterday: the job executor flags it overdue and opens 督办 for shandongsupervisor
    String east = start("ningyang", PlanRequest.PlanType.TOWNSHIP, "宁阳县东庄镇行政管理体制改革方案", "370921",
        List.of(compliant("370921112", "东庄镇")), LocalDate.now(WorkingDayCalendar.ZONE).minusDays(1));
    String gecun = start("ningyang", "宁阳县葛石镇行政管理体制改革方案", "370921", List.of(compliant("370921111", "葛石镇")));
    advance(gecun, "taian", "cityReview", Map.of("decision", "APPROVE", "opinion", "机构设置符合鲁厅字〔2018〕33号要求，同意报批。"));
    String wenmiao = start("ningyang", "宁阳县文庙街道、八仙桥街道行政管理体制改革方案", "370921",
        List.of(compliant("370921001", "文庙街道"), compliant("370921002", "八仙桥街道")));
    advance(wenmiao, "taian", "cityReview", Map.of("decision", "APPROVE", "opinion", "同意。"));
    advance(wenmiao, "taianapprover", "cityApproval", Map.of("decision", "APPROVE", "opinion", "经市委、市政府研究，同意该方案。"));
    start("licheng", "历城区山大路街道行政管理体制改革方案", "370112", List.of(compliant("370112001", "山大路街道")));
    // 吉林: a developed town at the joint review of the provincial 编办 and its departments
    String nongan = start("nongan", PlanRequest.PlanType.DEVELOPED_TOWN, "农安县农安镇经济发达镇行政管理体制改革方案", "220122", List.of(
        new PlanRequest.Township("220122100", "农安镇", PlanRequest.Kind.TOWN, null, 60_000L,
            units("党政综合办公室", "经济发展办公室", "社会事务办公室", "综合行政执法局"), units("便民服务中心", "农业综合服务中心", "财经服务中心"),
            30, 40, 9, 9)));
    advance(nongan, "changchun", "citySubmission", Map.of("decision", "APPROVE", "opinion", "经市政府研究，同意申报。"));
    // 甘肃: a class-1 township of 通渭县 waiting for the city party committee
    start("tongwei", PlanRequest.PlanType.TOWNSHIP, "通渭县平襄镇机构设置方案", "621121", List.of(
        new PlanRequest.Township("621121100", "平襄镇", PlanRequest.Kind.TOWN, 1, null,
            units("党政综合办公室", "党建工作办公室", "经济发展办公室", "社会事务办公室", "综合行政执法办公室"),
            units("便民服务中心", "农业综合服务中心", "财经服务中心", "公共文化服务中心"), 25, 30, 8, 9)));
    LOG.info("Demo data: {} users (password '{}') and 7 sample plans; {} waits at cityReview", USERS.size(), PASSWORD, east);
  }

  private String start(String drafter, String title, String county, List<PlanRequest.Township> townships) {
    return start(drafter, PlanRequest.PlanType.TOWNSHIP, title, county, townships);
  }

  private String start(String drafter, PlanRequest.PlanType type, String title, String county,
      List<PlanRequest.Township> townships) {
    return start(drafter, type, title, county, townships, null);
  }

  private String start(String drafter, PlanRequest.PlanType type, String title, String county,
      List<PlanRequest.Township> townships, LocalDate deadline) {
    Jurisdiction who = Jurisdiction.of(drafter, groupsOf(drafter));
    PlanView plan = as(drafter, () -> plans.create(new PlanRequest(title, type, county, deadline, townships), null, who).plan());
    validate(plan.processInstanceId());
    return plan.id();
  }

  /** Runs the async validation now; the job executor may be quicker, which is fine too. */
  private void validate(String processInstanceId) {
    for (int attempt = 0; attempt < 100; attempt++) {
      Job job = management.createJobQuery().processInstanceId(processInstanceId).messages().singleResult();
      if (job == null) {
        return;
      }
      try {
        management.executeJob(job.getId());
        return;
      } catch (OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException taken) {
        Thread.onSpinWait();
      }
    }
  }

  private void advance(String planId, String user, String taskKey, Map<String, Object> vars) {
    String pi = repository.find(planId).orElseThrow().processInstanceId();
    Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      LOG.warn("demo plan {} is not at {}", planId, taskKey);
      return;
    }
    as(user, () -> {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), vars);
      return null;
    });
  }

  private <T> T as(String user, java.util.function.Supplier<T> work) {
    List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
        .map(t -> t.getId()).toList();
    identity.setAuthentication(user, groupsOf(user), tenants);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
  }

  /** Units of 5 staff each (at most 25 administrative / 40 institutional staff in the samples above). */
  private static List<PlanRequest.Unit> units(String... names) {
    return java.util.Arrays.stream(names).map(n -> new PlanRequest.Unit(n, 5)).toList();
  }

  private static PlanRequest.Township compliant(String code, String name) {
    boolean street = name.endsWith("街道");
    return township(code, name,
        street ? List.of("党政综合办公室", "党建工作办公室", "社会事务办公室", "社会治理办公室（应急管理办公室）", "综合行政执法办公室")
            : List.of("党政综合办公室", "党建工作办公室", "经济发展办公室", "社会事务办公室", "社会治理办公室", "综合行政执法办公室"),
        List.of("便民服务中心", "农业综合服务中心", "财经服务中心", "公共文化服务中心"), 40, 60);
  }

  private static PlanRequest.Township township(String code, String name, List<String> bodies, List<String> institutions,
      int administrative, int institutional) {
    PlanRequest.Kind kind = name.endsWith("街道") ? PlanRequest.Kind.STREET : PlanRequest.Kind.TOWN;
    int bodyStaff = Math.max(1, administrative / bodies.size());
    int institutionStaff = Math.max(1, institutional / institutions.size());
    return new PlanRequest.Township(code, name, kind, null, null,
        bodies.stream().map(b -> new PlanRequest.Unit(b, bodyStaff)).toList(),
        institutions.stream().map(i -> new PlanRequest.Unit(i, institutionStaff)).toList(),
        administrative, institutional, 9, 9);
  }
}
