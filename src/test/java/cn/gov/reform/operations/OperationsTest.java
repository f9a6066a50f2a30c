package cn.gov.reform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.plan.PlanRequest;
import cn.gov.reform.support.Http;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;

/** What an operator sees: health for probes, Prometheus metrics for monitoring, log lines that name the plan. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

  private static final String ADMIN = PlanFixtures.ADMIN;

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldReportDatabaseEngineAndJobExecutorHealthToProbesWithoutLogin() {
    Http.Answer a = http.get("/actuator/health", null);
    assertThat(a.status()).isEqualTo(200);
    JsonNode health = a.json();
    assertThat(health.path("status").asText()).isEqualTo("UP");
    for (String component : new String[] {"db", "processEngine", "jobExecutor"}) {
      assertThat(health.path("components").path(component).path("status").asText()).as(component).isEqualTo("UP");
    }
    assertThat(health.path("components").path("db").has("details")).as("no details for anonymous probes").isFalse();
    assertThat(a.raw().body()).doesNotContain("jdbc:").doesNotContain("lockOwner");
  }

  @Test
  void shouldShowMetricsOnlyToAdministratorsAndMonitoring() {
    Http.Answer anonymous = http.get("/actuator/prometheus", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
    assertThat(anonymous.json().path("title").asText()).isEqualTo("未登录");

    Http.Answer drafter = http.get("/actuator/prometheus", "ningyang");
    assertThat(drafter.status()).isEqualTo(403);
    assertThat(drafter.json().path("detail").asText()).contains("monitoring");

    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("prometheus").count() == 0) {
      User u = identity.newUser("prometheus");
      u.setPassword(PlanFixtures.PASSWORD);
      identity.saveUser(u);
      identity.createMembership("prometheus", MonitoringGroup.ID);
    }
    assertThat(http.get("/actuator/prometheus", "prometheus").status()).isEqualTo(200);
    assertThat(http.get("/actuator/prometheus", ADMIN).status()).isEqualTo(200);
  }

  @Test
  void shouldCountPlansByStatusValidationsOverduePlansAndIncidents() {
    String before = scrape();
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-02-13T10:00").atZone(WorkingDayCalendar.ZONE).toInstant()));
    PlanRequest p = PlanFixtures.ningyangPlan();
    JsonNode plan = http.post("/api/plans", "ningyang", Http.json(new PlanRequest(p.title(), p.planType(), p.countyCode(),
        LocalDate.of(2026, 3, 1), p.townships()))).json();
    String pi = plan.get("processInstanceId").asText();
    support.runJobs(pi);

    String after = scrape();
    assertThat(value(after, "reform_plans", "status", "IN_REVIEW")).isEqualTo(value(before, "reform_plans", "status", "IN_REVIEW") + 1);
    assertThat(value(after, "reform_plans", "status", "IN_REVIEW"))
        .isEqualTo(jdbc.queryForObject("select count(*) from app_plan where status = 'IN_REVIEW'", Double.class));
    assertThat(value(after, "reform_plans", "status", "FILED"))
        .isEqualTo(jdbc.queryForObject("select count(*) from app_plan where status = 'FILED'", Double.class));
    assertThat(value(after, "reform_validation_duration_seconds_count", "outcome", "PASSED"))
        .isEqualTo(value(before, "reform_validation_duration_seconds_count", "outcome", "PASSED") + 1);
    assertThat(value(after, "reform_validation_duration_seconds_sum", "outcome", "PASSED"))
        .isGreaterThan(value(before, "reform_validation_duration_seconds_sum", "outcome", "PASSED"));
    assertThat(after).contains("# HELP reform_plans 方案数（按状态）");

    // 磁窑镇 as an ordinary township plan breaks 鲁厅字〔2018〕33号 三(一): the check FAILED, the plan is back in DRAFT
    PlanRequest ciyao = PlanFixtures.ningyangDevelopedTown();
    JsonNode failing = http.post("/api/plans", "ningyang", Http.json(new PlanRequest(ciyao.title(), PlanRequest.PlanType.TOWNSHIP,
        ciyao.countyCode(), null, ciyao.townships()))).json();
    support.runJobs(failing.get("processInstanceId").asText());
    String rejected = scrape();
    assertThat(value(rejected, "reform_validation_duration_seconds_count", "outcome", "FAILED"))
        .isEqualTo(value(after, "reform_validation_duration_seconds_count", "outcome", "FAILED") + 1);
    assertThat(value(rejected, "reform_plans", "status", "DRAFT")).isEqualTo(value(after, "reform_plans", "status", "DRAFT") + 1);

    ManagementService management = engine.getManagementService();
    Job deadline = management.createJobQuery().processInstanceId(pi).timers().list().stream()
        .filter(j -> j.getDuedate().toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate().equals(LocalDate.of(2026, 3, 2)))
        .findFirst().orElseThrow();
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-03-02T08:00").atZone(WorkingDayCalendar.ZONE).toInstant()));
    management.executeJob(deadline.getId());
    assertThat(value(scrape(), "reform_plans_overdue", null, null)).isEqualTo(value(before, "reform_plans_overdue", null, null) + 1);

    Job reminder = management.createJobQuery().processInstanceId(pi).timers().list().get(0);
    management.setJobRetries(reminder.getId(), 0);
    assertThat(value(scrape(), "reform_incidents", null, null)).isEqualTo(value(before, "reform_incidents", null, null) + 1);
    management.setJobRetries(reminder.getId(), 1);
    assertThat(value(scrape(), "reform_incidents", null, null)).isEqualTo(value(before, "reform_incidents", null, null));
  }

  @Test
  void shouldNameThePlanAndItsProcessInstanceInTheLogLinesAboutIt(CapturedOutput output) {
    JsonNode plan = http.post("/api/plans", "ningyang", Http.json(PlanFixtures.ningyangPlan())).json();
    String id = plan.get("id").asText();
    String pi = plan.get("processInstanceId").asText();
    support.runJobs(pi);

    String context = "[" + id + " " + pi + "]";
    assertThat(line(output, "plan " + id + " created by ningyang")).contains(context);
    assertThat(line(output, "policy check of plan " + id + " version 1: 0 errors")).contains(context);
    assertThat(line(output, "plan " + id + " waits at cityReview")).contains(context);
  }

  /** Profile prod logs JSON (logging.structured.format.console: ecs): the ids are fields of their own. */
  @Test
  void shouldGiveThePlanAndProcessInstanceAsFieldsOfStructuredLogLines() throws Exception {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    StructuredLogEncoder ecs = new StructuredLogEncoder();
    ecs.setContext(logging);
    ecs.setFormat("ecs");
    ecs.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputStreamAppender<ILoggingEvent> json = new OutputStreamAppender<>();
    json.setContext(logging);
    json.setEncoder(ecs);
    json.setOutputStream(out);
    json.start();
    ch.qos.logback.classic.Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(json);
    String id;
    String pi;
    try {
      JsonNode plan = http.post("/api/plans", "ningyang", Http.json(PlanFixtures.ningyangPlan())).json();
      id = plan.get("id").asText();
      pi = plan.get("processInstanceId").asText();
      support.runJobs(pi);
    } finally {
      root.detachAppender(json);
      json.stop();
    }
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String l : out.toString(StandardCharsets.UTF_8).split("\\R")) {
      lines.add(mapper.readTree(l));
    }
    JsonNode check = lines.stream().filter(l -> l.path("message").asText().startsWith("policy check of plan " + id))
        .findFirst().orElseThrow();
    assertThat(check.path("planId").asText()).isEqualTo(id);
    assertThat(check.path("processInstanceId").asText()).isEqualTo(pi);
    assertThat(check.path("log").path("logger").asText()).endsWith("PolicyValidation");
    JsonNode created = lines.stream().filter(l -> l.path("message").asText().equals("plan " + id + " created by ningyang"))
        .findFirst().orElseThrow();
    assertThat(created.path("planId").asText()).isEqualTo(id);
    assertThat(created.path("processInstanceId").asText()).isEqualTo(pi);
  }

  private static String line(CapturedOutput output, String message) {
    return output.getOut().lines().filter(l -> l.contains(message)).findFirst()
        .orElseThrow(() -> new AssertionError("no log line " + message));
  }

  private String scrape() {
    Http.Answer a = http.get("/actuator/prometheus", ADMIN);
    assertThat(a.status()).isEqualTo(200);
    return a.raw().body();
  }

  /** The value of a sample, e.g. {@code reform_plans{application="…",status="IN_REVIEW"} 3.0}. */
  private static double value(String scrape, String name, String label, String labelValue) {
    Pattern line = Pattern.compile("^" + name + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
    Matcher m = line.matcher(scrape);
    while (m.find()) {
      if (label == null || m.group(1).contains(label + "=\"" + labelValue + "\"")) {
        return Double.parseDouble(m.group(2));
      }
    }
    throw new AssertionError("no sample " + name + " " + label + "=" + labelValue + " in\n" + scrape);
  }
}
