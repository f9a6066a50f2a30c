package cn.gov.reform.engine;

import java.util.Optional;
import java.util.function.Predicate;

/** The first exception in a cause chain that matches: what engine REST and the engine wrap, found again. */
final class Causes {

  private Causes() {}

  static Optional<Throwable> first(Throwable e, Predicate<Throwable> match) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (match.test(t)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  static <T> Optional<T> first(Throwable e, Class<T> type) {
    return first(e, type::isInstance).map(type::cast);
  }
}
