package cn.gov.reform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.support.Http;

/**
 * {@code /v3/api-docs} describes exactly the /api endpoints the app serves, in Chinese, with the CONTRACT's examples;
 * a controller method added, removed or moved without its description fails here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDescriptionTest {

  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  Http http;
  JsonNode spec;

  @BeforeEach
  void load() {
    http = new Http(port);
    Http.Answer a = http.get("/v3/api-docs", null);
    assertThat(a.status()).as("the API description is open without login").isEqualTo(200);
    spec = a.json();
  }

  @Test
  void shouldDescribeEveryApiEndpointAndNothingElse() {
    Set<String> served = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      for (String path : e.getKey().getPatternValues()) {
        if (path.startsWith("/api/")) {
          e.getKey().getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + path));
        }
      }
    }
    Set<String> described = new TreeSet<>();
    spec.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
        .forEachRemaining(m -> described.add(m.toUpperCase() + " " + p.getKey())));

    assertThat(served).contains("POST /api/plans", "GET /api/plans/{id}", "GET /api/plans", "PUT /api/plans/{id}",
        "POST /api/policy/validate", "GET /api/calendar/{year}", "PUT /api/calendar/{year}");
    assertThat(described).isEqualTo(served);
  }

  @Test
  void shouldSayInChineseWhatEveryOperationDoesAndWhatItCanAnswer() {
    List<String> missing = new ArrayList<>();
    operations().forEach((name, op) -> {
      if (!CHINESE.matcher(op.path("summary").asText()).find()) {
        missing.add(name + ": summary");
      }
      op.path("parameters").forEach(p -> {
        if (!CHINESE.matcher(p.path("description").asText()).find()) {
          missing.add(name + ": parameter " + p.path("name").asText());
        }
      });
      // what is published is open to everybody: no login, no 401; everything else needs one
      boolean published = name.contains(" " + PublicApi.PREFIX);
      assertThat(op.path("responses").has("401")).as(name + " answers 401").isEqualTo(!published);
      if (published) {
        assertThat(op.path("security").isArray() && op.path("security").isEmpty()).as(name + " needs no login").isTrue();
      }
      op.path("responses").fields().forEachRemaining(r -> {
        if (!CHINESE.matcher(r.getValue().path("description").asText()).find()) {
          missing.add(name + ": response " + r.getKey());
        }
        if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
          assertThat(r.getValue().path("content").path("application/problem+json").path("schema").path("$ref").asText())
              .as(name + " " + r.getKey()).isEqualTo("#/components/schemas/Problem");
        }
      });
    });
    assertThat(missing).isEmpty();
    assertThat(operations().get("POST /api/plans").path("responses").fieldNames())
        .toIterable().contains("201", "400", "401", "403", "409", "413");
    assertThat(operations().get("GET /api/plans/{id}").path("responses").has("404")).isTrue();
    assertThat(operations()).containsKeys("GET /api/public/catalogues", "POST /api/catalogues");
  }

  @Test
  void shouldDescribeEverySchemaAndPropertyInChinese() {
    List<String> missing = new ArrayList<>();
    spec.path("components").path("schemas").fields().forEachRemaining(s -> {
      if (!CHINESE.matcher(s.getValue().path("description").asText()).find()) {
        missing.add(s.getKey());
      }
      s.getValue().path("properties").fields().forEachRemaining(p -> {
        if (!CHINESE.matcher(p.getValue().path("description").asText()).find()) {
          missing.add(s.getKey() + "." + p.getKey());
        }
      });
    });
    assertThat(spec.path("components").path("schemas").fieldNames()).toIterable()
        .contains("PlanRequest", "Township", "Unit", "PlanView", "Finding", "TimelineEntry", "PlanPage", "Problem");
    assertThat(missing).isEmpty();
  }

  @Test
  void shouldCarryTheContractsExamples() {
    JsonNode create = operations().get("POST /api/plans").path("requestBody").path("content").path("application/json");
    assertThat(create.path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/PlanRequest");
    assertThat(create.path("examples").toString()).contains("磁窑镇").contains("370921109").contains("DEVELOPED_TOWN");
    JsonNode finding = spec.path("components").path("schemas").path("Finding").path("example");
    assertThat(finding.path("rule").asText()).isEqualTo("SD-TOWNSHIP-BODIES");
    assertThat(finding.path("source").asText()).isEqualTo("鲁厅字〔2018〕33号 三(一)");
    JsonNode county = spec.path("components").path("schemas").path("PlanRequest").path("properties").path("countyCode");
    assertThat(county.path("example").isTextual()).as("a region code is text").isTrue();
    assertThat(county.path("example").asText()).isEqualTo("370921");
    assertThat(spec.path("components").path("securitySchemes").path("basic").path("scheme").asText()).isEqualTo("basic");
  }

  @Test
  void shouldServeSwaggerUiWithoutLogin() {
    Http.Answer page = http.get("/swagger-ui/index.html", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().body()).contains("Swagger UI");
    Http.Answer config = http.get("/v3/api-docs/swagger-config", null);
    assertThat(config.json().path("url").asText()).isEqualTo("/v3/api-docs");
    assertThat(http.get("/swagger-ui.html", null).status()).isIn(200, 302);
  }

  private Map<String, JsonNode> operations() {
    Map<String, JsonNode> ops = new java.util.TreeMap<>();
    spec.get("paths").fields().forEachRemaining(p -> {
      Iterator<Map.Entry<String, JsonNode>> it = p.getValue().fields();
      it.forEachRemaining(m -> ops.put(m.getKey().toUpperCase() + " " + p.getKey(), m.getValue()));
    });
    return ops;
  }
}
