package cn.gov.reform.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The where-clause of a page of a procedure's items, built with its arguments: the filters asked for, then what the
 * caller may see ({@link Jurisdiction#sqlScope}, the one scope rule), then the page's limit and offset.
 */
public final class ScopedQuery {

  private final StringBuilder where = new StringBuilder(" where 1=1");
  private final List<Object> args = new ArrayList<>();

  /** {@code column = value}, unless no value is given. */
  public ScopedQuery eq(String column, String value) {
    return value == null || value.isBlank() ? this : and(column + " = ?", value);
  }

  /** {@code column in (values)}; no values match nothing. */
  public ScopedQuery in(String column, Collection<String> values) {
    if (values.isEmpty()) {
      return and("1=0");
    }
    return and(column + " in (" + String.join(",", values.stream().map(v -> "?").toList()) + ")", values.toArray());
  }

  /** A condition with its arguments. */
  public ScopedQuery and(String condition, Object... values) {
    where.append(" and ").append(condition);
    args.addAll(List.of(values));
    return this;
  }

  /** Narrows to the items the caller may see (columns of {@code alias}, null for none); false when that is nothing. */
  public boolean visibleTo(Jurisdiction caller, String alias) {
    return visibleTo(caller, alias, null);
  }

  /**
   * {@link #visibleTo(Jurisdiction, String)} for items that name townships: their officials see the rows for which
   * {@code townshipCondition} (one {@code ?}, see {@link Jurisdiction#sqlScope(String, List, String)}) holds.
   */
  public boolean visibleTo(Jurisdiction caller, String alias, String townshipCondition) {
    String scope = caller.sqlScope(alias, args, townshipCondition);
    if (scope == null) {
      return false;
    }
    where.append(" and ").append(scope);
    return true;
  }

  public String where() {
    return where.toString();
  }

  public Object[] args() {
    return args.toArray();
  }

  /** The arguments followed by the page's limit and offset ({@code limit ? offset ?}). */
  public Object[] pageArgs(int page, int size) {
    List<Object> all = new ArrayList<>(args);
    all.add(size);
    all.add((long) page * size);
    return all.toArray();
  }
}
