package cn.gov.reform.operations;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A reading kept for a while (e.g. the figures behind a metric's gauges): read again at most every {@code every},
 * however often it is asked for, so a Prometheus scrape of many gauges costs one query.
 */
public final class Refreshed<T> implements Supplier<T> {

  private final long everyNanos;
  private final Supplier<T> read;
  private T last;
  private long takenAt;

  public Refreshed(Duration every, Supplier<T> read) {
    this.everyNanos = every.toNanos();
    this.read = read;
  }

  @Override
  public synchronized T get() {
    long now = System.nanoTime();
    if (last == null || now - takenAt >= everyNanos) {
      last = read.get();
      takenAt = now;
    }
    return last;
  }
}
