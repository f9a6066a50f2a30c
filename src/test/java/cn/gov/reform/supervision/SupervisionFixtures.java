package cn.gov.reform.supervision;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.gov.reform.identity.IdentitySeeder;
import cn.gov.reform.identity.RoleGroups;
import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.EngineSteps;

/**
 * Officials of the supervision's roles in the seeds' regions: supervisors of 山东省, 济南市 and 通渭县; responsible units of
 * 济南市 and its counties; a township of 通渭县; officials of other regions for isolation. The suite shares one database:
 * every test launches for a region of its own (one running campaign per list and region).
 */
// not in an app started with its demo data (FirstStartIT): these users would stand in for the demo users
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "app.demo-data", havingValue = "false", matchIfMissing = true)
@Component
public class SupervisionFixtures {

  public static final String PASSWORD = PlanFixtures.PASSWORD;

  public static final Map<String, String> USERS = Map.ofEntries(
      Map.entry("shandongsupervisor", "supervisor370000"), Map.entry("jinansupervisor", "supervisor370100"),
      Map.entry("tongweisupervisor", "supervisor621121"), Map.entry("lichengsupervisor", "supervisor370112"),
      Map.entry("lichengunit", "unitdwzf370112"), Map.entry("pingyinunit", "unitdwzf370124"),
      Map.entry("shanghe", "unitdwzf370126"), Map.entry("changqing", "unitdwzf370113"),
      Map.entry("jinanbb", "unitbb370100"), Map.entry("pingxiang", "township621121100"),
      Map.entry("tongweizgb", "unitzgb621121"), Map.entry("taian", "reviewer370900"), Map.entry("jilin", "reviewer220000"),
      Map.entry("ningyang", "drafter370921"));

  private final ProcessEngine engine;
  private final RoleGroups roleGroups;
  private volatile boolean ready;

  public SupervisionFixtures(ProcessEngine engine, RoleGroups roleGroups, IdentitySeeder groupsFirst) {
    this.engine = engine;
    this.roleGroups = roleGroups;
  }

  /**
   * The officials and their on-demand groups, written when a supervision test first needs them (not when the suite's
   * shared context starts: other suites count the seeded groups).
   */
  public synchronized void ensureUsers() {
    if (ready) {
      return;
    }
    Map.of("supervisor370100", "", "supervisor621121", "", "supervisor370112", "", "township621121100", "")
        .keySet().forEach(roleGroups::ensure);
    Map.of("unitdwzf370112", "济南市历城区党委、政府（督查责任单位）", "unitdwzf370124", "济南市平阴县党委、政府（督查责任单位）",
        "unitdwzf370126", "济南市商河县党委、政府（督查责任单位）", "unitdwzf370113", "济南市长清区党委、政府（督查责任单位）",
        "unitbb370100", "济南市编办（督查责任单位）", "unitzgb621121", "定西市通渭县政管办（督查责任单位）")
        .forEach(roleGroups::ensure);
    EngineSteps.ensureUsers(engine, USERS, PASSWORD);
    ready = true;
  }

  /** The open task of a piece of work (its business key), if any. */
  public Task task(String workId, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(workId).taskDefinitionKey(key).singleResult();
  }

  /** Completes the work's open task {@code key} as {@code user} of {@code group}, as Tasklist would. */
  public void complete(String workId, String key, String user, String group, Map<String, Object> variables) {
    Task t = task(workId, key);
    EngineSteps.as(engine, user, group, () -> {
      engine.getTaskService().claim(t.getId(), user);
      engine.getTaskService().complete(t.getId(), variables);
      return null;
    });
  }

  /** Executes the due timer jobs of the given process instances (the job executor is off in tests). */
  public int runDueJobs(List<String> processInstanceIds) {
    int ran = 0;
    for (String pi : processInstanceIds) {
      for (Job job = next(pi); job != null; job = next(pi)) {
        engine.getManagementService().executeJob(job.getId());
        ran++;
      }
    }
    return ran;
  }

  private Job next(String processInstanceId) {
    return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).executable().listPage(0, 1)
        .stream().findFirst().orElse(null);
  }
}
