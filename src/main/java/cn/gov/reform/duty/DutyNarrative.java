package cn.gov.reform.duty;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.Procedure;
import cn.gov.reform.approval.TimelineText;
import cn.gov.reform.audit.TimelineEntry;

/**
 * Plain-text views of a duty-access request for the Tasklist forms (read-only text areas), under Camunda's 4,000-character
 * string variable limit, and the words of its timeline's steps.
 */
@Component
class DutyNarrative {

  static final int MAX = 3_900;
  private static final Map<String, String> SYSTEM_DECISIONS = Map.of("PASSED", "通过", "HEARING", "已发出", "NOT_GIVEN", "逾期未反馈",
      "SUMMARISED", "已汇总", "OVERDUE", "逾期", "REVISE", "修改");

  private final TimelineText timelineText;

  DutyNarrative(TimelineText timelineText) {
    this.timelineText = timelineText;
  }

  /** Which request a task is about, for Tasklist's list: 宁阳县 · 农村危房改造摸底排查（宁阳县住房和城乡建设局）. */
  static String label(Duty d, String township) {
    return d.countyName() + " · " + d.title() + "（" + d.department() + "）" + (township == null ? "" : " · " + township + "意见");
  }

  static String summary(Duty d, DutyRequest r, List<DutyRepository.Township> townships) {
    StringBuilder b = new StringBuilder();
    b.append("事项：").append(r.title()).append("（第").append(d.currentVersion()).append("稿）\n");
    b.append("申请部门：").append(d.department()).append("（").append(d.regionName()).append("）\n");
    b.append("涉及乡镇：").append(townships.stream().map(t -> t.name() + "（" + t.code() + "）").collect(Collectors.joining("、"))).append('\n');
    line(b, "工作目标", r.goal());
    line(b, "工作内容", r.content());
    line(b, "权限", r.authority());
    line(b, "分工", r.division());
    line(b, "期限", r.deadline() == null ? null : r.deadline().toString());
    line(b, "人员", r.staff());
    line(b, "经费", r.funds());
    line(b, "业务培训", r.training());
    b.append("承担形式：").append(r.forms().isEmpty() ? "不要求签订责任状、分解下达指标或考核验收"
        : r.forms().stream().map(DutyRequest.ShiftedForm::label).collect(Collectors.joining("、"))).append('\n');
    if (r.basis() != null) {
      b.append("所依据的上级文件：").append(r.basis().text()).append('\n');
    }
    return cut(b.toString(), d.id());
  }

  private static void line(StringBuilder b, String label, String value) {
    b.append(label).append("：").append(value == null ? "（未写明）" : value).append('\n');
  }

  static String findings(Duty d, List<Finding> findings) {
    return cut(Finding.text(findings, "各乡镇均无异议，未引用需核实的上级文件。"), d.id());
  }

  String opinions(Duty d, List<TimelineEntry> timeline) {
    return cut(timelineText.opinions(timeline.stream().filter(e -> !DutyKeys.REVISION.equals(e.stage())).toList(),
        e -> decisionLabel(e.stage(), e.decision())), d.id());
  }

  /** 县直部门申请 → 【征求乡镇意见（当前）】 → 县委、县政府审批 → 列入乡镇职责清单 */
  static String chain(DutyStage current) {
    List<String> steps = List.of("县直部门申请", "征求乡镇意见", "县委、县政府审批", "列入乡镇职责清单");
    int at = switch (current) {
      case REVISE -> 0;
      case TOWNSHIP_OPINION -> 1;
      case COUNTY_APPROVAL -> 2;
    };
    return "职责准入（通办发〔2020〕6号 二(五)13；济南市实施意见 二(四)1）：" + String.join(" → ",
        java.util.stream.IntStream.range(0, steps.size()).mapToObj(i -> i == at ? "【" + steps.get(i) + "（当前）】" : steps.get(i)).toList());
  }

  /** A stage's own word for a decision (无异议, 批准), the system steps' words, an end state's name. */
  static String decisionLabel(String stage, String decision) {
    return DutyStage.of(stage).filter(s -> Decision.of(decision).filter(s.rules().decisions()::containsKey).isPresent())
        .map(s -> s.rules().label(decision))
        .or(() -> Optional.ofNullable(SYSTEM_DECISIONS.get(decision)))
        .or(() -> Arrays.stream(DutyStatus.values()).filter(st -> st.name().equals(decision)).map(DutyStatus::label).findFirst())
        .orElseGet(() -> Procedure.sharedLabel(decision));
  }

  static String cut(String s, String id) {
    return s.length() <= MAX ? s : s.substring(0, MAX) + "\n……（内容较长，完整内容见 GET /api/duty-requests/" + id + "）";
  }
}
