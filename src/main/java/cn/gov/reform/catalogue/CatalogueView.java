package cn.gov.reform.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.VersionDiff;
import cn.gov.reform.audit.TimelineEntry;

/** A catalogue as the API shows it (README "权力目录"). */
@Schema(description = "放权赋权目录及其审批进程")
public record CatalogueView(
    @Schema(description = "目录编号（即流程实例的业务键）") String id,
    @Schema(description = "目录标题", example = "宁阳县向磁窑镇赋权事项目录") String title,
    @Schema(description = "乡镇（街道）代码", example = "370921109") String townshipCode,
    @Schema(description = "乡镇（街道）名称", example = "磁窑镇") String townshipName,
    @Schema(description = "乡镇类型：TOWNSHIP 乡镇（街道），DEVELOPED_TOWN 经济发达镇") CatalogueRequest.TownshipType townshipType,
    @Schema(description = "所在地区", example = "山东省 · 泰安市 · 宁阳县 · 磁窑镇") String region,
    @Schema(description = "县（市、区）代码", example = "370921") String countyCode,
    @Schema(description = "市（州）代码", example = "370900") String cityCode,
    @Schema(description = "省级行政区代码", example = "370000") String provinceCode,
    @Schema(description = "审批流程实例 id") String processInstanceId,
    @Schema(description = "状态：DRAFT 起草中，IN_REVIEW 审批中，PUBLISHED 已公布（现行目录），SUPERSEDED 已被新版取代，REJECTED 不予批准，WITHDRAWN 已撤回")
    CatalogueStatus status,
    @Schema(description = "当前待办环节（用户任务 key），如 legalReview", example = "[\"legalReview\"]") List<String> stages,
    @Schema(description = "当前版本号（退回修改后每次修订加1，旧版本保留）", example = "1") int version,
    @Schema(description = "公布后为该乡镇目录的第几版（首次制定为第1版，每次调整加1）", example = "1") int edition,
    @Schema(description = "调整的是哪个已公布目录（目录编号）；首次制定为空", nullable = true) String revisesId,
    @Schema(description = "本省完成目录制定的期限（首次制定时；配置 app.catalogues.deadlines）", example = "2020-12-31", nullable = true)
    LocalDate deadline,
    @Schema(description = "是否已逾期（超过期限仍未办结）", example = "false") boolean overdue,
    @Schema(description = "批复文号：目录按此文号公布", example = "鲁政字〔2026〕1号", nullable = true) String approvalNumber,
    @Schema(description = "公布时间（北京时间，带时区）", nullable = true) Instant publishedAt,
    @Schema(description = "当前版本的事项") List<CatalogueRequest.Item> items,
    @Schema(description = "当前版本收回的已公布事项及理由") List<CatalogueRequest.TakenBack> takenBack,
    @Schema(description = "当前版本的合法性校验结果，错误在前") List<Finding> findings,
    @Schema(description = "与该乡镇现行（已公布）目录相比的变化；首次制定时为空", nullable = true) VersionDiff changes,
    @Schema(description = "创建时间（北京时间，带时区）") Instant createdAt,
    @Schema(description = "最后更新时间（北京时间，带时区）") Instant updatedAt,
    @Schema(description = "审批记录：每一步的环节、决定、意见、办理人和时间") List<TimelineEntry> timeline) {}
