package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.support.Http;

/** Due dates in engine REST, timers visible and executable there, and overdue plans in the list. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadlineApiTest {

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant()));
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(p -> ids.add(p.get("id").asText()));
    return ids;
  }

  @Test
  void shouldShowDueDatesAndRunTimersThroughEngineRestAndListOverduePlans() {
    at("2026-02-13T10:00");
    PlanRequest p = PlanFixtures.ningyangPlan();
    String body = Http.json(new PlanRequest(p.title(), p.planType(), p.countyCode(), LocalDate.of(2026, 3, 1), p.townships()));
    JsonNode plan = http.post("/api/plans", "ningyang", body).json();
    String id = plan.get("id").asText();
    String pi = plan.get("processInstanceId").asText();
    support.runJobs(pi);

    JsonNode tasks = http.get("/engine-rest/task?processInstanceId=" + pi + "&maxResults=10", "taian").json();
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("due").asText()).isEqualTo("2026-03-05T23:59:59.000+0800");
    assertThat(tasks.get(0).get("followUp").asText()).isEqualTo("2026-03-05T23:59:59.000+0800");

    JsonNode timers = http.get("/engine-rest/job?timers=true&processInstanceId=" + pi + "&maxResults=10", PlanFixtures.ADMIN).json();
    assertThat(timers).hasSize(3);
    String deadlineJob = null;
    for (JsonNode t : timers) {
      if (t.get("dueDate").asText().startsWith("2026-03-02T00:00:00")) {
        deadlineJob = t.get("id").asText();
      }
    }
    assertThat(deadlineJob).as("the plan deadline's timer at the end of 2026-03-01").isNotNull();
    assertThat(http.get("/api/plans?overdue=true&size=100", "taian").json().get("items").toString()).doesNotContain(id);

    at("2026-03-02T08:00");
    assertThat(http.post("/engine-rest/job/" + deadlineJob + "/execute", PlanFixtures.ADMIN, null).status()).isEqualTo(204);
    assertThat(http.get("/api/plans/" + id, "ningyang").json().get("overdue").asBoolean()).isTrue();
    assertThat(ids(http.get("/api/plans?overdue=true&size=100", "taian").json())).contains(id);
    assertThat(ids(http.get("/api/plans?overdue=true&size=100", "ningyang").json())).contains(id);
    assertThat(ids(http.get("/api/plans?overdue=true&size=100", "jinan").json())).doesNotContain(id);
    assertThat(ids(http.get("/api/plans?overdue=false&size=100", "taian").json())).doesNotContain(id);
    JsonNode supervise = http.get("/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=supervisePlan&maxResults=10",
        "shandongsupervisor").json();
    assertThat(supervise).hasSize(1);
    assertThat(supervise.get(0).get("name").asText()).isEqualTo("督办");
  }
}
