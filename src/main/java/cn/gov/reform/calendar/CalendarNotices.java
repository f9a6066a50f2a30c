package cn.gov.reform.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.InvalidFields;

/**
 * Holiday notices loaded at run time (no rebuild): stored in app_calendar_* so they survive restarts,
 * and applied to the {@link WorkingDayCalendar} at start and when loaded.
 */
@Service
public class CalendarNotices {

  /** One year's notice as an administrator enters it. */
  @Schema(description = "国务院办公厅一年的节假日安排通知")
  public record Notice(
      @Schema(description = "通知名称（出处）", example = "国务院办公厅关于2027年部分节假日安排的通知") String source,
      @Schema(description = "放假日期：该年周一至周五中休息的日子（周末本就休息，不列）", example = "[\"2027-01-01\", \"2027-02-08\"]")
      List<LocalDate> holidays,
      @Schema(description = "调休上班日期：该年要上班的周六、周日（不能同时列为放假日期）", example = "[\"2027-02-06\", \"2027-02-07\"]")
      List<LocalDate> workdays) {}

  /** A year as the calendar now knows it. */
  @Schema(description = "一年的工作日安排")
  public record Year(
      @Schema(description = "年份", example = "2027") int year,
      @Schema(description = "是否已有该年的节假日安排（否则只按周末推算）", example = "true") boolean known,
      @Schema(description = "安排的出处", example = "国务院办公厅关于2027年部分节假日安排的通知", nullable = true) String source,
      @Schema(description = "工作日（周一至周五）中的放假日期") List<LocalDate> holidays,
      @Schema(description = "调休上班的周末日期") List<LocalDate> workdays) {}

  /** A notice that cannot be loaded, with every field at fault. */
  public static class InvalidNoticeException extends RuntimeException implements InvalidFields {
    private final transient List<FieldError> errors;

    InvalidNoticeException(List<FieldError> errors) {
      super(errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("；")));
      this.errors = List.copyOf(errors);
    }

    @Override
    public String problemTitle() {
      return "节假日通知数据有误";
    }

    @Override
    public List<FieldError> errors() {
      return errors;
    }
  }

  static final String BUNDLED = "chinese-days 1.5.7（随程序提供，见 NOTICE）";

  private final JdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;

  public CalendarNotices(JdbcTemplate jdbc, WorkingDayCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    Map<Integer, List<Object[]>> stored = new TreeMap<>();
    jdbc.query("select notice_year, calendar_date, working from app_calendar_day", rs -> {
      stored.computeIfAbsent(rs.getInt(1), y -> new ArrayList<>()).add(new Object[] {rs.getDate(2).toLocalDate(), rs.getBoolean(3)});
    });
    jdbc.queryForList("select notice_year from app_calendar_notice", Integer.class).forEach(y -> stored.putIfAbsent(y, List.of()));
    stored.forEach((year, days) -> calendar.loadYear(year,
        days.stream().filter(d -> !(Boolean) d[1]).map(d -> (LocalDate) d[0]).collect(Collectors.toSet()),
        days.stream().filter(d -> (Boolean) d[1]).map(d -> (LocalDate) d[0]).collect(Collectors.toSet())));
  }

  /** Checks and stores a year's notice, replacing an earlier one, and applies it at once. */
  @Transactional
  public Year load(int year, Notice notice, String actor) {
    List<FieldError> errors = check(year, notice);
    if (!errors.isEmpty()) {
      throw new InvalidNoticeException(errors);
    }
    jdbc.update("delete from app_calendar_day where notice_year = ?", year);
    jdbc.update("delete from app_calendar_notice where notice_year = ?", year);
    jdbc.update("insert into app_calendar_notice (notice_year, source, loaded_by, loaded_at) values (?, ?, ?, ?)",
        year, notice.source().strip(), actor, Timestamp.from(Instant.now()));
    List<Object[]> rows = new ArrayList<>();
    notice.holidays().forEach(d -> rows.add(new Object[] {Date.valueOf(d), year, false}));
    notice.workdays().forEach(d -> rows.add(new Object[] {Date.valueOf(d), year, true}));
    jdbc.batchUpdate("insert into app_calendar_day (calendar_date, notice_year, working) values (?, ?, ?)", rows);
    calendar.loadYear(year, Set.copyOf(notice.holidays()), Set.copyOf(notice.workdays()));
    return year(year);
  }

  public Year year(int year) {
    List<String> source = jdbc.queryForList("select source from app_calendar_notice where notice_year = ?", String.class, year);
    List<LocalDate> holidays = new ArrayList<>();
    List<LocalDate> workdays = new ArrayList<>();
    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
      boolean weekend = WorkingDayCalendar.weekend(d);
      boolean working = calendar.isWorkingDay(d);
      if (!weekend && !working) {
        holidays.add(d);
      } else if (weekend && working) {
        workdays.add(d);
      }
    }
    boolean known = calendar.knows(year);
    return new Year(year, known, source.isEmpty() ? (known ? BUNDLED : null) : source.get(0), holidays, workdays);
  }

  private static List<FieldError> check(int year, Notice notice) {
    List<FieldError> errors = new ArrayList<>();
    if (year < 2004 || year > 2100) {
      errors.add(new FieldError("year", "年份应在2004—2100之间"));
    }
    if (notice == null) {
      errors.add(new FieldError("", "请求体不能为空"));
      return errors;
    }
    if (notice.source() == null || notice.source().isBlank() || notice.source().length() > 200) {
      errors.add(new FieldError("source", "应填写通知名称或文号（不超过200字）"));
    }
    if (notice.holidays() == null || notice.holidays().isEmpty() || notice.holidays().size() > 60) {
      errors.add(new FieldError("holidays", "应列出1—60个放假日期"));
    }
    if (notice.workdays() == null || notice.workdays().size() > 20) {
      errors.add(new FieldError("workdays", "应列出0—20个调休上班日期（没有则为空数组）"));
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    Map<LocalDate, String> holidays = firstPlaces("holidays", notice.holidays());
    Map<LocalDate, String> workdays = firstPlaces("workdays", notice.workdays());
    dates(errors, "holidays", year, notice.holidays(), holidays, workdays, false);
    dates(errors, "workdays", year, notice.workdays(), workdays, holidays, true);
    return errors;
  }

  /** Where each date is first listed, e.g. 2027-02-06 → workdays[0]. */
  private static Map<LocalDate, String> firstPlaces(String field, List<LocalDate> days) {
    Map<LocalDate, String> first = new HashMap<>();
    for (int i = 0; i < days.size(); i++) {
      if (days.get(i) != null) {
        first.putIfAbsent(days.get(i), field + "[" + i + "]");
      }
    }
    return first;
  }

  /**
   * One error per date a notice cannot mean: outside its year, listed twice, both a holiday and a working day,
   * a holiday on a weekend (a rest day anyway) or a make-up working day on a weekday (a working day anyway).
   * Such a date would otherwise be stored and have no effect, and the answer would not show it.
   */
  private static void dates(List<FieldError> errors, String field, int year, List<LocalDate> days,
      Map<LocalDate, String> sameList, Map<LocalDate, String> otherList, boolean working) {
    for (int i = 0; i < days.size(); i++) {
      LocalDate d = days.get(i);
      String at = field + "[" + i + "]";
      String message = null;
      if (d == null) {
        message = "不能为空";
      } else if (d.getYear() != year) {
        message = d + " 不在" + year + "年，应列入" + d.getYear() + "年的节假日安排";
      } else if (!sameList.get(d).equals(at)) {
        message = d + " 重复出现（已列于 " + sameList.get(d) + "）";
      } else if (otherList.containsKey(d)) {
        message = d + (working ? " 已列为放假日期（" : " 已列为调休上班日期（") + otherList.get(d) + "），同一天不能既放假又上班";
      } else if (working && !WorkingDayCalendar.weekend(d)) {
        message = d + " 是" + weekday(d) + "，本就是工作日，不是调休上班日期";
      } else if (!working && WorkingDayCalendar.weekend(d)) {
        message = d + " 是" + weekday(d) + "，本就休息，不必列为放假日期；如该日调休上班，请列入 workdays";
      }
      if (message != null) {
        errors.add(new FieldError(at, message));
      }
    }
  }

  private static String weekday(LocalDate d) {
    return d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA);
  }
}
