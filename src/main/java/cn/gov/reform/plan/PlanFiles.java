package cn.gov.reform.plan;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.engine.SystemAccess;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.RegionDirectory;

/**
 * When a plan's attachments (附件) may change, and by whom: its county's drafters, while the plan is theirs — back at
 * draftPlan (the files then go with the next submission), or right after a submission (the start, or 提交 at draftPlan)
 * until the chain's first stage takes it up by claiming or answering it, so a plan created over {@code /api} or the
 * start form can still carry its files as its first version. Afterwards the files are what the reviewers read.
 */
@Component
class PlanFiles {

  private final TaskService tasks;
  private final SystemAccess system;
  private final AuditTrail audit;
  private final RegionDirectory regions;

  PlanFiles(TaskService tasks, SystemAccess system, AuditTrail audit, RegionDirectory regions) {
    this.tasks = tasks;
    this.system = system;
    this.audit = audit;
    this.regions = regions;
  }

  boolean mayEdit(Plan plan, Jurisdiction caller) {
    if (plan.status().finished() || !caller.canDraftFor(plan.countyCode()) || plan.processInstanceId() == null) {
      return false;
    }
    List<Task> open = system.call(() -> tasks.createTaskQuery().processInstanceId(plan.processInstanceId()).listPage(0, 200));
    if (open.stream().anyMatch(t -> ProcessKeys.DRAFT_PLAN.equals(t.getTaskDefinitionKey()))) {
      return true;
    }
    boolean claimed = open.stream().anyMatch(t -> reviewStage(t.getTaskDefinitionKey()) && t.getAssignee() != null);
    return !claimed && !takenUpSinceSubmission(audit.timeline(ProcessKeys.PROCESS, plan.id()));
  }

  String rule(Plan plan) {
    String county = regions.county(plan.countyCode()).map(RegionDirectory.Region::name).orElse(plan.countyCode());
    return county + "的起草人员（drafter" + plan.countyCode() + "）在方案退回县里起草或修改时"
        + "（附件随下一次提交的版本），或提交后尚未开始审核时（尚未认领、尚未办理），可以添加和删除附件；已随某一版本提交的附件随该版存档";
  }

  /** A review stage answered (or operated on) the plan since its latest submission; a county's 催办 does not count. */
  private static boolean takenUpSinceSubmission(List<TimelineEntry> timeline) {
    for (int i = timeline.size() - 1; i >= 0; i--) {
      TimelineEntry e = timeline.get(i);
      if (reviewStage(e.stage()) && !"URGE".equals(e.decision())) {
        return true;
      }
      if ("planStarted".equals(e.stage()) || ProcessKeys.DRAFT_PLAN.equals(e.stage()) && "SUBMIT".equals(e.decision())) {
        return false;
      }
    }
    return false;
  }

  private static boolean reviewStage(String key) {
    return Stage.of(key).filter(s -> s != Stage.DRAFT).isPresent();
  }
}
