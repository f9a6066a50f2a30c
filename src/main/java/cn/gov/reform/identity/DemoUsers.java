package cn.gov.reform.identity;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo identities, one per role of 宁阳县/泰安市/山东省, 历城区/济南市, 农安县/长春市/吉林省 with its joint-review
 * departments and 通渭县/定西市 (with the counties' justice bureaus and governments), password {@value #PASSWORD} (it
 * satisfies the password policy). Created once, on an empty database, in the default and postgres profiles only, before
 * any procedure's demo items ({@link #FIRST}); {@link #as}, {@link #complete} and {@link #runPendingJob} let those be
 * created and carried as the users who would.
 */
@Component
@Order(DemoUsers.FIRST)
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
public class DemoUsers implements ApplicationRunner {

  /** Runner order: demo users first, then each procedure's demo items (order {@code FIRST + 1}). */
  public static final int FIRST = 100;
  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);
  public static final String PASSWORD = "Demo-pass-2026";

  public record DemoUser(String id, String first, String last, String group) {}

  public static final List<DemoUser> USERS = List.of(
      new DemoUser("ningyang", "宁阳县", "起草员", "drafter370921"),
      new DemoUser("taian", "泰安市编办", "审核员", "reviewer370900"),
      new DemoUser("taian2", "泰安市编办", "审核员二", "reviewer370900"),
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
      new DemoUser("dingxiapprover", "定西市委", "审批人", "approver621100"),
      new DemoUser("ningyanglegal", "宁阳县司法局", "审查员", "legal370921"),
      new DemoUser("ningyanggov", "宁阳县政府", "审批人", "countygov370921"),
      new DemoUser("tongweilegal", "通渭县司法局", "审查员", "legal621121"),
      new DemoUser("tongweigov", "通渭县政府", "审批人", "countygov621121"),
      // duty access and assessment items (职责准入与考核事项): county departments and township party committees
      new DemoUser("ningyangdept", "宁阳县住房和城乡建设局", "申报人", "countydept370921"),
      new DemoUser("ciyao", "磁窑镇党委", "办理人", "township370921109"),
      new DemoUser("huafeng", "华丰镇党委", "办理人", "township370921110"),
      new DemoUser("tongweidept", "通渭县农业农村局", "申报人", "countydept621121"),
      new DemoUser("pingxiang", "平襄镇党委", "办理人", "township621121100"),
      new DemoUser("maying", "马营镇党委", "办理人", "township621121101"),
      // key-task supervision (重点任务督查)
      new DemoUser("jinansupervisor", "济南市", "督查员", "supervisor370100"),
      new DemoUser("tongweisupervisor", "通渭县", "督查员", "supervisor621121"),
      // secondments (借调): requesting bodies and the county organisation and human-resources departments
      new DemoUser("ningyangrequester", "宁阳县发展改革局", "借调申请人", "requester370921"),
      new DemoUser("ningyangorg", "宁阳县委组织部", "审批人", "orgdept370921"),
      new DemoUser("tongweirequester", "通渭县农业农村局", "借调申请人", "requester621121"),
      new DemoUser("tongweiorg", "通渭县委组织部", "审批人", "orgdept621121"),
      new DemoUser("tongweihr", "通渭县人社局", "审批人", "hrdept621121"),
      // developed-town evaluation (经济发达镇): the cities' 编办 and 泰安市政府
      // developed towns' annual evaluation (经济发达镇年度评估): the city 编办 of each of Jilin's first five towns self-evaluates it
      new DemoUser("changchunbb", "长春市编办", "评估员", "reviewer220100"),
      new DemoUser("baichengbb", "白城市编办", "评估员", "reviewer220800"),
      new DemoUser("yanbianbb", "延边州编办", "评估员", "reviewer222400"),
      new DemoUser("tonghuabb", "通化市编办", "评估员", "reviewer220500"),
      new DemoUser("liaoyuanbb", "辽源市编办", "评估员", "reviewer220400"),
      new DemoUser("taianzf", "泰安市政府", "申报人", "submitter370900"));

  private final IdentityService identity;
  private final TaskService tasks;
  private final ManagementService management;
  private final RoleGroups roleGroups;
  private final org.springframework.beans.factory.ObjectProvider<DemoItems> items;
  private boolean createdNow;

  DemoUsers(IdentityService identity, TaskService tasks, ManagementService management, RoleGroups roleGroups,
      org.springframework.beans.factory.ObjectProvider<DemoItems> items) {
    this.roleGroups = roleGroups;
    this.items = items;
    this.identity = identity;
    this.tasks = tasks;
    this.management = management;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identity.createUserQuery().userId(USERS.get(0).id()).count() > 0) {
      return;
    }
    for (DemoUser u : USERS) {
      User user = identity.newUser(u.id());
      user.setFirstName(u.first());
      user.setLastName(u.last());
      user.setPassword(PASSWORD);
      user.setEmail(u.id() + "@example.gov.cn");
      identity.saveUser(user);
      roleGroups.ensure(u.group());
      identity.createMembership(u.id(), u.group());
    }
    createdNow = true;
    LOG.info("Demo data: {} users (password '{}')", USERS.size(), PASSWORD);
    createItems();
  }

  /**
   * Every procedure's demo items at once, one thread each: on two cores the first PDF of the catalogues' 批复 (loading
   * PDFBox and POI) no longer waits for the sample plans. A failure stops the start as it would have in sequence.
   */
  private void createItems() {
    java.util.Map<Integer, List<DemoItems>> stages = new java.util.TreeMap<>(items.orderedStream()
        .collect(java.util.stream.Collectors.groupingBy(DemoItems::stage)));
    for (List<DemoItems> stage : stages.values()) {
      List<java.util.concurrent.CompletableFuture<Void>> running = new java.util.ArrayList<>();
      java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(stage.size(),
          r -> new Thread(r, "demo-data"));
      try {
        for (DemoItems item : stage) {
          running.add(java.util.concurrent.CompletableFuture.runAsync(item::create, threads));
        }
        java.util.concurrent.CompletableFuture.allOf(running.toArray(java.util.concurrent.CompletableFuture[]::new)).join();
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      } finally {
        threads.shutdown();
      }
    }
  }

  /** True on the first start of an empty database: the procedures add their demo items then, and only then. */
  public boolean createdNow() {
    return createdNow;
  }

  /** Runs {@code work} as the user, with their groups and tenants, as their own request would. */
  public <T> T as(String user, Supplier<T> work) {
    List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).listPage(0, 50).stream()
        .map(t -> t.getId()).toList();
    identity.setAuthentication(user, groupsOf(user), tenants);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Runs the instance's pending async step (a submission's check) now; the job executor may be quicker, which is fine too. */
  public void runPendingJob(String processInstanceId) {
    for (int attempt = 0; attempt < 100; attempt++) {
      Job job = management.createJobQuery().processInstanceId(processInstanceId).messages().singleResult();
      if (job == null) {
        return;
      }
      try {
        management.executeJob(job.getId());
        return;
      } catch (OptimisticLockingException | NullValueException taken) {
        Thread.onSpinWait();
      }
    }
  }

  /** The user claims and completes the instance's open task {@code taskKey}; false when the instance is not there. */
  public boolean complete(String user, String processInstanceId, String taskKey, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      LOG.warn("demo item of instance {} is not at {}", processInstanceId, taskKey);
      return false;
    }
    as(user, () -> {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), variables);
      return null;
    });
    return true;
  }

  public List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).listPage(0, 200).stream().map(g -> g.getId()).toList();
  }
}
