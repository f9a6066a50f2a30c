package cn.gov.reform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.support.CurlExamples.Curl;
import cn.gov.reform.web.Problems;

/**
 * Runs the curl commands of a README section against the app in their order and checks each answer against the
 * {@code # → …} line under it: the status, the headers shown, and every JSON field shown (an empty array means empty; an
 * object in an array must match one of the answer's). {@code {id}}, {@code {taskId}} … are taken from the answer that
 * first shows them and put into later commands. A command with an {@code Idempotency-Key} is sent twice and must answer
 * the same (the key gets a suffix per run, so a database kept between runs answers as a new one).
 */
public final class ReadmeRun {

  private static final String BASE = "http://localhost:8080";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Http http;
  private final Predicate<String> suiteUser;

  /** {@code suiteUser}: the README's demo users this suite has too (with its test password). */
  public ReadmeRun(Http http, Predicate<String> suiteUser) {
    this.http = http;
    this.suiteUser = suiteUser;
  }

  /** The README (tests run in the project's directory). */
  public static String readme() {
    Path readme = Path.of("README.md");
    assertThat(readme).as("tests run in the project's directory").isRegularFile();
    try {
      return Files.readString(readme);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every command in turn, answered as the README says; {@code afterEach} gets the ids known so far (to run their jobs). */
  public void run(List<Curl> curls, Map<String, String> ids, Consumer<Collection<String>> afterEach) {
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
      afterEach.accept(new ArrayList<>(ids.values()));
    }
  }

  private Http.Answer send(Curl curl, Map<String, String> ids, String run) {
    assertThat(curl.url()).startsWith(BASE);
    String path = fill(curl.url().substring(BASE.length()), ids, curl);
    String body = curl.body();
    if (body != null) {
      assertThat(curl.headers()).as("curl sends -d as a form unless told JSON: %s", curl.text())
          .containsEntry("Content-Type", "application/json");
      if (body.startsWith("@")) {
        Path file = Path.of(body.substring(1));
        assertThat(file).as("README sends %s", file).isRegularFile();
        try {
          body = Files.readString(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      body = fill(body, ids, curl);
    }
    Map<String, String> headers = new HashMap<>(curl.headers());
    headers.remove("Content-Type"); // Http sets it with every body
    headers.computeIfPresent("Idempotency-Key", (k, v) -> v + run);
    return http.send(curl.method(), path, user(curl.credentials()), body, headers);
  }

  /** The README's demo users as this suite has them; {@code admin} keeps the README's password. */
  private String user(String credentials) {
    if (credentials == null) {
      return null;
    }
    String name = credentials.substring(0, credentials.indexOf(':'));
    return suiteUser.test(name) ? name : credentials;
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

  private void check(Curl curl, Http.Answer answer, Map<String, String> ids) {
    String what = curl.text() + "\n  README: " + curl.answer().line() + "\n  app:    " + answer.status() + " " + answer.raw().body();
    assertThat(answer.status()).as(what).isEqualTo(curl.answer().status());
    if (answer.status() >= 400) {
      assertThat(answer.header("Content-Type")).as(what).startsWith(Problems.MEDIA_TYPE);
    }
    Map<String, String> found = new HashMap<>(ids);
    curl.answer().headers().forEach((name, value) ->
        assertThat(text(value, answer.header(name), found)).as(name + " of " + what).isTrue());
    if (curl.answer().json() != null) {
      try {
        assertThat(json(JSON.readTree(curl.answer().json()), answer.json(), found)).as(what).isTrue();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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

}
