package cn.gov.reform.plan;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import cn.gov.reform.operations.Refreshed;
import cn.gov.reform.operations.StatusGauges;

/**
 * Gauges for {@code /actuator/prometheus}: plans by status ({@code reform_plans{status}}), overdue plans still under
 * way ({@code reform_plans_overdue}) and open incidents ({@code reform_incidents}). One grouped query and one
 * count per scrape at most: the numbers are read together and kept for {@code app.metrics.refresh}.
 */
@Component
class PlanMetrics {

  record Snapshot(Map<PlanStatus, Long> byStatus, long overdue, long incidents) {}

  private final JdbcTemplate jdbc;
  private final ProcessEngine engine;
  private final Refreshed<Snapshot> snapshot;

  PlanMetrics(MeterRegistry registry, JdbcTemplate jdbc, ProcessEngine engine,
      @Value("${app.metrics.refresh:PT10S}") Duration refresh) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.snapshot = new Refreshed<>(refresh, this::take);
    StatusGauges.register(registry, "reform.plans", "方案数（按状态）", PlanStatus.values(), () -> snapshot().byStatus());
    Gauge.builder("reform.plans.overdue", this, m -> m.snapshot().overdue())
        .description("逾期仍未办结的方案数（起草中或审核中）").register(registry);
    Gauge.builder("reform.incidents", this, m -> m.snapshot().incidents())
        .description("未解决的流程事件（incident）数，如重试用尽的政策校验").register(registry);
  }

  Snapshot snapshot() {
    return snapshot.get();
  }

  private Snapshot take() {
    Map<PlanStatus, Long> byStatus = new EnumMap<>(PlanStatus.class);
    for (PlanStatus s : PlanStatus.values()) {
      byStatus.put(s, 0L);
    }
    long[] overdue = {0};
    jdbc.query("select status, overdue, count(*) from app_plan group by status, overdue", rs -> {
      PlanStatus status = PlanStatus.valueOf(rs.getString(1));
      long n = rs.getLong(3);
      byStatus.merge(status, n, Long::sum);
      if (rs.getBoolean(2) && (status == PlanStatus.DRAFT || status == PlanStatus.IN_REVIEW)) {
        overdue[0] += n;
      }
    });
    return new Snapshot(byStatus, overdue[0], incidents());
  }

  /** All open incidents, whoever's request thread this runs on: counted without the caller's authorizations. */
  private long incidents() {
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return engine.getRuntimeService().createIncidentQuery().count();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
