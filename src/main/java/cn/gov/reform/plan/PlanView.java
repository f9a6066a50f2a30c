package cn.gov.reform.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.audit.TimelineEntry;

/** A plan as the API shows it (README "Domain API"). */
@Schema(description = "方案及其审批进程")
public record PlanView(
    @Schema(description = "方案编号（即流程实例的业务键）", example = "5f0c2b7e-1d7a-4c55-9a43-0a8e2c1d9b21") String id,
    @Schema(description = "方案标题", example = "关于深化磁窑镇行政管理体制改革方案") String title,
    @Schema(description = "方案类型：TOWNSHIP 乡镇（街道）改革方案，DEVELOPED_TOWN 经济发达镇改革方案") PlanRequest.PlanType planType,
    @Schema(description = "县（市、区）代码", example = "370921") String countyCode,
    @Schema(description = "市（州）代码", example = "370900") String cityCode,
    @Schema(description = "省级行政区代码", example = "370000") String provinceCode,
    @Schema(description = "所在地区全称", example = "山东省泰安市宁阳县") String region,
    @Schema(description = "审批流程实例 id（Cockpit、engine REST 中可查）") String processInstanceId,
    @Schema(description = "状态：DRAFT 起草中，IN_REVIEW 审核中，APPROVED 已批准，FILED 已备案，REJECTED 不予批准，WITHDRAWN 已撤回")
    PlanStatus status,
    @Schema(description = "当前待办环节（用户任务 key），如 cityReview", example = "[\"cityReview\"]") List<String> stages,
    @Schema(description = "当前版本号（每次修订加1，旧版本保留）", example = "1") int version,
    @Schema(description = "当前版本的政策校验结果，错误在前") List<Finding> findings,
    @Schema(description = "办结期限（ISO 日期）", example = "2027-03-31", nullable = true) LocalDate deadline,
    @Schema(description = "是否已逾期（超过办结期限仍未办结）", example = "false") boolean overdue,
    @Schema(description = "省编办备案编号（已备案时）", example = "鲁编备〔2026〕7号", nullable = true) String filingNumber,
    @Schema(description = "创建时间（北京时间，带时区）", example = "2026-11-22T15:37:09.8+08:00") Instant createdAt,
    @Schema(description = "最后更新时间（北京时间，带时区）", example = "2026-11-22T15:40:12.1+08:00") Instant updatedAt,
    @Schema(description = "当前版本的乡镇（街道）机构设置") List<PlanRequest.Township> townships,
    @Schema(description = "审批记录：每一步的环节、决定、意见、办理人和时间") List<TimelineEntry> timeline) {}
