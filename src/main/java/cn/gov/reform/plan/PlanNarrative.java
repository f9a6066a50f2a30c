package cn.gov.reform.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.TimelineText;
import cn.gov.reform.approval.VersionChange;
import cn.gov.reform.approval.VersionDiff;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.plan.PlanRequest.Township;
import cn.gov.reform.plan.PlanRequest.Unit;

/**
 * Plain-text views of a plan for the Tasklist forms (shown in read-only text areas, so markup in
 * names stays text). Kept under Camunda's 4,000-character string variable limit.
 */
@Component
public class PlanNarrative {

  static final int MAX = 3_900;

  private final RegionDirectory regions;
  private final TimelineText timelineText;

  public PlanNarrative(RegionDirectory regions, TimelineText timelineText) {
    this.regions = regions;
    this.timelineText = timelineText;
  }

  /**
   * Which plan a task is about, for Tasklist's list ("宁阳县 · 磁窑镇等3个乡镇"): the county and its first
   * township, with how many the plan covers.
   */
  public String label(Plan plan, PlanRequest content) {
    String county = regions.county(plan.countyCode()).map(RegionDirectory.Region::name).orElse(plan.countyCode());
    List<Township> ts = content.townships();
    if (ts.isEmpty()) {
      return county;
    }
    return county + " · " + ts.get(0).name() + (ts.size() > 1 ? "等" + ts.size() + "个乡镇（街道）" : "");
  }

  public String summary(Plan plan, PlanRequest content) {
    StringBuilder b = new StringBuilder();
    b.append("方案：").append(content.title()).append("（第").append(plan.currentVersion()).append("版）\n");
    b.append("地区：").append(regions.describeCounty(plan.countyCode())).append("（").append(plan.countyCode()).append("）\n");
    b.append("类型：").append(plan.planType().label()).append('\n');
    if (plan.deadline() != null) {
      b.append("完成期限：").append(plan.deadline()).append('\n');
    }
    List<Township> ts = content.townships();
    b.append("乡镇（街道）：").append(ts.size()).append("个；党政工作机构合计")
        .append(ts.stream().mapToInt(t -> t.bodies().size()).sum()).append("个，事业单位合计")
        .append(ts.stream().mapToInt(t -> t.institutions().size()).sum()).append("个；行政编制")
        .append(ts.stream().mapToInt(Township::administrativeStaff).sum()).append("名，事业编制")
        .append(ts.stream().mapToInt(Township::institutionalStaff).sum()).append("名\n");
    for (Township t : ts) {
      b.append("\n■ ").append(t.name()).append("（").append(t.code()).append("，").append(t.kind().label());
      if (t.category() != null) {
        b.append("，").append(t.category()).append("类");
      }
      b.append("）\n");
      b.append("  党政工作机构").append(t.bodies().size()).append("个：").append(units(t.bodies())).append('\n');
      b.append("  事业单位").append(t.institutions().size()).append("个：").append(units(t.institutions())).append('\n');
      b.append("  行政编制").append(t.administrativeStaff()).append("名，事业编制").append(t.institutionalStaff()).append("名");
      if (t.leadershipPositions() != null) {
        b.append("；领导职数").append(t.leadershipPositions());
        if (t.currentLeadershipPositions() != null) {
          b.append("（现有").append(t.currentLeadershipPositions()).append("）");
        }
      }
      if (t.builtUpPopulation() != null) {
        b.append("；建成区常住人口").append(t.builtUpPopulation()).append("人");
      }
      b.append('\n');
    }
    return cut(b.toString());
  }

  public String findings(List<Finding> findings) {
    return cut(Finding.text(findings, "未发现问题：符合已配置的政策限额。"));
  }

  /** Every step so far but revisions and attachments (the form lists the files), with who took it by name and their opinion. */
  public String opinions(List<TimelineEntry> timeline) {
    return cut(timelineText.opinions(timeline.stream().filter(e -> !"revision".equals(e.stage())).toList(),
        PlanNarrative::decisionLabel));
  }

  /** The changes between two versions, one per line, for the reviewer who saw the earlier one. */
  public String changes(String planId, VersionDiff diff) {
    if (diff.changes().isEmpty()) {
      return "第" + diff.to() + "版与第" + diff.from() + "版内容相同，没有变化。";
    }
    String text = "第" + diff.from() + "版 → 第" + diff.to() + "版，变化" + diff.changes().size() + "处：\n"
        + diff.changes().stream().map(VersionChange::text).collect(Collectors.joining("\n"));
    return text.length() <= MAX ? text : text.substring(0, MAX) + "\n……（变化较多，完整内容见 GET /api/plans/" + planId
        + "/versions/" + diff.from() + "/diff/" + diff.to() + "）";
  }

  /**
   * The plan's chain with the current stage marked, e.g. "山东省经济发达镇方案（…）：县级起草 → 【市编办审核（当前）】 →
   * 市委、市政府审批 → 省政府批准 → 已批准"; the joint review's parallel stages are joined by "＋".
   */
  public String chain(Optional<ApprovalRoute> route, Stage current) {
    if (route.isEmpty()) {
      return current == null ? "" : current.label();
    }
    List<Stage> stages = new ArrayList<>(route.get().stages());
    stages.add(0, Stage.DRAFT);
    StringBuilder b = new StringBuilder(route.get().name()).append("：");
    for (int i = 0; i < stages.size(); i++) {
      Stage s = stages.get(i);
      if (i > 0) {
        b.append(s == Stage.DEPARTMENT_REVIEW ? " ＋ " : " → ");
      }
      String label = route.get().label(s);
      b.append(s == current ? "【" + label + "（当前）】" : label);
    }
    return b.append(" → ").append(route.get().finalStatus().label()).toString();
  }

  /** The stage's own word for a decision (审核通过, 批准, ...), the shared label of a decision, or a system step's outcome. */
  private static String decisionLabel(TimelineEntry e) {
    return Stage.of(e.stage()).map(s -> s.decisionLabel(e.decision()))
        .or(() -> Decision.of(e.decision()).map(Decision::label))
        .orElseGet(() -> switch (e.decision()) {
          case "PASSED" -> "通过";
          case "FAILED" -> "未通过";
          case "FILED" -> "已备案";
          case "REJECTED" -> "不予批准";
          case "WITHDRAWN" -> "已撤回";
          case "APPROVED" -> "已批准";
          case "ROUTED" -> "已确定";
          case "OVERDUE" -> "超过完成期限";
          case "REMINDED" -> "催办";
          case "ESCALATED" -> "提请督办";
          case "SUPERVISED" -> "督办";
          case "ESTIMATED" -> "按周末推算";
          default -> e.decision();
        });
  }

  private static String units(List<Unit> units) {
    return units.isEmpty() ? "（无）"
        : units.stream().map(u -> u.name() + "（" + u.staff() + "）").collect(Collectors.joining("、"));
  }

  static String cut(String s) {
    return s.length() <= MAX ? s : s.substring(0, MAX) + "\n……（内容较长，完整内容见 GET /api/plans/{id}）";
  }
}
