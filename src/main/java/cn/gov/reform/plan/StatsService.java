package cn.gov.reform.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.RegionDirectory.Region;
import cn.gov.reform.identity.RegionDirectory;

/**
 * The campaign as a manager watches it: plans by status per city, open plans past their deadline by
 * region, working days each stage takes, and deadlines coming up. Reads the app's plan table and the
 * engine's task history (ACT_HI_TASKINST) joined on the plan's process instance, within the viewer's
 * {@link Jurisdiction} exactly as {@code GET /api/plans} is.
 */
@Service
public class StatsService {

  static final Set<String> OPEN = Set.of(PlanStatus.DRAFT.name(), PlanStatus.IN_REVIEW.name());

  private final JdbcTemplate jdbc;
  private final RegionDirectory regions;
  private final WorkingDayCalendar calendar;
  /** How far ahead "due soon" looks, in working days ({@code app.deadlines.due-soon-working-days}). */
  private final int dueSoonWorkingDays;

  public StatsService(JdbcTemplate jdbc, RegionDirectory regions, WorkingDayCalendar calendar,
      @Value("${app.deadlines.due-soon-working-days:10}") int dueSoonWorkingDays) {
    this.jdbc = jdbc;
    this.regions = regions;
    this.calendar = calendar;
    this.dueSoonWorkingDays = dueSoonWorkingDays;
  }

  public CampaignStats of(Jurisdiction viewer) {
    LocalDate today = calendar.today();
    String level = regionLevel(viewer);
    List<Object> args = new ArrayList<>();
    String scope = viewer.sqlScope("p", args);
    if (scope == null) {
      return new CampaignStats(today, level, dueSoonWorkingDays, 0, List.of(), List.of(), List.of(), List.of());
    }
    long plans = jdbc.queryForObject("select count(*) from app_plan p where " + scope, Long.class, args.toArray());
    return new CampaignStats(today, level, dueSoonWorkingDays, plans, byStatus(scope, args), overdue(scope, args, level),
        stageDurations(scope, args), dueSoon(scope, args, today));
  }

  private List<CampaignStats.StatusCount> byStatus(String scope, List<Object> args) {
    return jdbc.query("select p.province_code, p.city_code, p.status, count(*) n from app_plan p where " + scope
        + " group by p.province_code, p.city_code, p.status order by p.province_code, p.city_code, p.status",
        (rs, i) -> {
          PlanStatus status = PlanStatus.valueOf(rs.getString(3));
          return new CampaignStats.StatusCount(rs.getString(1), name(regions.province(rs.getString(1)), rs.getString(1)),
              rs.getString(2), name(regions.city(rs.getString(2)), rs.getString(2)), status.name(), status.label(),
              rs.getLong(4));
        }, args.toArray());
  }

  private List<CampaignStats.RegionCount> overdue(String scope, List<Object> args, String level) {
    String column = level + "_code";
    List<Object> a = new ArrayList<>(args);
    a.addAll(OPEN);
    return jdbc.query("select p." + column + ", count(*) n from app_plan p where " + scope
        + " and p.overdue = true and p.status in (?,?) group by p." + column + " order by count(*) desc, p." + column,
        (rs, i) -> new CampaignStats.RegionCount(rs.getString(1), regionName(level, rs.getString(1)), rs.getLong(2)),
        a.toArray());
  }

  private List<CampaignStats.StageDuration> stageDurations(String scope, List<Object> args) {
    record Sum(long days, long samples) {}
    Map<String, Sum> sums = new LinkedHashMap<>();
    jdbc.query("select t.TASK_DEF_KEY_, t.START_TIME_, t.END_TIME_ from ACT_HI_TASKINST t"
        + " join app_plan p on p.process_instance_id = t.PROC_INST_ID_"
        + " where t.END_TIME_ is not null and t.DELETE_REASON_ = 'completed' and " + scope,
        rs -> {
          int days = calendar.between(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant());
          sums.merge(rs.getString(1), new Sum(days, 1), (x, y) -> new Sum(x.days() + y.days(), x.samples() + y.samples()));
        }, args.toArray());
    List<String> order = new ArrayList<>(Arrays.stream(Stage.values()).map(Stage::taskKey).toList());
    order.add(ProcessKeys.SUPERVISE_PLAN);
    return sums.entrySet().stream()
        .sorted(Comparator.comparingInt(e -> order.indexOf(e.getKey()) < 0 ? Integer.MAX_VALUE : order.indexOf(e.getKey())))
        .map(e -> new CampaignStats.StageDuration(e.getKey(), stageName(e.getKey()),
            Math.round(10.0 * e.getValue().days() / e.getValue().samples()) / 10.0, e.getValue().samples()))
        .toList();
  }

  private List<CampaignStats.DueSoon> dueSoon(String scope, List<Object> args, LocalDate today) {
    LocalDate horizon = calendar.plus(today, dueSoonWorkingDays).day();
    List<Object> a = new ArrayList<>(args);
    a.addAll(OPEN);
    a.add(java.sql.Date.valueOf(today));
    a.add(java.sql.Date.valueOf(horizon));
    return jdbc.query("select p.id, p.title, p.county_code, p.status, p.deadline, p.process_instance_id from app_plan p where "
        + scope + " and p.status in (?,?) and p.overdue = false and p.deadline >= ? and p.deadline <= ? order by p.deadline, p.created_at, p.id",
        (rs, i) -> {
          LocalDate deadline = rs.getDate(5).toLocalDate();
          PlanStatus status = PlanStatus.valueOf(rs.getString(4));
          return new CampaignStats.DueSoon(rs.getString(1), rs.getString(2), rs.getString(3),
              regions.describeCounty(rs.getString(3)), status.name(), status.label(), deadline,
              calendar.between(today, deadline), rs.getString(6));
        }, a.toArray());
  }

  /** The level the viewer's overview breaks down to: the whole country by province, a province by city, a city by county. */
  static String regionLevel(Jurisdiction viewer) {
    if (viewer.admin() || viewer.provinces().size() > 1) {
      return "province";
    }
    if (!viewer.provinces().isEmpty() || viewer.cities().size() > 1) {
      return "city";
    }
    return "county";
  }

  /** The where-clause of what the viewer may see (as GET /api/plans); null if nothing. */
  private String regionName(String level, String code) {
    return switch (level) {
      case "province" -> name(regions.province(code), code);
      case "city" -> name(regions.city(code), code);
      default -> name(regions.county(code), code);
    };
  }

  private static String name(java.util.Optional<Region> region, String code) {
    return region.map(Region::name).orElse(code);
  }

  static String stageName(String taskKey) {
    if (ProcessKeys.SUPERVISE_PLAN.equals(taskKey)) {
      return "督办";
    }
    return Stage.of(taskKey).map(Stage::label).orElse(taskKey);
  }
}
