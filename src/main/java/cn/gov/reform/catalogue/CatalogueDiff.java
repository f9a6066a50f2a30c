package cn.gov.reform.catalogue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.gov.reform.approval.Diffs;
import cn.gov.reform.approval.Diffs.Field;
import cn.gov.reform.approval.VersionChange;
import cn.gov.reform.catalogue.CatalogueRequest.Item;
import cn.gov.reform.catalogue.CatalogueRequest.TakenBack;
import cn.gov.reform.web.FieldError;

/**
 * An adjustment against the catalogue in force, as a reviewer asks it (README "权力目录 · 调整"): powers added, taken
 * back (收回) and changed — matched by name; a renamed power is one taken back and one added — each with the sentence a
 * reviewer reads and the county's reason. And the rule of an adjustment: every change carries its reason.
 */
final class CatalogueDiff {

  private static final List<Field<Item>> FIELDS = List.of(
      new Field<>("kind", "类别", Item::kind),
      new Field<>("mode", "方式", Item::mode),
      new Field<>("department", "原行使部门", Item::department),
      new Field<>("legalBasis", "法律依据", it -> it.legalBasis() == null ? null : it.legalBasis().text()),
      new Field<>("guidanceEntry", "指导目录条目", Item::guidanceEntry));

  private CatalogueDiff() {}

  /** The changes from the powers in force to the adjusted ones; {@code takenBack} gives the reasons of those left out. */
  static List<VersionChange> between(List<Item> inForce, List<Item> adjusted, List<TakenBack> takenBack) {
    Map<String, String> why = takenBack.stream().collect(Collectors.toMap(t -> t.name().strip(), TakenBack::reason, (a, b) -> a));
    List<VersionChange> changes = new ArrayList<>();
    for (Diffs.Match<Item> m : Diffs.match(inForce, adjusted, CatalogueDiff::name)) {
      if (m.after() == null) {
        Item it = m.before();
        changes.add(VersionChange.removed(name(it), path(it), it, "收回事项“" + it.name() + "”" + reason(why.get(name(it)))));
      } else if (m.before() == null) {
        Item it = m.after();
        changes.add(VersionChange.added(name(it), path(it), it, "新增事项“" + it.name() + "”（" + outline(it) + "）" + reason(it.reason())));
      } else {
        List<VersionChange> fields = new ArrayList<>();
        Diffs.fields(fields, name(m.after()), path(m.after()), "事项“" + m.after().name() + "”", FIELDS, m.before(), m.after());
        fields.forEach(c -> changes.add(new VersionChange(c.kind(), c.scope(), c.path(), c.before(), c.after(),
            c.text() + reason(m.after().reason()))));
      }
    }
    return changes;
  }

  /**
   * What an adjustment leaves unexplained (refused with these errors): a power added or changed without its reason, a
   * power in force left out without being taken back, a power taken back that is not left out, or no change at all. A
   * first catalogue ({@code inForce} null) takes nothing back.
   */
  static List<FieldError> unexplained(List<Item> inForce, CatalogueRequest adjusted, int editionInForce) {
    List<FieldError> errors = new ArrayList<>();
    if (inForce == null) {
      if (!adjusted.takenBack().isEmpty()) {
        errors.add(new FieldError("takenBack", "该乡镇还没有公布的目录，没有可收回的事项"));
      }
      return errors;
    }
    Map<Item, Integer> position = new IdentityHashMap<>();
    for (int i = 0; i < adjusted.items().size(); i++) {
      position.put(adjusted.items().get(i), i);
    }
    Set<String> takenBack = adjusted.takenBack().stream().map(t -> t.name().strip()).collect(Collectors.toSet());
    Set<String> leftOut = new java.util.HashSet<>();
    boolean changed = false;
    for (Diffs.Match<Item> m : Diffs.match(inForce, adjusted.items(), CatalogueDiff::name)) {
      if (m.after() == null) {
        changed = true;
        leftOut.add(name(m.before()));
        if (!takenBack.contains(name(m.before()))) {
          errors.add(new FieldError("takenBack", "现行目录的事项“" + m.before().name() + "”未列入本目录：如要收回，请写明收回理由"));
        }
      } else if (m.before() == null || !m.before().withoutReason().equals(m.after().withoutReason())) {
        changed = true;
        if (m.after().reason() == null || m.after().reason().isBlank()) {
          errors.add(new FieldError("items[" + position.get(m.after()) + "].reason",
              (m.before() == null ? "新增" : "变更") + "的事项须写调整理由"));
        }
      }
    }
    for (int j = 0; j < adjusted.takenBack().size(); j++) {
      String name = adjusted.takenBack().get(j).name().strip();
      if (!leftOut.contains(name)) {
        errors.add(new FieldError("takenBack[" + j + "].name", "“" + name + "”不是本次收回的现行事项（现行目录没有该事项，或本目录仍列有它）"));
      }
    }
    if (!changed) {
      errors.add(new FieldError("items", "与现行目录（第" + editionInForce + "版）相同，没有调整"));
    }
    return errors;
  }

  private static String name(Item it) {
    return it.name().strip();
  }

  private static String path(Item it) {
    return "items[" + name(it) + "]";
  }

  private static String outline(Item it) {
    return it.kind().label() + "，" + it.mode().label() + "；原由" + it.department() + "行使"
        + (it.legalBasis() == null ? "" : "；" + it.legalBasis().text());
  }

  private static String reason(String reason) {
    return reason == null || reason.isBlank() ? "" : "。理由：" + reason.strip();
  }
}
