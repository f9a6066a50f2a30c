package cn.gov.reform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Due days an official would count by hand, around the State Council's 2025–2026 holiday notices. */
class WorkingDayCalendarTest {

  private final WorkingDayCalendar calendar = new WorkingDayCalendar();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      // 春节 2026: 02-15..02-23 off; Saturdays 02-14 and 02-28 are working days
      "2026-02-14, true, 春节前调休上班（周六）",
      "2026-02-15, false, 春节",
      "2026-02-23, false, 春节（周一）",
      "2026-02-24, true, 节后第一个工作日",
      "2026-02-28, true, 春节后调休上班（周六）",
      "2026-03-01, false, 普通周日",
      // 国庆、中秋 2026: 10-01..10-07 off; Saturday 10-10 is a working day
      "2026-10-01, false, 国庆节",
      "2026-10-07, false, 国庆节（周三）",
      "2026-10-08, true, 节后第一个工作日",
      "2026-10-10, true, 国庆节后调休上班（周六）",
      "2026-10-11, false, 普通周日",
      // 元旦
      "2026-01-01, false, 元旦",
      "2026-01-02, false, 元旦假期（周五）",
      "2026-01-04, true, 元旦调休上班（周日）",
      "2025-12-31, true, 普通周三"})
  void shouldKnowWorkingDaysOfTheNotices(LocalDate day, boolean working, String why) {
    assertThat(calendar.isWorkingDay(day)).as(why).isEqualTo(working);
  }

  @ParameterizedTest(name = "{0} + {1} 个工作日 = {2}")
  @CsvSource({
      // Friday before the Spring Festival: 02-14 (Sat, working) is the first, then 02-24 onwards
      "2026-02-13, 1, 2026-02-14",
      "2026-02-13, 2, 2026-02-24",
      "2026-02-13, 10, 2026-03-05",
      // Thursday before 中秋 (09-25..27) and National Day: 09-28, 09-29, 09-30, then 10-08, 10-09, 10-10 (Sat)
      "2026-09-24, 1, 2026-09-28",
      // Friday before 清明 (04-04..04-06)
      "2026-04-03, 1, 2026-04-07",
      "2026-09-24, 5, 2026-10-09",
      "2026-09-24, 6, 2026-10-10",
      "2026-09-24, 10, 2026-10-15",
      "2026-09-24, 15, 2026-10-22",
      // New Year: 2025-12-31 (Wed) + 1 skips 01-01..01-03, 01-04 (Sun) is a working day
      "2025-12-31, 1, 2026-01-04",
      "2025-12-31, 2, 2026-01-05",
      // an ordinary week
      "2026-11-20, 5, 2026-11-27",
      "2026-11-23, 0, 2026-11-23",
      "2026-11-22, 0, 2026-11-23"})
  void shouldCountWorkingDaysLikeAnOfficial(LocalDate start, int days, LocalDate due) {
    WorkingDayCalendar.Due d = calendar.plus(start, days);
    assertThat(d.day()).isEqualTo(due);
    assertThat(d.estimated()).isFalse();
  }

  @Test
  void shouldCountWeekendsOnlyAndFlagASpanIntoAnUnknownYear() {
    assertThat(calendar.knows(2026)).isTrue();
    assertThat(calendar.knows(2027)).isFalse();
    // 2026-12-24 (Thu) + 10: 12-25, 12-28..12-31, then 2027 counted by weekends only: 01-01 (Fri) counts
    WorkingDayCalendar.Due d = calendar.plus(LocalDate.of(2026, 12, 24), 10);
    assertThat(d.day()).isEqualTo(LocalDate.of(2027, 1, 7));
    assertThat(d.estimated()).isTrue();
    assertThat(calendar.plus(LocalDate.of(2026, 12, 1), 10).estimated()).isFalse();
  }

  @Test
  void shouldApplyANewYearsNoticeLoadedAtRunTime() {
    calendar.loadYear(2027, Set.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 8)), Set.of(LocalDate.of(2027, 2, 6)));
    assertThat(calendar.knows(2027)).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 6))).isTrue();
    WorkingDayCalendar.Due d = calendar.plus(LocalDate.of(2026, 12, 24), 10);
    assertThat(d.day()).isEqualTo(LocalDate.of(2027, 1, 8));
    assertThat(d.estimated()).isFalse();

    calendar.forgetYear(2027);
    assertThat(calendar.knows(2027)).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 6))).isFalse();
  }

  @Test
  void shouldGoBackToTheBundledDaysWhenALoadedNoticeOfABundledYearIsForgotten() {
    calendar.loadYear(2026, Set.of(LocalDate.of(2026, 1, 1)), Set.of());
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("the loaded notice has no make-up Saturday").isFalse();
    calendar.forgetYear(2026);
    assertThat(calendar.knows(2026)).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("春节前调休上班（周六）").isTrue();
  }

  @Test
  void shouldEndTheDueDayAtMidnightShanghaiTime() {
    ZonedDateTime end = ZonedDateTime.ofInstant(calendar.plus(LocalDate.of(2026, 2, 13), 2).endOfDay().toInstant(),
        WorkingDayCalendar.ZONE);
    assertThat(end.toLocalDateTime()).hasToString("2026-02-24T23:59:59");
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource({
      "2026-03-02, 2026-03-04, 2, 周一收到、周三办结",
      "2026-03-02, 2026-03-02, 0, 当天办结",
      "2026-03-06, 2026-03-09, 1, 周五收到、周一办结：周末不计",
      "2026-02-13, 2026-02-24, 2, 春节：调休上班的周六（02-14）计入，假期不计",
      "2026-03-04, 2026-03-02, 0, 结束早于开始"})
  void shouldCountWorkingDaysBetweenTwoDaysLikeATimeLimit(LocalDate from, LocalDate to, int days, String why) {
    assertThat(calendar.between(from, to)).as(why).isEqualTo(days);
  }

  @ParameterizedTest(name = "{1} 个工作日前于 {0} = {2}")
  @CsvSource({
      "2026-03-13, 5, 2026-03-06, 周五往前5个工作日：周末不计",
      "2026-10-13, 5, 2026-09-30, 国庆节后：调休上班的周六（10-10）计入，假期不计",
      "2026-02-25, 3, 2026-02-13, 春节：节后一天、调休上班的周六（02-14）、节前周五",
      "2026-10-11, 0, 2026-10-10, 0个工作日：当天不是工作日取此前最近的工作日"})
  void shouldCountWorkingDaysBackFromADay(LocalDate day, int n, LocalDate expected, String why) {
    assertThat(calendar.before(day, n)).as(why).isEqualTo(expected);
  }
}
