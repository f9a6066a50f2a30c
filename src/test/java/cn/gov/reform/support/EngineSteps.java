package cn.gov.reform.support;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/** What every procedure's tests do with the engine: run an instance's jobs, find its task, act as an official of a group. */
public final class EngineSteps {

  private EngineSteps() {}

  /** Each user (with {@code password}) in its group, unless the user exists. */
  public static void ensureUsers(ProcessEngine engine, java.util.Map<String, String> groupOfUser, String password) {
    IdentityService identity = engine.getIdentityService();
    groupOfUser.forEach((user, group) -> {
      if (identity.createUserQuery().userId(user).count() == 0) {
        org.camunda.bpm.engine.identity.User u = identity.newUser(user);
        u.setFirstName(user);
        u.setLastName("测试");
        u.setPassword(password);
        identity.saveUser(u);
        identity.createMembership(user, group);
      }
    });
  }

  /** Executes the instance's pending jobs (the job executor is off in tests), those they lead to as well. */
  public static void runJobs(ProcessEngine engine, String processInstanceId) {
    for (Job job = next(engine, processInstanceId); job != null; job = next(engine, processInstanceId)) {
      engine.getManagementService().executeJob(job.getId());
    }
  }

  private static Job next(ProcessEngine engine, String processInstanceId) {
    return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).executable().listPage(0, 1)
        .stream().findFirst().orElse(null);
  }

  public static Task task(ProcessEngine engine, String processInstanceId, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
  }

  /** Runs {@code work} as {@code user}, member of {@code group} (a role group) and of its province's tenant. */
  public static <T> T as(ProcessEngine engine, String user, String group, Supplier<T> work) {
    IdentityService identity = engine.getIdentityService();
    List<String> tenants = group.isEmpty() ? List.of() : List.of(group.substring(group.length() - 6, group.length() - 4) + "0000");
    identity.setAuthentication(user, List.of(group), tenants);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
