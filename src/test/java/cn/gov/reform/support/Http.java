package cn.gov.reform.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.plan.PlanFixtures;

/** A small HTTP client for the running app, the way another government system would call it. */
public record Http(int port) {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  public record Answer(int status, HttpResponse<String> raw) {
    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + raw.body(), e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Answer send(String method, String path, String user, String body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    authorize(b, user);
    headers.forEach(b::header);
    return answer(b);
  }

  /** A file upload as a browser's form sends it: multipart/form-data, the file in part {@code field}. */
  public Answer upload(String path, String user, String field, String fileName, byte[] content, Map<String, String> headers) {
    String boundary = "----reform" + java.util.UUID.randomUUID().toString().replace("-", "");
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary);
    authorize(b, user);
    headers.forEach(b::header);
    return answer(b);
  }

  /** A download, its bytes as they came. */
  public HttpResponse<byte[]> download(String path, String user) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    authorize(b, user);
    try {
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static void authorize(HttpRequest.Builder b, String user) {
    if (user != null) {
      String password = user.contains(":") ? user.substring(user.indexOf(':') + 1) : PlanFixtures.PASSWORD;
      String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static Answer answer(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(r.statusCode(), r);
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  public Answer get(String path, String user) {
    return send("GET", path, user, null, Map.of());
  }

  public Answer post(String path, String user, String body) {
    return send("POST", path, user, body, Map.of());
  }

  public static String json(Object value) {
    try {
      return JSON.findAndRegisterModules().writeValueAsString(value);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
