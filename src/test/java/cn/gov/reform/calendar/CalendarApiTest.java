package cn.gov.reform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.Http;

/** Reading the working-day calendar and loading a new year's holiday notice without a rebuild. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarApiTest {

  private static final String ADMIN = PlanFixtures.ADMIN;
  /** A 2027 notice as the user loaded it: 2027-02-06 (Sat) and 2027-02-07 (Sun) are make-up working days (调休上班). */
  private static final String NOTICE_2027 = """
      {"source": "国务院办公厅关于2027年部分节假日安排的通知",
       "holidays": ["2027-01-01", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-02-12"],
       "workdays": ["2027-02-06", "2027-02-07"]}""";

  @LocalServerPort int port;
  @Autowired WorkingDayCalendar calendar;
  @Autowired PlanFixtures support;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  /** The suite shares one database and calendar: later tests count into 2027 as a year without a notice. */
  @AfterEach
  void forgetLoadedNotices() {
    ClockUtil.reset();
    for (int year : List.of(2027, 2030)) {
      jdbc.update("delete from app_calendar_day where notice_year = ?", year);
      jdbc.update("delete from app_calendar_notice where notice_year = ?", year);
      calendar.forgetYear(year);
    }
  }

  @Test
  void shouldShowTheBundledYearWithItsHolidaysAndAdjustedWeekends() {
    JsonNode year = http.get("/api/calendar/2026", "ningyang").json();
    assertThat(year.get("known").asBoolean()).isTrue();
    assertThat(year.get("holidays").toString()).contains("2026-02-16", "2026-10-01").doesNotContain("2026-02-15");
    assertThat(year.get("workdays").toString()).contains("2026-02-14", "2026-02-28", "2026-10-10");
    assertThat(year.get("source").asText()).contains("chinese-days");
    assertThat(http.get("/api/calendar/2031", "ningyang").json().get("known").asBoolean()).isFalse();
    assertThat(http.get("/api/calendar/2026", null).status()).isEqualTo(401);
  }

  @Test
  void shouldLoadANewYearsNoticeForAdministratorsOnly() {
    String notice = "{\"source\":\"国务院办公厅关于2030年部分节假日安排的通知\","
        + "\"holidays\":[\"2030-01-01\",\"2030-02-04\",\"2030-02-05\"],\"workdays\":[\"2030-02-09\"]}";
    assertThat(http.send("PUT", "/api/calendar/2030", "ningyang", notice, Map.of()).status()).isEqualTo(403);

    Http.Answer bad = http.send("PUT", "/api/calendar/2030", ADMIN,
        "{\"source\":\"\",\"holidays\":[\"2029-12-31\",\"2030-01-01\",\"2030-01-01\"],\"workdays\":[\"2030-02-06\"]}", Map.of());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
    assertThat(bad.json().get("errors").findValuesAsText("field")).contains("source");
    Http.Answer badDates = http.send("PUT", "/api/calendar/2030", ADMIN,
        "{\"source\":\"通知\",\"holidays\":[\"2029-12-31\",\"2030-01-01\",\"2030-01-01\"],\"workdays\":[\"2030-02-06\"]}", Map.of());
    assertThat(badDates.json().get("errors").findValuesAsText("field"))
        .containsExactly("holidays[0]", "holidays[2]", "workdays[0]");
    assertThat(http.send("PUT", "/api/calendar/2030", ADMIN, "{\"source\": ", Map.of()).status()).isEqualTo(400);
    assertThat(calendar.knows(2030)).isFalse();

    Http.Answer loaded = http.send("PUT", "/api/calendar/2030", ADMIN, notice, Map.of());
    assertThat(loaded.status()).isEqualTo(200);
    assertThat(loaded.json().get("known").asBoolean()).isTrue();
    assertThat(loaded.json().get("source").asText()).contains("2030年");
    assertThat(calendar.isWorkingDay(LocalDate.of(2030, 2, 4))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2030, 2, 9))).isTrue();
    assertThat(calendar.plus(LocalDate.of(2030, 2, 1), 1).day()).isEqualTo(LocalDate.of(2030, 2, 6));
  }

  @Test
  void shouldKeepTheMakeUpWorkingWeekendsOfANoticeAndCountDueDatesWithThem() {
    Http.Answer loaded = http.send("PUT", "/api/calendar/2027", ADMIN, NOTICE_2027, Map.of());
    assertThat(loaded.status()).as(loaded.raw().body()).isEqualTo(200);

    JsonNode year = http.get("/api/calendar/2027", "ningyang").json();
    assertThat(year.get("known").asBoolean()).isTrue();
    assertThat(year.get("workdays").toString()).isEqualTo("[\"2027-02-06\",\"2027-02-07\"]");
    assertThat(year.get("holidays").toString())
        .isEqualTo("[\"2027-01-01\",\"2027-02-08\",\"2027-02-09\",\"2027-02-10\",\"2027-02-11\",\"2027-02-12\"]");

    // a plan reaching 市编办审核 on Friday 2027-02-05: 10 working days are 02-06, 02-07, then 02-15 to 02-24
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2027-02-05T10:00").atZone(WorkingDayCalendar.ZONE).toInstant()));
    String pi = http.post("/api/plans", "ningyang", Http.json(PlanFixtures.ningyangPlan())).json().get("processInstanceId").asText();
    support.runJobs(pi);
    JsonNode review = http.get("/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=cityReview&maxResults=10", "taian").json();
    assertThat(review.get(0).get("due").asText()).isEqualTo("2027-02-24T23:59:59.000+0800");
  }

  @Test
  void shouldRefuseANoticeThatContradictsItselfNamingEachDateAndStoreNothing() {
    assertThat(http.send("PUT", "/api/calendar/2027", ADMIN, NOTICE_2027, Map.of()).status()).isEqualTo(200);
    String contradictory = """
        {"source": "国务院办公厅关于2027年部分节假日安排的通知（更正）",
         "holidays": ["2027-01-01", "2027-02-06", "2026-12-31", "2027-02-08", "2027-02-08"],
         "workdays": ["2027-02-07", "2027-02-08", "2027-02-10"]}""";

    Http.Answer refused = http.send("PUT", "/api/calendar/2027", ADMIN, contradictory, Map.of());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("title").asText()).isEqualTo("节假日通知数据有误");
    List<String> errors = new ArrayList<>();
    refused.json().get("errors").forEach(e -> errors.add(e.get("field").asText() + " " + e.get("message").asText()));
    assertThat(errors).containsExactly(
        "holidays[1] 2027-02-06 是星期六，本就休息，不必列为放假日期；如该日调休上班，请列入 workdays",
        "holidays[2] 2026-12-31 不在2027年，应列入2026年的节假日安排",
        "holidays[3] 2027-02-08 已列为调休上班日期（workdays[1]），同一天不能既放假又上班",
        "holidays[4] 2027-02-08 重复出现（已列于 holidays[3]）",
        "workdays[1] 2027-02-08 已列为放假日期（holidays[3]），同一天不能既放假又上班",
        "workdays[2] 2027-02-10 是星期三，本就是工作日，不是调休上班日期");

    JsonNode year = http.get("/api/calendar/2027", "ningyang").json();
    assertThat(year.get("source").asText()).isEqualTo("国务院办公厅关于2027年部分节假日安排的通知");
    assertThat(year.get("workdays").toString()).isEqualTo("[\"2027-02-06\",\"2027-02-07\"]");
    assertThat(year.get("holidays").toString()).contains("2027-02-08").doesNotContain("2026-12-31");
  }
}
