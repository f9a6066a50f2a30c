package cn.gov.reform.secondment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.audit.TimelineEntry;

/** A secondment as the API shows it: the request, where it stands, the months counted, the findings and the timeline. */
@Schema(description = "借调申请")
record SecondmentView(
    @Schema(description = "借调申请编号") String id,
    @Schema(description = "被借调人员编号", example = "370921199001011234") String personId,
    @Schema(description = "被借调人员姓名", example = "张明") String personName,
    @Schema(description = "所在乡镇（街道）代码", example = "370921109") String townshipCode,
    @Schema(description = "所在乡镇（街道）", example = "磁窑镇") String townshipName,
    @Schema(description = "所在地区", example = "山东省 · 泰安市 · 宁阳县 · 磁窑镇") String region,
    @Schema(description = "县（市、区）代码", example = "370921") String countyCode,
    @Schema(description = "市（州）代码", example = "370900") String cityCode,
    @Schema(description = "省级行政区代码", example = "370000") String provinceCode,
    @Schema(description = "到该乡镇工作的日期", example = "2020-07-01") LocalDate startedInTownship,
    @Schema(description = "借调单位", example = "宁阳县发展和改革局") String requestingBody,
    @Schema(description = "借调事由") String reason,
    @Schema(description = "借调开始日期", example = "2027-03-01") LocalDate startDate,
    @Schema(description = "借调结束日期（含当天）", example = "2027-08-31") LocalDate endDate,
    @Schema(description = "书面特殊理由", nullable = true) String specialJustification,
    @Schema(description = "状态：DRAFT 退回申请单位修改，IN_REVIEW 审批中，SECONDED 借调中，RETURNED 已返回乡镇，REJECTED 不予借调，WITHDRAWN 已撤回")
    SecondmentStatus status,
    @Schema(description = "状态名称", example = "审批中") String statusLabel,
    @Schema(description = "当前待办环节（任务 key）", example = "[\"townshipConsent\"]") List<String> stages,
    @Schema(description = "审批链（出处）", nullable = true) String route,
    @Schema(description = "申请版本（退回修改后重新提交时加1）", example = "1") int version,
    @Schema(description = "本次借调的月数（不足一个月按一个月计；校验后填写）", example = "6", nullable = true) Integer months,
    @Schema(description = "此前连续借调（本次为其延期）的月数", example = "0", nullable = true) Integer earlierMonths,
    @Schema(description = "合计月数", example = "6", nullable = true) Integer totalMonths,
    @Schema(description = "本次延期所接续的借调编号", nullable = true) String extendsId,
    @Schema(description = "期满提醒日期（批准后填写）", nullable = true) LocalDate reminderDate,
    @Schema(description = "借调规则校验结果") List<Finding> findings,
    @Schema(description = "流程实例 id", nullable = true) String processInstanceId,
    @Schema(description = "创建时间（北京时间，带时区）") Instant createdAt,
    @Schema(description = "最后更新时间（北京时间，带时区）") Instant updatedAt,
    @Schema(description = "审批记录：每一步、决定、意见、办理人和时间") List<TimelineEntry> timeline) {

  static SecondmentView of(Secondment s, List<String> stages, List<Finding> findings, List<TimelineEntry> timeline) {
    Integer total = s.months() == null ? null : s.months() + (s.earlierMonths() == null ? 0 : s.earlierMonths());
    return new SecondmentView(s.id(), s.personId(), s.personName(), s.townshipCode(), s.townshipName(), s.regionName(),
        s.countyCode(), s.cityCode(), s.provinceCode(), s.startedInTownship(), s.requestingBody(), s.reason(), s.startDate(),
        s.endDate(), s.specialJustification(), s.status(), s.status().label(), stages, s.routeName(), s.currentVersion(), s.months(),
        s.earlierMonths(), total, s.extendsId(), s.reminderDate(), findings, s.processInstanceId(), s.createdAt(), s.updatedAt(),
        timeline);
  }
}
