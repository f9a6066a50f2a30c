package cn.gov.reform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.plan.PlanRequest;
import cn.gov.reform.plan.PlanView;
import cn.gov.reform.support.CurlExamples.Curl;
import cn.gov.reform.support.CurlExamples;
import cn.gov.reform.support.Http;
import cn.gov.reform.support.ReadmeRun;

/**
 * README cannot drift from the app: every curl command of *Domain API* (with *Working tasks over engine REST*) runs
 * against the app in the README's order and must answer as the {@code # → …} line under it says — the status, the
 * headers shown, and every JSON field shown (an empty array means empty; an object in an array must match one of
 * the answer's). {@code {id}}, {@code {taskId}} … are taken from the answer that first shows them and put into later
 * commands. The files the README's commands send exist, and the health sample lists the components the app reports.
 *
 * <p>Translated, not changed: the suite's demo users have {@link PlanFixtures#PASSWORD}; an {@code Idempotency-Key}
 * gets a suffix per run so a database kept between runs answers as a new one; the job executor is off in tests, so
 * the plans' jobs (the policy check) run after each command, as the job executor would run them at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadmeExamplesTest {

  private static final Pattern SENT_FILE = Pattern.compile("(?:-d |=)@([^\\s'\"]+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired ProcessEngine engine;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void shouldAnswerEveryDomainApiAndEngineRestExampleAsTheReadmeSays() throws IOException {
    List<Curl> curls = CurlExamples.curls(CurlExamples.section(readme(), "## Domain API"));
    assertThat(curls).extracting(Curl::url).anyMatch(u -> u.contains("/api/plans")).anyMatch(u -> u.contains("/engine-rest/task"));
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("draftId", ciyaoBackAtTheCounty());
    new ReadmeRun(http, PlanFixtures.USERS::containsKey).run(curls, ids, this::runJobsOfPlans);
    assertThat(ids).containsKeys("id", "taskId", "draftTaskId");
  }

  @Test
  void shouldSendOnlyFilesThatExist() throws IOException {
    List<String> files = new ArrayList<>();
    for (String block : CurlExamples.bashBlocks(readme())) {
      Matcher m = SENT_FILE.matcher(block);
      while (m.find()) {
        files.add(m.group(1));
      }
    }
    assertThat(files).contains("examples/plan.json");
    assertThat(files).allSatisfy(f -> assertThat(Path.of(f)).as("README sends %s", f).isRegularFile());
  }

  @Test
  void shouldShowTheHealthComponentsTheAppReports() throws IOException {
    String operations = readme().substring(readme().indexOf("curl http://localhost:8080/actuator/health"));
    StringBuilder sample = new StringBuilder();
    for (String line : operations.split("\n")) {
      if (line.startsWith("# ")) {
        sample.append(line.substring(2));
      } else if (!sample.isEmpty()) {
        break;
      }
    }
    Set<String> documented = new TreeSet<>();
    JSON.readTree(sample.toString()).get("components").fieldNames().forEachRemaining(documented::add);
    Set<String> real = new TreeSet<>();
    http.get("/actuator/health", null).json().get("components").fieldNames().forEachRemaining(real::add);
    assertThat(documented).isEqualTo(real);
  }

  private static String readme() {
    return ReadmeRun.readme();
  }

  /** The demo data's 磁窑镇 (this suite has no demo data): 8 bodies and 6 institutions, back at draftPlan with its findings. */
  private String ciyaoBackAtTheCounty() {
    PlanView plan = support.create("ningyang", new PlanRequest("关于深化磁窑镇行政管理体制改革方案（乡镇方案稿）",
        PlanRequest.PlanType.TOWNSHIP, "370921", null, List.of(PlanFixtures.ciyaoAsDeveloped())));
    support.runJobs(plan.processInstanceId());
    assertThat(support.task(plan.processInstanceId(), "draftPlan")).as("磁窑镇 back at the county").isNotNull();
    return plan.id();
  }

  /** What the job executor would do at once: the policy check of every plan the examples named. */
  private void runJobsOfPlans(Iterable<String> ids) {
    for (String id : ids) {
      for (ProcessInstance pi : engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id).list()) {
        support.runJobs(pi.getId());
      }
    }
  }
}
