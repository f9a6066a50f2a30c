package cn.gov.reform.catalogue;

import java.sql.Date;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.operations.Refreshed;
import cn.gov.reform.operations.StatusGauges;

/**
 * Gauges for {@code /actuator/prometheus}: catalogues by status ({@code reform_catalogues{status}}) and those past their
 * province's deadline still under way ({@code reform_catalogues_overdue}). Two counts per {@code app.metrics.refresh} at
 * most, however often Prometheus scrapes.
 */
@Component
class CatalogueMetrics {

  record Snapshot(Map<CatalogueStatus, Long> byStatus, long overdue) {}

  private final JdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;
  private final Refreshed<Snapshot> snapshot;

  CatalogueMetrics(MeterRegistry registry, JdbcTemplate jdbc, WorkingDayCalendar calendar,
      @Value("${app.metrics.refresh:PT10S}") Duration refresh) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.snapshot = new Refreshed<>(refresh, this::take);
    StatusGauges.register(registry, "reform.catalogues", "放权赋权目录数（按状态）", CatalogueStatus.values(),
        () -> snapshot.get().byStatus());
    Gauge.builder("reform.catalogues.overdue", this, m -> m.snapshot.get().overdue())
        .description("超过本省完成期限仍未办结的放权赋权目录数").register(registry);
  }

  private Snapshot take() {
    Map<CatalogueStatus, Long> byStatus = new EnumMap<>(CatalogueStatus.class);
    for (CatalogueStatus s : CatalogueStatus.values()) {
      byStatus.put(s, 0L);
    }
    jdbc.query("select status, count(*) from app_catalogue group by status",
        rs -> { byStatus.put(CatalogueStatus.valueOf(rs.getString(1)), rs.getLong(2)); });
    Long overdue = jdbc.queryForObject("select count(*) from app_catalogue where " + CatalogueRepository.OVERDUE, Long.class,
        CatalogueStatus.DRAFT.name(), CatalogueStatus.IN_REVIEW.name(), Date.valueOf(calendar.today()));
    return new Snapshot(byStatus, overdue == null ? 0 : overdue);
  }
}
