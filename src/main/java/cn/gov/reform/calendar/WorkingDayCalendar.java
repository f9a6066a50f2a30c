package cn.gov.reform.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.ReformApprovalApplication;
import cn.gov.reform.engine.EngineClock;

/**
 * Working days (工作日) under the State Council holiday calendar, in Asia/Shanghai: Saturdays and
 * Sundays are rest days unless a notice makes them working days (调休上班); listed public holidays are
 * rest days. The bundled calendar (calendar/chinese-days.json, see NOTICE) is extended at run time by
 * the holiday notices an administrator loads ({@link CalendarNotices}).
 *
 * <p>A count that reaches into a year no notice covers goes on with weekends only and says so
 * ({@link Due#estimated()}); callers record that in the plan's timeline. Exposed to BPMN expressions as
 * {@code workingDayCalendar}, e.g. {@code camunda:dueDate="${workingDayCalendar.after(timeLimits.of('cityReview'))}"}.
 */
@Component("workingDayCalendar")
public class WorkingDayCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendar.class);
  public static final ZoneId ZONE = ZoneId.of(ReformApprovalApplication.ZONE);

  /** A computed due day: the last working day counted, and whether an unknown year was crossed. */
  public record Due(LocalDate day, boolean estimated) {

    /** The end of the due day (23:59:59 Asia/Shanghai): a limit of n working days includes the nth day. */
    public Date endOfDay() {
      return Date.from(day.plusDays(1).atStartOfDay(ZONE).minusSeconds(1).toInstant());
    }
  }

  /** Dates a notice changes: true = working day (调休上班), false = holiday. */
  private volatile Map<LocalDate, Boolean> exceptions = Map.of();
  private volatile Set<Integer> knownYears = Set.of();
  private final Map<LocalDate, Boolean> bundled;
  private final Set<Integer> bundledYears;

  public WorkingDayCalendar() {
    try (InputStream in = getClass().getResourceAsStream("/calendar/chinese-days.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      Map<LocalDate, Boolean> days = new HashMap<>();
      root.get("holidays").fieldNames().forEachRemaining(d -> days.put(LocalDate.parse(d), false));
      root.get("workdays").fieldNames().forEachRemaining(d -> days.put(LocalDate.parse(d), true));
      Set<Integer> years = new TreeSet<>();
      days.keySet().forEach(d -> years.add(d.getYear()));
      bundled = Map.copyOf(days);
      bundledYears = Set.copyOf(years);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the bundled holiday calendar calendar/chinese-days.json", e);
    }
    exceptions = bundled;
    knownYears = bundledYears;
  }

  /** Adds (or replaces) one year's notice: its holidays and its adjusted working weekends. */
  public synchronized void loadYear(int year, Set<LocalDate> holidays, Set<LocalDate> workdays) {
    Map<LocalDate, Boolean> days = new HashMap<>(exceptions);
    days.keySet().removeIf(d -> d.getYear() == year);
    holidays.forEach(d -> days.put(d, false));
    workdays.forEach(d -> days.put(d, true));
    Set<Integer> years = new TreeSet<>(knownYears);
    years.add(year);
    exceptions = Map.copyOf(days);
    knownYears = Set.copyOf(years);
  }

  /** Drops a loaded year's notice: the year is as bundled again (or unknown). Tests undo the notices they load. */
  synchronized void forgetYear(int year) {
    Map<LocalDate, Boolean> days = new HashMap<>(exceptions);
    days.keySet().removeIf(d -> d.getYear() == year);
    bundled.forEach((d, working) -> {
      if (d.getYear() == year) {
        days.put(d, working);
      }
    });
    Set<Integer> years = new TreeSet<>(knownYears);
    if (!bundledYears.contains(year)) {
      years.remove(year);
    }
    exceptions = Map.copyOf(days);
    knownYears = Set.copyOf(years);
  }

  public boolean knows(int year) {
    return knownYears.contains(year);
  }

  public int lastKnownYear() {
    return knownYears.stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  public boolean isWorkingDay(LocalDate day) {
    Boolean exception = exceptions.get(day);
    if (exception != null) {
      return exception;
    }
    return !weekend(day);
  }

  /** Saturday or Sunday: a rest day unless a notice makes it a working day. */
  static boolean weekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /**
   * The nth working day after {@code start} (the start day itself is not counted, as a time limit runs
   * from the day after receipt). n = 0 gives the start day if it is a working day, else the next one.
   */
  public Due plus(LocalDate start, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + n);
    }
    LocalDate day = start;
    boolean estimated = !knows(day.getYear());
    int counted = 0;
    if (n == 0) {
      while (!isWorkingDay(day)) {
        day = day.plusDays(1);
        estimated |= !knows(day.getYear());
      }
      return new Due(day, estimated);
    }
    while (counted < n) {
      day = day.plusDays(1);
      estimated |= !knows(day.getYear());
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return new Due(day, estimated);
  }

  /**
   * The nth working day before {@code day} (the day itself is not counted): when a reminder n working days ahead of a
   * date falls due, e.g. 5 working days before a secondment ends. n = 0 gives the day if it is a working day, else the
   * working day before it.
   */
  public LocalDate before(LocalDate day, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + n);
    }
    LocalDate d = day;
    if (n == 0) {
      while (!isWorkingDay(d)) {
        d = d.minusDays(1);
      }
      return d;
    }
    for (int counted = 0; counted < n;) {
      d = d.minusDays(1);
      if (isWorkingDay(d)) {
        counted++;
      }
    }
    return d;
  }

  /**
   * Working days from one day to a later one, counted like a time limit: the first day is not
   * counted, the last is if it is a working day (received Monday, answered Wednesday = 2). 0 when
   * {@code to} is not after {@code from}.
   */
  public int between(LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Working days from one moment to a later one, each taken as its day in Asia/Shanghai and counted as
   * {@link #between(LocalDate, LocalDate)}: how long a task took (created Monday, completed Wednesday = 2).
   */
  public int between(Instant from, Instant to) {
    return between(from.atZone(ZONE).toLocalDate(), to.atZone(ZONE).toLocalDate());
  }

  /** Today in Asia/Shanghai by the engine's clock (which tests move). */
  public LocalDate today() {
    return ZonedDateTime.ofInstant(EngineClock.now(), ZONE).toLocalDate();
  }

  /** For BPMN: the end of the nth working day from today, e.g. a task's due date. */
  public Date after(int n) {
    Due due = plus(today(), n);
    if (due.estimated()) {
      LOG.warn("{} working days from {} reach into a year without a holiday notice (last known {}): counted weekends only, due {}",
          n, today(), lastKnownYear(), due.day());
    }
    return due.endOfDay();
  }

  /** For BPMN: the end of the nth working day after a given moment (e.g. after a task's due date). */
  public Date after(Date from, int n) {
    return plus(ZonedDateTime.ofInstant(from.toInstant(), ZONE).toLocalDate(), n).endOfDay();
  }
}
