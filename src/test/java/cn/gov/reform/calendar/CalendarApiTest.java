package cn.gov.reform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.Http;

/** Reading the working-day calendar and loading a new year's holiday notice without a rebuild. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarApiTest {

  private static final String ADMIN = PlanFixtures.ADMIN;

  @LocalServerPort int port;
  @Autowired WorkingDayCalendar calendar;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
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
}
