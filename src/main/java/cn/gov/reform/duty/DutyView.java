package cn.gov.reform.duty;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.audit.TimelineEntry;

/** A duty-access request as the API shows it (README "职责准入与考核事项"). */
@Schema(description = "职责准入申请及其审批进程")
public record DutyView(
    @Schema(description = "申请编号（即流程实例的业务键）；批准后即为各乡镇职责清单中该职责的编号") String id,
    @Schema(description = "事项名称", example = "农村危房改造摸底排查") String title,
    @Schema(description = "申请的县直部门", example = "宁阳县住房和城乡建设局") String department,
    @Schema(description = "所在地区", example = "山东省 · 泰安市 · 宁阳县") String region,
    @Schema(description = "县（市、区）代码", example = "370921") String countyCode,
    @Schema(description = "市（州）代码", example = "370900") String cityCode,
    @Schema(description = "省级行政区代码", example = "370000") String provinceCode,
    @Schema(description = "审批流程实例 id") String processInstanceId,
    @Schema(description = "状态：HEARING 征求乡镇意见，IN_REVIEW 县委、县政府审批中，RETURNED 退回申请部门修改，APPROVED 已批准（列入乡镇职责清单），"
        + "REJECTED 不予批准，WITHDRAWN 已撤回") DutyStatus status,
    @Schema(description = "状态名称", example = "征求乡镇意见") String statusLabel,
    @Schema(description = "当前待办环节（用户任务 key）", example = "[\"townshipOpinion\"]") List<String> stages,
    @Schema(description = "当前版本号（退回修改后每次修改加1，旧版本保留）", example = "1") int version,
    @Schema(description = "当前版本的申请内容") DutyRequest request,
    @Schema(description = "涉及的乡镇及其在本轮征求意见中的意见") List<TownshipView> townships,
    @Schema(description = "提请审批人员注意的事项：乡镇的异议、逾期未反馈的乡镇、所引上级文件（均为 WARNING）") List<Finding> findings,
    @Schema(description = "县委、县政府审批是否已超过时限", example = "false") boolean overdue,
    @Schema(description = "批准时间（北京时间，带时区）", nullable = true) Instant approvedAt,
    @Schema(description = "创建时间（北京时间，带时区）") Instant createdAt,
    @Schema(description = "最后更新时间（北京时间，带时区）") Instant updatedAt,
    @Schema(description = "审批记录：每一步的环节、决定、意见、办理人和时间") List<TimelineEntry> timeline) {

  @Schema(description = "一个涉及的乡镇及其意见")
  public record TownshipView(
      @Schema(description = "乡镇（街道）代码", example = "370921109") String code,
      @Schema(description = "乡镇（街道）名称", example = "磁窑镇") String name,
      @Schema(description = "意见：PENDING 待反馈，AGREED 无异议，OBJECTED 有异议，NOT_GIVEN 逾期未反馈") TownshipOpinion opinion,
      @Schema(description = "意见名称", example = "无异议") String opinionLabel,
      @Schema(description = "意见说明（有异议时为理由）", nullable = true) String text,
      @Schema(description = "反馈人（用户 id；逾期为 system）", nullable = true) String answeredBy,
      @Schema(description = "反馈时间（北京时间，带时区）", nullable = true) Instant answeredAt) {

    static TownshipView of(DutyRepository.Township t) {
      return new TownshipView(t.code(), t.name(), t.opinion(), t.opinion().label(), t.text(), t.answeredBy(), t.answeredAt());
    }
  }
}
