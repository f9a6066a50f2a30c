package cn.gov.reform.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.gov.reform.approval.Diffs;
import cn.gov.reform.approval.Diffs.Field;
import cn.gov.reform.approval.VersionChange;
import cn.gov.reform.plan.PlanRequest.Township;
import cn.gov.reform.plan.PlanRequest.Unit;

/**
 * What changed from one version of a plan to the next, as a reviewer asks it: the plan's own fields, townships
 * added or removed (matched by code), and in each township its figures, bodies and institutions (matched by name:
 * a renamed unit is one removed and one added). Each change with the sentence a reviewer reads, e.g.
 * "磁窑镇：行政编制 50 → 48".
 */
final class PlanDiff {

  private static final List<Field<PlanRequest>> PLAN_FIELDS = List.of(
      new Field<>("title", "标题", PlanRequest::title),
      new Field<>("planType", "方案类型", PlanRequest::planType),
      new Field<>("deadline", "完成期限", PlanRequest::deadline));

  private static final List<Field<Township>> TOWNSHIP_FIELDS = List.of(
      new Field<>("name", "名称", Township::name),
      new Field<>("kind", "类型", Township::kind),
      new Field<>("category", "乡镇类别", Township::category),
      new Field<>("builtUpPopulation", "建成区常住人口", Township::builtUpPopulation),
      new Field<>("administrativeStaff", "行政编制", Township::administrativeStaff),
      new Field<>("institutionalStaff", "事业编制", Township::institutionalStaff),
      new Field<>("leadershipPositions", "领导职数", Township::leadershipPositions),
      new Field<>("currentLeadershipPositions", "现有领导职数", Township::currentLeadershipPositions));

  private PlanDiff() {}

  static List<VersionChange> between(PlanRequest before, PlanRequest after) {
    List<VersionChange> changes = new ArrayList<>();
    Diffs.fields(changes, null, null, "方案", PLAN_FIELDS, before, after);
    for (Diffs.Match<Township> m : Diffs.match(before.townships(), after.townships(), Township::code)) {
      if (m.after() == null) {
        Township t = m.before();
        changes.add(VersionChange.removed(t.code(), path(t.code()), t, "删除乡镇（街道）“" + t.name() + "”（" + t.code() + "）"));
      } else if (m.before() == null) {
        Township t = m.after();
        changes.add(VersionChange.added(t.code(), path(t.code()), t, "新增乡镇（街道）“" + t.name() + "”（" + t.code() + "）：" + outline(t)));
      } else {
        township(changes, m.before(), m.after());
      }
    }
    return changes;
  }

  private static void township(List<VersionChange> changes, Township before, Township after) {
    String code = after.code();
    Diffs.fields(changes, code, path(code), after.name(), TOWNSHIP_FIELDS, before, after);
    units(changes, after, "bodies", "党政工作机构", before.bodies(), after.bodies());
    units(changes, after, "institutions", "事业单位", before.institutions(), after.institutions());
  }

  /** Units matched by name; a name given twice pairs its first with the first, its second with the second. */
  private static void units(List<VersionChange> changes, Township township, String list, String what, List<Unit> before,
      List<Unit> after) {
    String code = township.code();
    for (Diffs.Match<Unit> m : Diffs.match(before, after, Unit::name)) {
      Unit u = m.after() == null ? m.before() : m.after();
      String path = path(code) + "." + list + "[" + u.name() + "]";
      if (m.after() == null) {
        changes.add(VersionChange.removed(code, path, u, township.name() + "：删除" + what + "“" + u.name() + "”（编制" + u.staff() + "名）"));
      } else if (m.before() == null) {
        changes.add(VersionChange.added(code, path, u, township.name() + "：新增" + what + "“" + u.name() + "”（编制" + u.staff() + "名）"));
      } else if (!Objects.equals(m.before().staff(), u.staff())) {
        changes.add(VersionChange.changed(code, path + ".staff", m.before().staff(), u.staff(),
            township.name() + "：" + what + "“" + u.name() + "”编制 " + m.before().staff() + " → " + u.staff()));
      }
    }
  }

  private static String outline(Township t) {
    return "党政工作机构" + t.bodies().size() + "个、事业单位" + t.institutions().size() + "个，行政编制"
        + t.administrativeStaff() + "名、事业编制" + t.institutionalStaff() + "名";
  }

  private static String path(String townshipCode) {
    return "townships[" + townshipCode + "]";
  }
}
