package cn.gov.reform.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's conversation with the Camunda webapps: cookies kept, the XSRF-TOKEN cookie echoed in
 * {@code X-XSRF-TOKEN} on every request, as the webapps' JavaScript does.
 */
public final class WebappLogin {

  private final int port;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client;

  public WebappLogin(int port) {
    this.port = port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Opens Tasklist (which hands out the CSRF token), then logs in to Tasklist. */
  public HttpResponse<String> login(String user, String password) {
    get("/camunda/app/tasklist/");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> answer =
        send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", form, "application/x-www-form-urlencoded");
    // the login starts a new session; like Tasklist, read who is logged in, which hands out its CSRF token
    get("/camunda/api/admin/auth/user/default");
    return answer;
  }

  /** Only opens Tasklist: an anonymous visitor holding a valid CSRF token. */
  public WebappLogin visit() {
    get("/camunda/app/tasklist/");
    return this;
  }

  public HttpResponse<String> get(String path) {
    return send("GET", path, null, null);
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  public HttpResponse<String> send(String method, String path, String body, String contentType) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("Accept", "application/json");
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    String token = xsrfToken();
    if (token != null) {
      b.header("X-XSRF-TOKEN", token);
    }
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((a, b) -> b).orElse(null);
  }
}
