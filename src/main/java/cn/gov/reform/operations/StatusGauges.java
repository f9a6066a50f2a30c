package cn.gov.reform.operations;

import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** A procedure's items by status as gauges: {@code name{status}}, one per status, every status listed even at 0. */
public final class StatusGauges {

  private StatusGauges() {}

  public static <S extends Enum<S>> void register(MeterRegistry registry, String name, String description, S[] statuses,
      Supplier<Map<S, Long>> counts) {
    for (S status : statuses) {
      Gauge.builder(name, counts, c -> c.get().getOrDefault(status, 0L)).description(description).tag("status", status.name())
          .strongReference(true).register(registry);
    }
  }
}
