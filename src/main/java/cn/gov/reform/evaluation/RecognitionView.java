package cn.gov.reform.evaluation;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.audit.TimelineEntry;

/** An application to enter the list as the API shows it. */
@Schema(description = "列入经济发达镇名单的申请")
public record RecognitionView(
    @Schema(description = "申请编号（流程实例的业务键）") String id,
    @Schema(description = "镇的9位代码", example = "370921103") String townshipCode,
    @Schema(description = "镇名", example = "伏山镇") String townshipName,
    @Schema(description = "所在地区", example = "山东省 · 泰安市 · 宁阳县 · 伏山镇") String region,
    @Schema(description = "状态：IN_REVIEW 待省政府认定，APPROVED 已列入名单，REJECTED 不予列入，INELIGIBLE 不符合认定标准") RecognitionStatus status,
    @Schema(description = "状态名称", example = "待省政府认定") String statusLabel,
    @Schema(description = "当前待办环节", example = "[\"recognitionApproval\"]") List<String> stages,
    @Schema(description = "建成区常住人口", example = "80000") int builtUpPopulation,
    @Schema(description = "连续两个年度的排名") List<RecognitionRequest.Ranking> rankings,
    @Schema(description = "申请放宽标准的理由", nullable = true) String relaxedReason,
    @Schema(description = "认定标准检查的结果（决策表 recognitionThresholds）") List<Finding> findings,
    @Schema(description = "省政府认定的文号", nullable = true, example = "鲁政字〔2026〕12号") String decisionNumber,
    @Schema(description = "流程实例 id") String processInstanceId,
    @Schema(description = "申请人") String createdBy,
    @Schema(description = "申请时间（北京时间，带时区）") Instant createdAt,
    @Schema(description = "审批记录") List<TimelineEntry> timeline) {}
