package cn.gov.reform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.identity.IdentitySeeder;
import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.BasicHttp;
import cn.gov.reform.support.WebappLogin;

/**
 * CVE-2026-109432: an expression hidden anywhere in an ad-hoc task query (notably in {@code orQueries})
 * is refused with 400 on engine REST and on the webapps' engine API and never runs; Tasklist's stored
 * filters, whose own expressions are {@code ${currentUser()}} and {@code ${currentUserGroups()}}, keep working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryExpressionTest {

  /** Would set a system property if it ever ran: the proof that it did not. */
  private static final String EXPLOIT = "${''.getClass().forName('java.lang.System').getMethod('setProperty', "
      + "''.getClass(), ''.getClass()).invoke(null, 'cve109432', 'ran')}";
  private static final String TAIAN = "taian:" + PlanFixtures.PASSWORD;
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired ProcessEngine engine;
  BasicHttp http;
  String planInstance;
  final List<String> createdFilters = new ArrayList<>();

  @BeforeEach
  void openTaskForTaian() {
    http = new BasicHttp(port);
    System.clearProperty("cve109432");
    planInstance = support.create("ningyang", PlanFixtures.ningyangPlan()).processInstanceId();
    support.runJobs(planInstance);
    assertThat(support.task(planInstance, "cityReview")).isNotNull();
  }

  @AfterEach
  void removeFilters() {
    createdFilters.forEach(id -> engine.getFilterService().deleteFilter(id));
  }

  private static String exploit(String expression) {
    return "{\"orQueries\":[{\"assigneeExpression\":" + quote(expression) + "}]}";
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertRefused(HttpResponse<String> answer, String field) throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.get("title").asText()).isEqualTo("查询中不允许使用表达式");
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
    assertThat(problem.get("detail").asText()).contains(field).doesNotContain("Exception");
    assertThat(System.getProperty("cve109432")).as("the expression ran").isNull();
  }

  @Test
  void shouldRefuseExpressionsInOrQueriesOnEngineRest() throws IOException {
    assertRefused(http.send("POST", "/engine-rest/task?maxResults=10", TAIAN, exploit(EXPLOIT)), "orQueries[0].assigneeExpression");
    assertRefused(http.send("POST", "/engine-rest/task/count", TAIAN, exploit("#{currentUser()}")), "orQueries[0].assigneeExpression");
    assertRefused(http.send("POST", "/engine-rest/engine/default/task?maxResults=10", TAIAN, exploit(EXPLOIT)),
        "orQueries[0].assigneeExpression");
  }

  @Test
  void shouldRefuseExpressionsAtAnyNestingLevelAndInAnyEncoding() throws IOException {
    String nested = "{\"orQueries\":[{\"processVariables\":[{\"name\":\"planId\",\"operator\":\"eq\",\"value\":"
        + quote(EXPLOIT) + "}]}]}";
    assertRefused(http.send("POST", "/engine-rest/task?maxResults=10", TAIAN, nested), "orQueries[0].processVariables[0].value");
    // JSON escapes: \u0024{ is ${ once parsed
    String escaped = "{\"orQueries\":[{\"candidateGroupExpression\":\"\\u0024{currentUserGroups()}\"}]}";
    assertRefused(http.send("POST", "/engine-rest/task?maxResults=10", TAIAN, escaped), "orQueries[0].candidateGroupExpression");
    // URL-encoded inside the JSON string
    assertRefused(http.send("POST", "/engine-rest/task?maxResults=10", TAIAN, exploit("%24%7BcurrentUser()%7D")),
        "orQueries[0].assigneeExpression");
    assertRefused(http.send("POST", "/engine-rest/task?maxResults=10", TAIAN, "{\"assigneeExpression\":" + quote(EXPLOIT) + "}"),
        "assigneeExpression");
  }

  @Test
  void shouldRefuseExpressionsInQueryParameters() throws IOException {
    String encoded = URLEncoder.encode(EXPLOIT, StandardCharsets.UTF_8);
    assertRefused(http.send("GET", "/engine-rest/task?maxResults=10&assigneeExpression=" + encoded, TAIAN, null), "assigneeExpression");
    // encoded twice
    String twice = URLEncoder.encode(encoded, StandardCharsets.UTF_8);
    assertRefused(http.send("GET", "/engine-rest/task/count?candidateGroupExpression=" + twice, TAIAN, null), "candidateGroupExpression");
  }

  @Test
  void shouldRefuseExpressionsInTheWebappsEngineApi() throws IOException {
    WebappLogin browser = new WebappLogin(port);
    assertThat(browser.login("taian", PlanFixtures.PASSWORD).statusCode()).isEqualTo(200);

    assertRefused(browser.postJson("/camunda/api/engine/engine/default/task?maxResults=10", exploit(EXPLOIT)),
        "orQueries[0].assigneeExpression");
    assertRefused(browser.postJson("/camunda/api/engine/engine/default/task/count", exploit(EXPLOIT)),
        "orQueries[0].assigneeExpression");
    String filter = filterId(IdentitySeeder.FILTER_MY_TASKS);
    assertRefused(browser.postJson("/camunda/api/engine/engine/default/filter/" + filter + "/list?firstResult=0&maxResults=15",
        exploit(EXPLOIT)), "orQueries[0].assigneeExpression");
  }

  @Test
  void shouldKeepTasklistStoredFiltersWorking() throws IOException {
    String myTasks = filterId(IdentitySeeder.FILTER_MY_TASKS);

    HttpResponse<String> rest = http.send("POST", "/engine-rest/filter/" + myTasks + "/list?firstResult=0&maxResults=50", TAIAN, "{}");
    assertThat(rest.statusCode()).as(rest.body()).isEqualTo(200);
    assertThat(JSON.readTree(rest.body()).findValuesAsText("processInstanceId")).contains(planInstance);
    assertThat(http.send("GET", "/engine-rest/filter/" + myTasks + "/count", TAIAN, null).body()).doesNotContain("\"count\":0");

    // what Tasklist itself sends: the stored filter extended by sorting and variable options
    WebappLogin browser = new WebappLogin(port);
    assertThat(browser.login("taian", PlanFixtures.PASSWORD).statusCode()).isEqualTo(200);
    HttpResponse<String> tasklist = browser.postJson("/camunda/api/engine/engine/default/filter/" + myTasks
        + "/list?firstResult=0&maxResults=15", "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}");
    assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(200);
    assertThat(JSON.readTree(tasklist.body()).findValuesAsText("processInstanceId")).contains(planInstance);
  }

  @Test
  void shouldLetOnlyAdministratorsStoreFiltersWithExpressions() throws IOException {
    String filter = "{\"resourceType\":\"Task\",\"name\":\"试探\",\"owner\":\"taian\",\"query\":{\"orQueries\":[{\"assigneeExpression\":"
        + quote(EXPLOIT) + "}]},\"properties\":{}}";
    HttpResponse<String> byOfficial = http.send("POST", "/engine-rest/filter/create", TAIAN, filter);
    assertThat(byOfficial.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(byOfficial.body()).get("errors").get(0).get("field").asText())
        .isEqualTo("query.orQueries[0].assigneeExpression");
    assertThat(engine.getFilterService().createFilterQuery().filterName("试探").count()).isZero();

    String adminFilter = "{\"resourceType\":\"Task\",\"name\":\"管理员的待办\",\"owner\":\"admin\","
        + "\"query\":{\"assigneeExpression\":\"${currentUser()}\"},\"properties\":{}}";
    HttpResponse<String> byAdmin = http.send("POST", "/engine-rest/filter/create", PlanFixtures.ADMIN, adminFilter);
    assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
    createdFilters.add(JSON.readTree(byAdmin.body()).get("id").asText());
    assertThat(System.getProperty("cve109432")).isNull();
  }

  private String filterId(String name) {
    Filter f = engine.getFilterService().createFilterQuery().filterName(name).singleResult();
    return f.getId();
  }
}
