package cn.gov.reform.identity;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.ProblemResponses;

/**
 * Registering an official of a role whose groups are created on demand (a township's party committee, a county's
 * organisation department …): the administrator makes the group exist here, then adds the user to it in Admin.
 */
@RestController
@Tag(name = "岗位", description = "审批岗位（用户组）")
class RoleGroupController {

  private final RoleGroups groups;
  private final CurrentCaller caller;

  RoleGroupController(RoleGroups groups, CurrentCaller caller) {
    this.groups = groups;
    this.caller = caller;
  }

  @Schema(description = "审批岗位")
  record RoleGroupView(@Schema(description = "用户组 id", example = "township370921109") String id,
      @Schema(description = "用户组名称", example = "山东省泰安市宁阳县磁窑镇党委") String name) {}

  @Operation(operationId = "ensureRoleGroup", summary = "建立审批岗位（用户组）", description = "系统管理员（camunda-admin）为按需建立的岗位"
      + "（乡镇党委 township+9位乡镇代码，县委组织部 orgdept、县人社局 hrdept、借调申请单位 requester、县直部门 countydept + 6位县代码）"
      + "建立用户组及其权限和租户；已存在时原样返回。之后在管理后台（Admin）把人员加入该用户组。")
  @ApiResponse(responseCode = "200", description = "该岗位")
  @ProblemResponses.Forbidden
  @ProblemResponses.NotFound
  @PutMapping("/api/admin/role-groups/{groupId}")
  RoleGroupView ensure(@Parameter(description = "用户组 id", example = "township370921109") @PathVariable String groupId) {
    if (!caller.jurisdiction().admin()) {
      throw ApiException.forbidden("只有系统管理员（camunda-admin）可以建立审批岗位");
    }
    return groups.ensure(groupId).map(name -> new RoleGroupView(groupId, name)).orElseThrow(() -> ApiException.notFound(
        "没有这个审批岗位", "“" + groupId + "”不是审批岗位：应为岗位前缀加上行政区划代码，如 township370921109、orgdept370921"));
  }
}
