package cn.gov.reform.approval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The parts every procedure's {@link VersionDiff} is made of: fields compared one by one, each change with the
 * sentence a reviewer reads ("磁窑镇：行政编制 50 → 48"), and the elements of a list paired by their key (a code, a
 * name) between two versions.
 */
public final class Diffs {

  private Diffs() {}

  /** A value that has a name officials read (an enum's 镇, 行政许可 …), which a change shows instead of its code. */
  public interface Labelled {
    String label();
  }

  /** A value as a change's sentence shows it: （未填）, a {@link Labelled}'s label, text in quotes, a number as it is. */
  public static String shown(Object value) {
    if (value == null) {
      return "（未填）";
    }
    if (value instanceof Labelled l) {
      return l.label();
    }
    return value instanceof String s ? "“" + s + "”" : String.valueOf(value);
  }

  /** A field as a reviewer reads it: its name in the path, its label, how to read it from the part. */
  public record Field<T>(String name, String label, Function<T, Object> value) {}

  /** An element of the older list and the one of the newer list it stands for; {@code before} null: added, {@code after} null: removed. */
  public record Match<E>(E before, E after) {}

  /**
   * Adds a CHANGED change for every field whose value differs between the two parts, at {@code path}.field ({@code
   * path} null: at the field's name), reading "subject：label before → after" with values as {@link #shown} writes them.
   */
  public static <T> void fields(List<VersionChange> changes, String scope, String path, String subject, List<Field<T>> fields,
      T before, T after) {
    for (Field<T> f : fields) {
      Object was = f.value().apply(before);
      Object is = f.value().apply(after);
      if (!Objects.equals(was, is)) {
        String text = subject + "：" + f.label() + " " + shown(was) + " → " + shown(is);
        changes.add(VersionChange.changed(scope, path == null ? f.name() : path + "." + f.name(), was, is, text));
      }
    }
  }

  /**
   * The elements of two versions of a list paired by key: first those only the older has (in its order), then every
   * element of the newer in its order, with its older counterpart or none. A key given twice pairs its first with the
   * first, its second with the second.
   */
  public static <E> List<Match<E>> match(List<E> before, List<E> after, Function<E, String> key) {
    Map<String, List<E>> was = new LinkedHashMap<>();
    for (E e : before == null ? List.<E>of() : before) {
      was.computeIfAbsent(key.apply(e), k -> new ArrayList<>()).add(e);
    }
    Map<String, Integer> taken = new HashMap<>();
    List<Match<E>> kept = new ArrayList<>();
    for (E e : after == null ? List.<E>of() : after) {
      int n = taken.merge(key.apply(e), 1, Integer::sum) - 1;
      List<E> same = was.getOrDefault(key.apply(e), List.of());
      kept.add(new Match<>(n < same.size() ? same.get(n) : null, e));
    }
    List<Match<E>> matches = new ArrayList<>();
    was.forEach((k, elements) -> {
      for (int i = taken.getOrDefault(k, 0); i < elements.size(); i++) {
        matches.add(new Match<>(elements.get(i), null));
      }
    });
    matches.addAll(kept);
    return matches;
  }
}
