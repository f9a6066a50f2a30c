package cn.gov.reform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Profile {@code prod} as a browser meets it: HSTS everywhere, the webapps' session and CSRF cookies
 * only over HTTPS and never cross-site, the session cookie out of JavaScript's reach, the Admin setup
 * closed. The application's own prod configuration is used; only the database is an in-memory H2 (the
 * settings under test are the web layer's), and APP_ADMIN_PASSWORD is given as prod demands.
 * An integration test (failsafe, its own JVM): the webapps and engine REST keep engines and runtime
 * delegates in JVM-wide registries, so a second app in the surefire JVM would disturb the other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "APP_ADMIN_PASSWORD=Sesame-prod-2026",
    "spring.datasource.url=jdbc:h2:mem:prodprofile;DB_CLOSE_DELAY=-1",
    "spring.datasource.driver-class-name=org.h2.Driver",
    "spring.datasource.username=sa",
    "spring.datasource.password="})
@ActiveProfiles({"test", "prod"})
class ProdProfileIT {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @LocalServerPort int port;

  private HttpResponse<String> send(String method, String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      b.headers(headers);
    }
    try {
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static String cookie(HttpResponse<String> answer, String name) {
    List<String> cookies = answer.headers().allValues("Set-Cookie");
    return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + cookies));
  }

  @Test
  void shouldSendHstsOnTheWebappsAndEverywhereElse() {
    for (String path : List.of("/camunda/app/tasklist/", "/actuator/health", "/engine-rest/engine", "/api/plans")) {
      assertThat(send("GET", path).headers().firstValue("Strict-Transport-Security")).as(path)
          .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
    }
  }

  @Test
  void shouldSetSecureHttpOnlySameSiteStrictSessionCookieAndSecureCsrfCookie() {
    HttpResponse<String> tasklist = send("GET", "/camunda/app/tasklist/");

    String session = cookie(tasklist, "JSESSIONID");
    assertThat(session).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Strict")
        .doesNotContainIgnoringCase("SameSite=Lax");
    // the webapps' JavaScript reads the CSRF token, so it cannot be HttpOnly; it is Secure and strict
    String csrf = cookie(tasklist, "XSRF-TOKEN");
    assertThat(csrf).contains("Secure").containsIgnoringCase("SameSite=Strict");
  }

  @Test
  void shouldRefuseTheAdminSetupEvenToAVisitorWithAValidCsrfToken() {
    HttpResponse<String> tasklist = send("GET", "/camunda/app/tasklist/");
    String session = cookie(tasklist, "JSESSIONID").split(";")[0];
    String csrf = cookie(tasklist, "XSRF-TOKEN").split(";")[0];

    HttpResponse<String> setup = send("POST", "/camunda/api/admin/setup/default/user/create",
        "Cookie", session + "; " + csrf, "X-XSRF-TOKEN", csrf.substring(csrf.indexOf('=') + 1),
        "Content-Type", "application/json");

    assertThat(setup.statusCode()).isEqualTo(403);
    assertThat(setup.body()).contains("本环境不提供管理员初始化设置");
  }
}
