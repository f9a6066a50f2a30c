package cn.gov.reform.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.engine.SystemAccess;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.identity.Role;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.FieldError;

/**
 * A town's scores submitted over {@code /api}: checked field by field first (so the answer names {@code scores[2].score}),
 * then the town's open task completed as the caller with the same variables the Tasklist form submits — the task listener
 * stays the one place that stores them.
 */
@Component
class TownScoring {

  private final EvaluationService service;
  private final Validation validation;
  private final TaskService tasks;
  private final SystemAccess system;
  private final RegionDirectory regions;

  TownScoring(EvaluationService service, Validation validation, TaskService tasks, SystemAccess system, RegionDirectory regions) {
    this.service = service;
    this.validation = validation;
    this.tasks = tasks;
    this.system = system;
    this.regions = regions;
  }

  @Transactional
  void submit(String id, String townshipCode, EvaluationStage stage, ScoresRequest request, Jurisdiction caller,
      List<String> groups) {
    Evaluation e = service.visible(id, caller);
    EvaluatedTown town = service.towns(id).stream().filter(t -> t.townshipCode().equals(townshipCode)
        && caller.canSeeTownship(List.of(t.townshipCode()), t.countyCode(), t.cityCode(), t.provinceCode())).findFirst()
        .orElseThrow(() -> ApiException.notFound("镇不在评估中", townshipCode + " 不在该评估年度中或无权查看"));
    String region = stage == EvaluationStage.SELF_EVALUATION ? town.cityCode() : e.provinceCode();
    if (!Validation.has(groups, Role.REVIEWER, region)) {
      throw ApiException.forbidden(stage.label() + "由" + (stage == EvaluationStage.SELF_EVALUATION
          ? regions.city(region).map(RegionDirectory.Region::name).orElse(region) + "编办" : service.provinceName(region) + "编办")
          + "（reviewer" + region + "）办理");
    }
    List<FieldError> errors = new ArrayList<>(validation.errors(request));
    if (errors.isEmpty()) {
      errors.addAll(ScoreSheet.check(request.scores(), service.indicators(e), stage == EvaluationStage.SELF_EVALUATION));
    }
    if (!errors.isEmpty()) {
      throw new EvaluationInputException(errors);
    }
    if (!stage.taskKey().equals(town.stage()) || town.openTaskId() == null) {
      throw ApiException.conflict(town.townshipName() + "当前" + town.stageLabel() + "，不在“" + stage.label() + "”环节");
    }
    Task task = system.call(() -> tasks.createTaskQuery().taskId(town.openTaskId()).singleResult());
    if (task == null) {
      throw ApiException.conflict(town.townshipName() + "的“" + stage.label() + "”任务已办理");
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(caller.userId())) {
      throw ApiException.conflict("该任务已由 " + task.getAssignee() + " 认领，只有认领人可以办理");
    }
    String decision = stage == EvaluationStage.SELF_EVALUATION ? Decision.SUBMIT.name() : Decision.APPROVE.name();
    tasks.complete(task.getId(), EvaluationTaskListener.completion(decision, request.opinion(), ScoreSheet.text(request.scores())));
  }
}
