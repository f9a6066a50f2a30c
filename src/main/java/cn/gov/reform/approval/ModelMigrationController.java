package cn.gov.reform.approval;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.ProblemResponses;

/** Model versions for administrators: what a migration to the latest version would do, and doing it. */
@RestController
@Tag(name = "模型升级", description = "把进行中的审批事项迁移到最新版本的审批流程（README “Changing a model”）")
class ModelMigrationController {

  private final ModelMigrations migrations;
  private final CurrentCaller caller;

  ModelMigrationController(ModelMigrations migrations, CurrentCaller caller) {
    this.migrations = migrations;
    this.caller = caller;
  }

  @Operation(operationId = "planModelMigration", summary = "预检模型升级", description = "列出该审批流程各旧版本上进行中的事项数，"
      + "以及迁移到最新版本的方案能否通过校验（不迁移）。仅系统管理员。")
  @ApiResponse(responseCode = "200", description = "预检结果")
  @ProblemResponses.Forbidden
  @ProblemResponses.NotFound
  @GetMapping("/api/admin/model-migrations/{processKey}")
  ModelMigrations.Report plan(@Parameter(description = "流程定义 key", example = "reformPlanApproval") @PathVariable String processKey) {
    return run(processKey, false);
  }

  @Operation(operationId = "runModelMigration", summary = "执行模型升级", description = "把该审批流程各旧版本上进行中的事项迁移到最新版本："
      + "同 id 的环节一一对应，期限计时按新模型重建，每个事项的审批记录增加一条“模型升级”。校验不通过的版本不迁移并说明原因。仅系统管理员。")
  @ApiResponse(responseCode = "200", description = "迁移结果")
  @ProblemResponses.Forbidden
  @ProblemResponses.NotFound
  @PostMapping("/api/admin/model-migrations/{processKey}")
  ModelMigrations.Report migrate(@Parameter(description = "流程定义 key", example = "reformPlanApproval") @PathVariable String processKey) {
    return run(processKey, true);
  }

  private ModelMigrations.Report run(String processKey, boolean execute) {
    var who = caller.jurisdiction();
    if (!who.admin()) {
      throw ApiException.forbidden("只有系统管理员（camunda-admin）可以升级审批流程模型");
    }
    ModelMigrations.Report report = migrations.migrate(processKey, execute, who.userId());
    if (report == null) {
      throw ApiException.notFound("没有这个审批流程", "没有流程定义 key 为“" + processKey + "”的审批流程");
    }
    return report;
  }
}
