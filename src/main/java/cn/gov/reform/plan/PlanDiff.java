package cn.gov.reform.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

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

  private record Field<T>(String name, String label, Function<T, Object> value) {}

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
    for (Field<PlanRequest> f : PLAN_FIELDS) {
      field(changes, null, f.name(), "方案", f, before, after);
    }
    Map<String, Township> was = byCode(before.townships());
    Map<String, Township> is = byCode(after.townships());
    was.forEach((code, t) -> {
      if (!is.containsKey(code)) {
        changes.add(VersionChange.removed(code, path(code), t, "删除乡镇（街道）“" + t.name() + "”（" + code + "）"));
      }
    });
    is.forEach((code, t) -> {
      Township old = was.get(code);
      if (old == null) {
        changes.add(VersionChange.added(code, path(code), t, "新增乡镇（街道）“" + t.name() + "”（" + code + "）：" + outline(t)));
      } else {
        township(changes, old, t);
      }
    });
    return changes;
  }

  private static void township(List<VersionChange> changes, Township before, Township after) {
    String code = after.code();
    for (Field<Township> f : TOWNSHIP_FIELDS) {
      field(changes, code, path(code) + "." + f.name(), after.name(), f, before, after);
    }
    units(changes, after, "bodies", "党政工作机构", before.bodies(), after.bodies());
    units(changes, after, "institutions", "事业单位", before.institutions(), after.institutions());
  }

  private static <T> void field(List<VersionChange> changes, String scope, String path, String subject, Field<T> f,
      T before, T after) {
    Object was = f.value().apply(before);
    Object is = f.value().apply(after);
    if (!Objects.equals(was, is)) {
      String text = subject + "：" + f.label() + " " + shown(was) + " → " + shown(is);
      changes.add(VersionChange.changed(scope, path, was, is, text));
    }
  }

  /** Units matched by name; a name given twice pairs its first with the first, its second with the second. */
  private static void units(List<VersionChange> changes, Township township, String list, String what, List<Unit> before,
      List<Unit> after) {
    Map<String, List<Unit>> was = byName(before);
    Map<String, Integer> taken = new HashMap<>();
    List<VersionChange> addedOrChanged = new ArrayList<>();
    String code = township.code();
    for (Unit u : after == null ? List.<Unit>of() : after) {
      int n = taken.merge(u.name(), 1, Integer::sum) - 1;
      List<Unit> same = was.getOrDefault(u.name(), List.of());
      String path = path(code) + "." + list + "[" + u.name() + "]";
      if (n >= same.size()) {
        addedOrChanged.add(VersionChange.added(code, path, u,
            township.name() + "：新增" + what + "“" + u.name() + "”（编制" + u.staff() + "名）"));
      } else if (!Objects.equals(same.get(n).staff(), u.staff())) {
        addedOrChanged.add(VersionChange.changed(code, path + ".staff", same.get(n).staff(), u.staff(),
            township.name() + "：" + what + "“" + u.name() + "”编制 " + same.get(n).staff() + " → " + u.staff()));
      }
    }
    was.forEach((name, units) -> {
      for (int i = taken.getOrDefault(name, 0); i < units.size(); i++) {
        changes.add(VersionChange.removed(code, path(code) + "." + list + "[" + name + "]", units.get(i),
            township.name() + "：删除" + what + "“" + name + "”（编制" + units.get(i).staff() + "名）"));
      }
    });
    changes.addAll(addedOrChanged);
  }

  private static String outline(Township t) {
    return "党政工作机构" + t.bodies().size() + "个、事业单位" + t.institutions().size() + "个，行政编制"
        + t.administrativeStaff() + "名、事业编制" + t.institutionalStaff() + "名";
  }

  private static String shown(Object value) {
    if (value == null) {
      return "（未填）";
    }
    if (value instanceof PlanRequest.Kind k) {
      return k.label();
    }
    if (value instanceof PlanRequest.PlanType p) {
      return p.label();
    }
    return value instanceof String s ? "“" + s + "”" : String.valueOf(value);
  }

  private static String path(String townshipCode) {
    return "townships[" + townshipCode + "]";
  }

  private static Map<String, Township> byCode(List<Township> townships) {
    Map<String, Township> map = new LinkedHashMap<>();
    (townships == null ? List.<Township>of() : townships).forEach(t -> map.put(t.code(), t));
    return map;
  }

  private static Map<String, List<Unit>> byName(List<Unit> units) {
    Map<String, List<Unit>> map = new LinkedHashMap<>();
    for (Unit u : units == null ? List.<Unit>of() : units) {
      map.computeIfAbsent(u.name(), k -> new ArrayList<>()).add(u);
    }
    return map;
  }
}
