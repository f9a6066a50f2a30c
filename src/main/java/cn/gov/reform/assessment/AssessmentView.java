package cn.gov.reform.assessment;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.audit.TimelineEntry;

/** An assessment-item request as its readers see it: content, townships, route, where it stands and its timeline. */
@Schema(description = "考核事项申请")
public record AssessmentView(
    @Schema(description = "申请编号") String id,
    @Schema(description = "考核事项名称") String title,
    @Schema(description = "申请的县直部门") String department,
    @Schema(description = "类别") AssessmentKind kind,
    @Schema(description = "类别名称", example = "一票否决") String kindLabel,
    @Schema(description = "所在地区", example = "山东省 · 泰安市 · 宁阳县") String region,
    @Schema(description = "县代码") String countyCode,
    @Schema(description = "市代码") String cityCode,
    @Schema(description = "省代码") String provinceCode,
    @Schema(description = "流程实例编号") String processInstanceId,
    @Schema(description = "状态") AssessmentStatus status,
    @Schema(description = "状态名称", example = "县委、县政府审批") String statusLabel,
    @Schema(description = "当前待办环节（任务定义键）") List<String> stages,
    @Schema(description = "当前稿次") int version,
    @Schema(description = "申请内容（当前稿）") AssessmentRequest content,
    @Schema(description = "考核的乡镇") List<TownshipView> townships,
    @Schema(description = "是否须报省委、省政府批准（决策表 assessmentItemRoute）") boolean provinceApproval,
    @Schema(description = "审批路径的依据") String routeSource,
    @Schema(description = "当前审批环节是否已超过时限") boolean overdue,
    @Schema(description = "办结时间") Instant decidedAt,
    @Schema(description = "提交时间") Instant createdAt,
    @Schema(description = "最后更新时间") Instant updatedAt,
    @Schema(description = "审批记录") List<TimelineEntry> timeline) {

  @Schema(description = "考核的乡镇")
  public record TownshipView(@Schema(description = "乡镇代码") String code, @Schema(description = "乡镇名称") String name) {}
}
