package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.support.Http;

/**
 * The managers' dashboard data: four 江苏 plans (no other test uses 江苏) seen by a county, a city and
 * the province, each counting exactly what it may see; and the dashboard page behind the webapp login, until its logout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatsApiTest {

  static final Map<String, String> USERS = Map.of(
      "jiangning", "drafter320115",   // 南京市江宁区
      "luhe", "drafter320116",        // 南京市六合区
      "changshu", "drafter320581",    // 苏州市常熟市
      "nanjing", "reviewer320100",    // 南京市编办
      "jiangsu", "supervisor320000"); // 江苏省督办

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    support.ensureUsers(USERS);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant()));
  }

  private JsonNode create(String user, String county, String township, String townshipName, String deadline) {
    PlanRequest p = new PlanRequest(townshipName + "行政管理体制改革方案", PlanRequest.PlanType.TOWNSHIP, county,
        LocalDate.parse(deadline), List.of(PlanFixtures.compliantTownship(township, townshipName)));
    Http.Answer a = http.post("/api/plans", user, Http.json(p));
    assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
    support.runJobs(a.json().get("processInstanceId").asText());
    return a.json();
  }

  private void review(JsonNode plan, String decision, String opinion) {
    String pi = plan.get("processInstanceId").asText();
    JsonNode tasks = http.get("/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=cityReview&maxResults=5", "nanjing").json();
    assertThat(tasks).hasSize(1);
    String vars = opinion == null
        ? "{\"variables\":{\"decision\":{\"value\":\"" + decision + "\"}}}"
        : "{\"variables\":{\"decision\":{\"value\":\"" + decision + "\"},\"opinion\":{\"value\":\"" + opinion + "\"}}}";
    assertThat(http.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete", "nanjing", vars).status())
        .isEqualTo(204);
    support.runJobs(pi);
  }

  private JsonNode stats(String user) {
    Http.Answer a = http.get("/api/stats", user);
    assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
    return a.json();
  }

  private static List<String> rows(JsonNode array, String... fields) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> {
      List<String> values = new ArrayList<>();
      for (String f : fields) {
        values.add(n.get(f).asText());
      }
      out.add(String.join(" ", values));
    });
    return out;
  }

  @Test
  void shouldCountForEachViewerOnlyThePlansOfTheirRegion() {
    at("2026-03-02T09:00"); // Monday
    JsonNode dongshan = create("jiangning", "320115", "320115001", "东山街道", "2026-03-10");
    JsonNode moling = create("jiangning", "320115", "320115002", "秣陵街道", "2026-03-03");
    JsonNode luhe = create("luhe", "320116", "320116001", "大厂街道", "2026-04-30");
    JsonNode meili = create("changshu", "320581", "320581101", "梅李镇", "2026-03-06");

    at("2026-03-04T09:00"); // 东山 reviewed in 2 working days; 秣陵's deadline (03-03) has passed
    review(dongshan, "APPROVE", null);
    support.runJobs(moling.get("processInstanceId").asText());
    assertThat(http.get("/api/plans/" + moling.get("id").asText(), "jiangning").json().get("overdue").asBoolean()).isTrue();

    at("2026-03-06T10:00"); // Friday: 六合's plan returned after 4 working days
    review(luhe, "RETURN", "请补充便民服务中心编制说明");

    JsonNode county = stats("jiangning");
    assertThat(county.get("asOf").asText()).isEqualTo("2026-03-06");
    assertThat(county.get("regionLevel").asText()).isEqualTo("county");
    assertThat(county.get("plans").asInt()).isEqualTo(2);
    assertThat(rows(county.get("byStatus"), "cityName", "statusName", "count")).containsExactly("南京市 审核中 2");
    assertThat(rows(county.get("overdue"), "regionCode", "regionName", "count")).containsExactly("320115 江宁区 1");
    assertThat(rows(county.get("stageDurations"), "stage", "stageName", "avgWorkingDays", "samples"))
        .containsExactly("cityReview 市编办审核 2.0 1");
    assertThat(county.get("dueSoonWorkingDays").asInt()).as("configured in app.deadlines.due-soon-working-days").isEqualTo(10);
    assertThat(rows(county.get("dueSoon"), "planId", "deadline", "workingDaysLeft"))
        .containsExactly(dongshan.get("id").asText() + " 2026-03-10 2");
    assertThat(county.get("dueSoon").get(0).get("countyName").asText()).isEqualTo("江苏省 · 南京市 · 江宁区");
    assertThat(county.get("dueSoon").get(0).get("processInstanceId").asText())
        .isEqualTo(dongshan.get("processInstanceId").asText());

    JsonNode city = stats("nanjing");
    assertThat(city.get("regionLevel").asText()).isEqualTo("county");
    assertThat(city.get("plans").asInt()).isEqualTo(3);
    assertThat(rows(city.get("byStatus"), "cityCode", "status", "count"))
        .containsExactlyInAnyOrder("320100 DRAFT 1", "320100 IN_REVIEW 2");
    assertThat(rows(city.get("overdue"), "regionName", "count")).containsExactly("江宁区 1");
    assertThat(rows(city.get("stageDurations"), "stageName", "avgWorkingDays", "samples")).containsExactly("市编办审核 3.0 2");
    assertThat(rows(city.get("dueSoon"), "title")).containsExactly("东山街道行政管理体制改革方案");

    JsonNode province = stats("jiangsu");
    assertThat(province.get("regionLevel").asText()).isEqualTo("city");
    assertThat(province.get("plans").asInt()).isEqualTo(4);
    assertThat(rows(province.get("byStatus"), "provinceName", "cityName", "statusName", "count"))
        .containsExactlyInAnyOrder("江苏省 南京市 起草中 1", "江苏省 南京市 审核中 2", "江苏省 苏州市 审核中 1");
    assertThat(rows(province.get("overdue"), "regionCode", "regionName", "count")).containsExactly("320100 南京市 1");
    assertThat(rows(province.get("dueSoon"), "planId", "workingDaysLeft")).containsExactly(
        meili.get("id").asText() + " 0", dongshan.get("id").asText() + " 2");

    JsonNode otherProvince = stats("taian");
    assertThat(rows(otherProvince.get("byStatus"), "provinceCode")).doesNotContain("320000");
    assertThat(otherProvince.get("dueSoon").toString()).doesNotContain(dongshan.get("id").asText(), meili.get("id").asText());

    // every procedure counted alike (GET /api/stats/procedures): the county's plans, none of another province's
    Http.Answer procedures = http.get("/api/stats/procedures", "jiangning");
    assertThat(procedures.status()).isEqualTo(200);
    assertThat(rows(procedures.json(), "processKey", "name", "running", "finished", "overdue")).contains(
        "reformPlanApproval 乡镇行政管理体制改革方案审批 2 0 1", "powerCatalogueApproval 放权赋权目录审批 0 0 0");
    assertThat(rows(http.get("/api/stats/procedures", "jiangsu").json(), "processKey", "running", "overdue"))
        .contains("reformPlanApproval 4 1");

    JsonNode admin = stats(PlanFixtures.ADMIN);
    assertThat(admin.get("regionLevel").asText()).isEqualTo("province");
    assertThat(rows(admin.get("overdue"), "regionCode", "regionName", "count")).contains("320000 江苏省 1");
  }

  @Test
  void shouldRefuseStatsWithoutCredentialsAsProblemJson() {
    Http.Answer a = http.get("/api/stats", null);
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.header("Content-Type")).startsWith("application/problem+json");
    assertThat(a.json().get("title").asText()).isEqualTo("未登录");
  }

  @Test
  void shouldServeTheDashboardOnlyBetweenTheWebappLoginAndItsLogout() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://localhost:" + port;
    HttpResponse<String> anonymous = browser.send(HttpRequest.newBuilder(URI.create(base + "/dashboard")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/login.html"));
    HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/login.html")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(loginPage.body()).contains("管理驾驶舱", "用户名", "密码");

    // the webapps' login, as the login page (or Tasklist, Cockpit) does it: a reading call hands out the CSRF token
    String auth = base + "/camunda/api/admin/auth/user/default";
    String token = browser.send(HttpRequest.newBuilder(URI.create(auth)).build(), HttpResponse.BodyHandlers.ofString())
        .headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(auth + "/login/welcome"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token).header("Origin", base)
        .POST(HttpRequest.BodyPublishers.ofString("username=jiangsu&password=" + PlanFixtures.PASSWORD)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/dashboard")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("管理驾驶舱", "/webjars/echarts/5.5.0/echarts.min.js", "未来10个工作日内到期");
    HttpResponse<String> echarts = browser.send(HttpRequest.newBuilder(URI.create(base + "/webjars/echarts/5.5.0/echarts.min.js")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(echarts.statusCode()).isEqualTo(200);

    // the page's own reads go to /api with the session only; writing still needs credentials
    HttpResponse<String> stats = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/stats")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(stats.statusCode()).isEqualTo(200);
    assertThat(stats.body()).contains("\"regionLevel\":\"city\"");
    HttpResponse<String> write = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/policy/validate"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(write.statusCode()).isEqualTo(401);

    // 退出登录, as the dashboard does it: the webapps' logout with the session's CSRF token, which Camunda hands
    // out once (a second reading call has no header) and the dashboard then reads from /dashboard/csrf-token
    assertThat(page.body()).contains("退出登录", "/dashboard/session.js");
    String sessionToken = browser.send(HttpRequest.newBuilder(URI.create(auth)).build(), HttpResponse.BodyHandlers.ofString())
        .headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    assertThat(browser.send(HttpRequest.newBuilder(URI.create(auth)).build(), HttpResponse.BodyHandlers.ofString())
        .headers().firstValue("X-XSRF-TOKEN")).isEmpty();
    HttpResponse<String> csrf = browser.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/csrf-token")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(csrf.headers().firstValue("X-XSRF-TOKEN")).hasValue(sessionToken);
    HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(URI.create(auth + "/logout"))
        .header("X-XSRF-TOKEN", sessionToken).header("Origin", base).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(logout.statusCode()).as(logout.body()).isBetween(200, 299);
    HttpResponse<String> afterLogout = browser.send(HttpRequest.newBuilder(URI.create(base + "/dashboard")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(afterLogout.statusCode()).isEqualTo(302);
    assertThat(afterLogout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/login.html"));
    assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/api/stats")).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(401);
  }
}
