package cn.gov.reform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.plan.PlanRequest;
import cn.gov.reform.plan.PlanView;
import cn.gov.reform.support.CurlExamples.Curl;
import cn.gov.reform.support.CurlExamples;
import cn.gov.reform.support.Http;

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

  private static final Path README = Path.of("README.md");
  private static final String BASE = "http://localhost:8080";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");
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
    String run = "-" + UUID.randomUUID().toString().substring(0, 8);

    for (Curl curl : curls) {
      assertThat(curl.answer()).as("README shows no answer (# → …) for: %s", curl.text()).isNotNull();
      Http.Answer answer = send(curl, ids, run);
      check(curl, answer, ids);
      if (curl.headers().containsKey("Idempotency-Key")) {
        Http.Answer again = send(curl, ids, run);
        assertThat(again.status()).as("the same request again: %s", curl.text()).isEqualTo(answer.status());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(answer.header("Location"));
      }
      runJobsOfPlans(ids.values());
    }
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

  private static String readme() throws IOException {
    assertThat(README).as("tests run in the project's directory").isRegularFile();
    return Files.readString(README);
  }

  /** The demo data's 磁窑镇 (this suite has no demo data): 8 bodies and 6 institutions, back at draftPlan with its findings. */
  private String ciyaoBackAtTheCounty() {
    PlanView plan = support.create("ningyang", new PlanRequest("关于深化磁窑镇行政管理体制改革方案（乡镇方案稿）",
        PlanRequest.PlanType.TOWNSHIP, "370921", null, List.of(PlanFixtures.ciyaoAsDeveloped())));
    support.runJobs(plan.processInstanceId());
    assertThat(support.task(plan.processInstanceId(), "draftPlan")).as("磁窑镇 back at the county").isNotNull();
    return plan.id();
  }

  private Http.Answer send(Curl curl, Map<String, String> ids, String run) throws IOException {
    assertThat(curl.url()).startsWith(BASE);
    String path = fill(curl.url().substring(BASE.length()), ids, curl);
    String body = curl.body();
    if (body != null) {
      assertThat(curl.headers()).as("curl sends -d as a form unless told JSON: %s", curl.text())
          .containsEntry("Content-Type", "application/json");
      if (body.startsWith("@")) {
        Path file = Path.of(body.substring(1));
        assertThat(file).as("README sends %s", file).isRegularFile();
        body = Files.readString(file);
      }
      body = fill(body, ids, curl);
    }
    Map<String, String> headers = new HashMap<>(curl.headers());
    headers.remove("Content-Type"); // Http sets it with every body
    headers.computeIfPresent("Idempotency-Key", (k, v) -> v + run);
    return http.send(curl.method(), path, user(curl.credentials()), body, headers);
  }

  /** The README's demo users as this suite has them; {@code admin} keeps the README's password. */
  private static String user(String credentials) {
    if (credentials == null) {
      return null;
    }
    String name = credentials.substring(0, credentials.indexOf(':'));
    return PlanFixtures.USERS.containsKey(name) ? name : credentials;
  }

  private static String fill(String text, Map<String, String> ids, Curl curl) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (m.find()) {
      String id = ids.get(m.group(1));
      assertThat(id).as("no earlier answer gave {%s} for: %s", m.group(1), curl.text()).isNotNull();
      m.appendReplacement(filled, Matcher.quoteReplacement(id));
    }
    return m.appendTail(filled).toString();
  }

  private void check(Curl curl, Http.Answer answer, Map<String, String> ids) throws IOException {
    String what = curl.text() + "\n  README: " + curl.answer().line() + "\n  app:    " + answer.status() + " " + answer.raw().body();
    assertThat(answer.status()).as(what).isEqualTo(curl.answer().status());
    if (answer.status() >= 400) {
      assertThat(answer.header("Content-Type")).as(what).startsWith(Problems.MEDIA_TYPE);
    }
    Map<String, String> found = new HashMap<>(ids);
    curl.answer().headers().forEach((name, value) ->
        assertThat(text(value, answer.header(name), found)).as(name + " of " + what).isTrue());
    if (curl.answer().json() != null) {
      assertThat(json(JSON.readTree(curl.answer().json()), answer.json(), found)).as(what).isTrue();
    }
    ids.putAll(found);
  }

  /** Whether the answer holds what the README shows; placeholders not yet known are learnt into {@code ids}. */
  private static boolean json(JsonNode expected, JsonNode actual, Map<String, String> ids) {
    if (expected.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!actual.isObject() || !actual.has(field.getKey()) || !json(field.getValue(), actual.get(field.getKey()), ids)) {
          return false;
        }
      }
      return actual.isObject();
    }
    if (expected.isArray()) {
      if (!actual.isArray() || expected.isEmpty()) {
        return actual.isArray() && actual.isEmpty();
      }
      return expected.get(0).isObject() ? someOf(expected, actual, ids) : each(expected, actual, ids);
    }
    if (expected.isTextual()) {
      return actual.isTextual() && text(expected.asText(), actual.asText(), ids);
    }
    return expected.equals(actual);
  }

  /** Arrays of objects: each shown object is one of the answer's. */
  private static boolean someOf(JsonNode expected, JsonNode actual, Map<String, String> ids) {
    for (JsonNode e : expected) {
      boolean matched = false;
      for (JsonNode a : actual) {
        Map<String, String> trial = new HashMap<>(ids);
        if (json(e, a, trial)) {
          ids.putAll(trial);
          matched = true;
          break;
        }
      }
      if (!matched) {
        return false;
      }
    }
    return true;
  }

  /** Arrays of values: the same values in the same order. */
  private static boolean each(JsonNode expected, JsonNode actual, Map<String, String> ids) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!json(expected.get(i), actual.get(i), ids)) {
        return false;
      }
    }
    return true;
  }

  /** Text equal to the README's, a known placeholder standing for its id and an unknown one learnt. */
  private static boolean text(String expected, String actual, Map<String, String> ids) {
    if (actual == null) {
      return false;
    }
    StringBuilder regex = new StringBuilder();
    List<String> learnt = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(expected);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(expected.substring(last, m.start())));
      String name = m.group(1);
      if (ids.containsKey(name)) {
        regex.append(Pattern.quote(ids.get(name)));
      } else if (learnt.contains(name)) {
        regex.append("\\k<").append(name).append('>');
      } else {
        regex.append("(?<").append(name).append(">.+?)");
        learnt.add(name);
      }
      last = m.end();
    }
    regex.append(Pattern.quote(expected.substring(last)));
    Matcher a = Pattern.compile(regex.toString()).matcher(actual);
    if (!a.matches()) {
      return false;
    }
    learnt.forEach(name -> ids.put(name, a.group(name)));
    return true;
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
