package cn.gov.reform.audit;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.security.WebappSession;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.ProblemResponses;

/** The record of administrative changes, for administrators only: {@code GET /api/admin/audit} and the page 管理操作记录. */
@RestController
@Tag(name = "管理操作记录", description = "用户、用户组、成员关系、租户和授权的每一次变更（只增不改）")
class AdminAuditController {

  static final String PAGE = "/dashboard/admin-audit.html";

  private final AdminAuditLog log;
  private final CurrentCaller caller;
  private final Resource page = new ClassPathResource("dashboard/admin-audit.html");
  private final String engineName;

  AdminAuditController(AdminAuditLog log, CurrentCaller caller, ProcessEngine engine) {
    this.log = log;
    this.caller = caller;
    this.engineName = engine.getName();
  }

  @Operation(operationId = "getAdminAudit", summary = "查询管理操作记录", description = "系统管理员（camunda-admin）查看用户、用户组、"
      + "成员关系、租户和授权的每一次变更：操作人、时间、途径（ADMIN_WEBAPP 管理后台、ENGINE_REST 引擎接口、API、APP 系统自身）、"
      + "变更前后的内容（不含密码），最新的在前。")
  @ApiResponse(responseCode = "200", description = "一页记录")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @GetMapping("/api/admin/audit")
  AdminAuditLog.Page audit(
      @Parameter(description = "对象类型：USER、GROUP、MEMBERSHIP、TENANT、TENANT_MEMBERSHIP、AUTHORIZATION") @RequestParam(required = false) String entityType,
      @Parameter(description = "操作人（用户 id）") @RequestParam(required = false) String actor,
      @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "每页条数（1—200）") @RequestParam(defaultValue = "50") int size) {
    if (!caller.jurisdiction().admin()) {
      throw ApiException.forbidden("只有系统管理员（camunda-admin）可以查看管理操作记录");
    }
    java.util.List<cn.gov.reform.web.FieldError> paging = cn.gov.reform.web.Paging.errors(page, size, 200);
    if (!paging.isEmpty()) {
      throw ApiException.badRequest("分页参数有误", paging.get(0).field() + " " + paging.get(0).message());
    }
    if (entityType != null && !entityType.isBlank()
        && !java.util.Set.of("USER", "GROUP", "MEMBERSHIP", "TENANT", "TENANT_MEMBERSHIP", "AUTHORIZATION").contains(entityType)) {
      throw ApiException.badRequest("对象类型有误", "entityType 应为 USER、GROUP、MEMBERSHIP、TENANT、TENANT_MEMBERSHIP 或 AUTHORIZATION");
    }
    return log.page(entityType, actor, page, size);
  }

  /** The page, for a browser logged in to the Camunda webapps (others go to the dashboard's login and come back). */
  @GetMapping(PAGE)
  ResponseEntity<Resource> page(HttpServletRequest request) {
    if (WebappSession.user(request, engineName).isEmpty()) {
      return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/dashboard/login.html?next=" + PAGE)).build();
    }
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore()).body(page);
  }
}
