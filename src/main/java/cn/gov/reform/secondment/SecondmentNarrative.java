package cn.gov.reform.secondment;

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
 * Plain-text views of a secondment for the Tasklist forms (read-only text areas) and the words of its timeline's steps.
 */
@Component
class SecondmentNarrative {

  static final int MAX = 3_900;
  private static final Map<String, String> SYSTEM_DECISIONS = Map.of("PASSED", "通过", "FAILED", "未通过", "REVISE", "修改",
      "ROUTED", "已确定", "REMINDED", "已提醒", "READ", "已知悉");

  private final TimelineText timelineText;

  SecondmentNarrative(TimelineText timelineText) {
    this.timelineText = timelineText;
  }

  static String summary(Secondment s) {
    StringBuilder b = new StringBuilder();
    b.append("被借调人员：").append(s.personName()).append("（").append(s.personId()).append("），").append(s.regionName())
        .append("，").append(s.startedInTownship()).append("起在乡镇工作\n");
    b.append("借调单位：").append(s.requestingBody()).append('\n');
    b.append("借调期限：").append(s.startDate()).append("至").append(s.endDate());
    if (s.months() != null) {
      b.append("，").append(s.months()).append("个月");
      if (s.earlierMonths() != null && s.earlierMonths() > 0) {
        b.append("（延期：此前已连续借调").append(s.earlierMonths()).append("个月，合计").append(s.months() + s.earlierMonths())
            .append("个月）");
      }
    }
    b.append("\n借调事由：").append(s.reason());
    if (s.specialJustification() != null) {
      b.append("\n书面特殊理由：").append(s.specialJustification());
    }
    return cut(b.toString(), s.id());
  }

  static String findings(Secondment s, List<Finding> findings) {
    return cut(Finding.text(findings, "未发现问题：在乡镇工作已满规定年限，借调期限在规定期限以内。"), s.id());
  }

  String opinions(Secondment s, List<TimelineEntry> timeline) {
    return cut(timelineText.opinions(timeline.stream().filter(e -> !"revision".equals(e.stage())).toList(),
        e -> decisionLabel(e.stage(), e.decision())), s.id());
  }

  /** The chain with the current stage marked: 申请单位提出 → 【乡镇党委同意（当前）】 → 县委组织部批准 → 借调. */
  static String chain(SecondmentRoute route, SecondmentStage current) {
    StringBuilder b = new StringBuilder(route.name()).append("：申请单位提出 → ");
    b.append(route.stages().stream().map(s -> s == current || s.tasks().contains(current) && current != null
        ? "【" + s.label() + "（当前）】" : s.label()).collect(Collectors.joining(" → ")));
    return b.append(" → 借调，期满返回乡镇").toString();
  }

  static String reminder(Secondment s) {
    return s.personName() + "借调至" + s.requestingBody() + "的期限将于" + s.endDate() + "届满，" + s.endDate().plusDays(1)
        + "起回到" + s.townshipName() + "工作。请申请单位做好工作交接，乡镇做好返岗安排；确需延期的，应从" + s.endDate().plusDays(1)
        + "起另行提出借调申请（期限连同已借调的月数合计）。";
  }

  /** A stage's own word for a decision (同意借调, 批准), the system steps' words, an end state's name. */
  static String decisionLabel(String stage, String decision) {
    return SecondmentStage.of(stage).filter(s -> s.rules() != null)
        .filter(s -> Decision.of(decision).filter(s.rules().decisions()::containsKey).isPresent())
        .map(s -> s.rules().label(decision))
        .or(() -> Optional.ofNullable(SYSTEM_DECISIONS.get(decision)))
        .or(() -> Arrays.stream(SecondmentStatus.values()).filter(st -> st.name().equals(decision)).map(SecondmentStatus::label)
            .findFirst())
        .orElseGet(() -> Procedure.sharedLabel(decision));
  }

  static String cut(String s, String id) {
    return s.length() <= MAX ? s : s.substring(0, MAX) + "\n……（内容较长，完整内容见 GET /api/secondments/" + id + "）";
  }
}
