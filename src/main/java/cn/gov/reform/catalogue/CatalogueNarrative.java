package cn.gov.reform.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.Procedure;
import cn.gov.reform.approval.TimelineText;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.catalogue.CatalogueRequest.Item;

/**
 * Plain-text views of a catalogue for the Tasklist forms (read-only text areas, so names stay text), kept under
 * Camunda's 4,000-character string variable limit, and the words of its timeline's steps.
 */
@Component
class CatalogueNarrative {

  static final int MAX = 3_900;
  /** The words of the timeline's system steps and end states. */
  private static final Map<String, String> SYSTEM_DECISIONS = Map.of("PASSED", "通过", "FAILED", "未通过", "REVISE", "修订",
      "ROUTED", "已确定", "PUBLISHED", "已公布");

  private final TimelineText timelineText;

  CatalogueNarrative(TimelineText timelineText) {
    this.timelineText = timelineText;
  }

  /** Which catalogue a task is about, for Tasklist's list: 宁阳县 · 磁窑镇 · 放权赋权目录（调整，第2版）. */
  static String label(Catalogue c) {
    String county = c.regionName().split(" · ").length > 2 ? c.regionName().split(" · ")[2] : c.countyCode();
    return county + " · " + c.townshipName() + " · 放权赋权目录" + (c.revisesId() == null ? "" : "（调整，第" + c.edition() + "版）");
  }

  String summary(Catalogue c, CatalogueRequest content) {
    StringBuilder b = new StringBuilder();
    b.append("目录：").append(content.title()).append("（第").append(c.currentVersion()).append("稿）\n");
    b.append("乡镇：").append(c.regionName()).append("（").append(c.townshipCode()).append("，").append(c.townshipType().label())
        .append("）\n");
    b.append(c.revisesId() == null ? "首次制定，公布后为第1版" : "调整现行目录，公布后为第" + c.edition() + "版").append('\n');
    if (c.deadline() != null) {
      b.append("完成期限：").append(c.deadline()).append('\n');
    }
    b.append("事项").append(content.items().size()).append("项：").append(kinds(content.items())).append('\n');
    for (int i = 0; i < content.items().size(); i++) {
      Item it = content.items().get(i);
      b.append('\n').append(i + 1).append(". ").append(it.name()).append("（").append(it.kind().label()).append("，")
          .append(it.mode().label()).append("；现由").append(it.department()).append("行使）");
      b.append("\n   法律依据：").append(it.legalBasis() == null ? "未注明" : it.legalBasis().text());
      if (it.guidanceEntry() != null) {
        b.append("；指导目录：").append(it.guidanceEntry());
      }
      if (it.reason() != null) {
        b.append("\n   调整理由：").append(it.reason());
      }
    }
    content.takenBack().forEach(t -> b.append("\n收回：").append(t.name()).append("（").append(t.reason()).append("）"));
    return cut(b.toString(), c.id());
  }

  /** 行政许可4项、行政检查3项 */
  static String kinds(List<Item> items) {
    Map<CatalogueRequest.PowerKind, Long> n = items.stream().collect(Collectors.groupingBy(Item::kind,
        () -> new java.util.EnumMap<>(CatalogueRequest.PowerKind.class), Collectors.counting()));
    return n.entrySet().stream().map(e -> e.getKey().label() + e.getValue() + "项").collect(Collectors.joining("、"));
  }

  static String findings(Catalogue c, List<Finding> findings) {
    return cut(Finding.text(findings, "未发现问题：每个事项都注明了法律依据，没有不得下放的权力和重复事项。"), c.id());
  }

  String opinions(Catalogue c, List<TimelineEntry> timeline) {
    return cut(timelineText.opinions(timeline.stream().filter(e -> !"revision".equals(e.stage())).toList(),
        e -> decisionLabel(e.stage(), e.decision())), c.id());
  }

  /** The chain with the current stage marked: 县级起草 → 【合法性审查（县司法局）（当前）】 → 县政府审批 → 公布目录. */
  static String chain(CatalogueRoute route, CatalogueStage current) {
    StringBuilder b = new StringBuilder(route.name()).append("：");
    List<CatalogueStage> stages = new java.util.ArrayList<>(route.stages());
    stages.add(0, CatalogueStage.DRAFT);
    b.append(stages.stream().map(s -> s == current ? "【" + s.label() + "（当前）】" : s.label()).collect(Collectors.joining(" → ")));
    return b.append(" → 公布目录").toString();
  }

  /** A stage's own word for a decision (审查通过, 批准), the system steps' words, an end state's name. */
  static String decisionLabel(String stage, String decision) {
    return CatalogueStage.of(stage).filter(s -> Decision.of(decision).filter(s.rules().decisions()::containsKey).isPresent())
        .map(s -> s.rules().label(decision))
        .or(() -> java.util.Optional.ofNullable(SYSTEM_DECISIONS.get(decision)))
        .or(() -> Arrays.stream(CatalogueStatus.values()).filter(st -> st.name().equals(decision)).map(CatalogueStatus::label).findFirst())
        .orElseGet(() -> Procedure.sharedLabel(decision));
  }

  static String cut(String s, String id) {
    return s.length() <= MAX ? s : s.substring(0, MAX) + "\n……（内容较长，完整内容见 GET /api/catalogues/" + id + "）";
  }
}
