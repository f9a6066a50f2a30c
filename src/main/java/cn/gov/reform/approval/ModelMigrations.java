package cn.gov.reform.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.audit.AuditTrail;

/**
 * Moving the running instances of a procedure's older model versions onto its latest version with the engine's
 * migration API (README "Changing a model"): the mapping is in code — every activity to the activity of the same id
 * ({@code mapEqualActivities}), timers and other event triggers re-created from the new model ({@code updateEventTrigger}),
 * plus the renamed activities a procedure declares ({@link Renamed}) — and each migrated instance gets a 模型升级 step
 * in its timeline. An administrator runs it ({@code /api/admin/model-migrations/{processKey}}) after deploying a model
 * whose change must reach the items already under way; without it every instance finishes on the version it started
 * on, with that version's forms ({@code formRefBinding="deployment"}).
 */
@Service
public class ModelMigrations {

  private static final Logger LOG = LoggerFactory.getLogger(ModelMigrations.class);

  /** Activities a procedure renamed between two of its versions: old id → new id, for the versions it names. */
  public interface Renamed {
    String processKey();

    Map<String, String> activities(int fromVersion, int toVersion);
  }

  /** One older version: its running instances and, after a run, how many moved; why not, if they could not. */
  @Schema(description = "一个旧版本的流程定义及其进行中的事项")
  public record Source(
      @Schema(description = "旧版本流程定义 id") String definitionId,
      @Schema(description = "版本号", example = "1") int version,
      @Schema(description = "版本标签", example = "2.0", nullable = true) String versionTag,
      @Schema(description = "该版本上进行中的事项数", example = "12") long instances,
      @Schema(description = "本次迁移的事项数（预检时为 0）", example = "12") long migrated,
      @Schema(description = "不能迁移的原因（环节对应关系校验不通过等）；为空表示可以迁移") List<String> problems) {}

  /** What a dry run finds or a run did, towards the latest version. */
  @Schema(description = "模型升级的预检或执行结果")
  public record Report(
      @Schema(description = "流程定义 key", example = "reformPlanApproval") String processKey,
      @Schema(description = "最新版本流程定义 id（迁移目标）") String targetDefinitionId,
      @Schema(description = "最新版本号", example = "2") int targetVersion,
      @Schema(description = "最新版本标签", example = "2.1", nullable = true) String targetVersionTag,
      @Schema(description = "是否已执行迁移（false 为预检）", example = "false") boolean executed,
      @Schema(description = "各旧版本") List<Source> sources) {}

  private final ProcessEngine engine;
  private final List<Renamed> renamed;
  private final AuditTrail audit;

  ModelMigrations(ProcessEngine engine, List<Renamed> renamed, AuditTrail audit) {
    this.engine = engine;
    this.renamed = List.copyOf(renamed);
    this.audit = audit;
  }

  /** Without {@code execute} a dry run: the plan validated against each older version and the instances that would move. */
  public Report migrate(String processKey, boolean execute, String actor) {
    var repository = engine.getRepositoryService();
    RuntimeService runtime = engine.getRuntimeService();
    ProcessDefinition target = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
        .withoutTenantId().singleResult();
    if (target == null) {
      return null;
    }
    List<Source> sources = new ArrayList<>();
    for (ProcessDefinition source : repository.createProcessDefinitionQuery().processDefinitionKey(processKey).withoutTenantId()
        .orderByProcessDefinitionVersion().asc().listPage(0, 1000)) {
      if (source.getVersion() >= target.getVersion()) {
        continue;
      }
      long instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
      if (instances == 0) {
        continue;
      }
      List<String> problems = new ArrayList<>();
      long migrated = 0;
      try {
        MigrationPlan plan = plan(source, target);
        if (execute) {
          List<ProcessInstance> moving = runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
              .listPage(0, (int) Math.min(instances, 2000));
          List<String> ids = moving.stream().map(ProcessInstance::getId).toList();
          List<WaitingTimer> timers = timers(ids);
          runtime.newMigration(plan).processInstanceIds(ids).execute();
          restoreTaskTimers(timers, target);
          for (ProcessInstance pi : moving) {
            audit.record(processKey, pi.getBusinessKey(), actor, AuditTrail.Step.of("modelMigration", "模型升级", "MIGRATED")
                .opinion("审批流程由第" + source.getVersion() + "版" + tag(source) + "升级为第" + target.getVersion() + "版"
                    + tag(target) + "，办理进度和期限不变"));
          }
          migrated = moving.size();
          LOG.info("{}: {} instances migrated from version {} to {} by {}", processKey, migrated, source.getVersion(),
              target.getVersion(), actor);
        }
      } catch (MigrationPlanValidationException e) {
        e.getValidationReport().getInstructionReports().forEach(r -> problems.add(describe(r)));
        if (problems.isEmpty()) {
          problems.add(e.getMessage());
        }
      } catch (MigratingProcessInstanceValidationException e) {
        problems.add("流程实例 " + e.getValidationReport().getProcessInstanceId() + " 无法迁移：" + e.getMessage());
      }
      sources.add(new Source(source.getId(), source.getVersion(), source.getVersionTag(), instances, migrated, problems));
    }
    return new Report(processKey, target.getId(), target.getVersion(), target.getVersionTag(), execute, sources);
  }

  /** A timer of a waiting instance before the migration: where it waits, what it is, when it is due. */
  private record WaitingTimer(String processInstanceId, String executionId, String activityId, String jobType, String configuration,
      String handlerConfiguration, java.util.Date due, int retries) {}

  private List<WaitingTimer> timers(List<String> processInstanceIds) {
    var management = engine.getManagementService();
    List<WaitingTimer> timers = new ArrayList<>();
    for (String pi : processInstanceIds) {
      for (org.camunda.bpm.engine.runtime.Job job : management.createJobQuery().processInstanceId(pi).timers().listPage(0, 100)) {
        var definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
        String handler = cn.gov.reform.engine.SystemAccess.call(engine,
            ctx -> ctx.getJobManager().findJobById(job.getId()).getJobHandlerConfigurationRaw());
        if (definition != null) {
          timers.add(new WaitingTimer(pi, job.getExecutionId(), definition.getActivityId(), definition.getJobType(),
              definition.getJobConfiguration(), handler, job.getDuedate(), job.getRetries()));
        }
      }
    }
    return timers;
  }

  /**
   * The engine's migration (7.24) drops the timers of timeout task listeners (a stage's reminder and escalation) instead
   * of moving them: each one that is gone is made again for the same task's execution, with the same handler (activity
   * and listener, which the new version keeps), the new version's job definition of that timer, due when it was due —
   * so a stage's deadline does not start over with the upgrade.
   */
  private void restoreTaskTimers(List<WaitingTimer> before, ProcessDefinition target) {
    var management = engine.getManagementService();
    for (WaitingTimer t : before) {
      if (!org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler.TYPE.equals(t.jobType())) {
        continue;
      }
      boolean kept = management.createJobQuery().processInstanceId(t.processInstanceId()).timers().listPage(0, 100).stream()
          .anyMatch(j -> t.executionId().equals(j.getExecutionId()) && t.due().equals(j.getDuedate()));
      // the new version's job definition of the same timer: its configuration names the timer ("DATE: ${…}")
      var definition = management.createJobDefinitionQuery().processDefinitionId(target.getId()).activityIdIn(t.activityId())
          .jobType(t.jobType()).listPage(0, 20).stream().filter(d -> java.util.Objects.equals(d.getJobConfiguration(), t.configuration()))
          .findFirst().orElse(null);
      if (kept) {
        continue;
      }
      if (definition == null) {
        LOG.warn("{}: the timer {} of {} is not in version {}; not restored", target.getKey(), t.configuration(), t.activityId(),
            target.getVersion());
        continue;
      }
      cn.gov.reform.engine.SystemAccess.call(engine, ctx -> {
        var execution = ctx.getExecutionManager().findExecutionById(t.executionId());
        if (execution == null) {
          return null;
        }
        var timer = new org.camunda.bpm.engine.impl.persistence.entity.TimerEntity();
        timer.setJobHandlerType(t.jobType());
        timer.setJobHandlerConfigurationRaw(t.handlerConfiguration());
        timer.setJobDefinitionId(definition.getId());
        timer.setDeploymentId(target.getDeploymentId());
        timer.setExecution(execution);
        timer.setRetries(t.retries());
        timer.setDuedate(t.due());
        ctx.getJobManager().schedule(timer);
        return null;
      });
    }
  }

  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
    MigrationPlanBuilder builder = engine.getRuntimeService().createMigrationPlan(source.getId(), target.getId())
        .mapEqualActivities().updateEventTriggers();
    for (Renamed r : renamed) {
      if (r.processKey().equals(source.getKey())) {
        r.activities(source.getVersion(), target.getVersion()).forEach((from, to) -> builder.mapActivities(from, to).updateEventTrigger());
      }
    }
    return builder.build();
  }

  private static String tag(ProcessDefinition d) {
    return d.getVersionTag() == null ? "" : "（" + d.getVersionTag() + "）";
  }

  private static String describe(MigrationInstructionValidationReport r) {
    return "环节 " + r.getMigrationInstruction().getSourceActivityId() + " → " + r.getMigrationInstruction().getTargetActivityId()
        + "：" + String.join("；", r.getFailures());
  }
}
