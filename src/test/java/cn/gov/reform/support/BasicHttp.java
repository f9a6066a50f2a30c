package cn.gov.reform.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Engine REST and the domain API as another system calls them: HTTP Basic, JSON. */
public record BasicHttp(int port) {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /** {@code credentials} is {@code user:password}, or {@code null} for an anonymous call. */
  public HttpResponse<String> send(String method, String path, String credentials, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .header("Accept", "application/json");
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (credentials != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  public int status(String method, String path, String credentials) {
    return send(method, path, credentials, null).statusCode();
  }
}
