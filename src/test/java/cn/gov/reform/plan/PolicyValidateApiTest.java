package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.plan.PlanRequest.PlanType;
import cn.gov.reform.support.Http;

/** {@code POST /api/policy/validate}: findings for a draft, a clear 4xx for input it cannot judge, nothing stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyValidateApiTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  /** 磁窑镇 as the developed-town plan 宁政发〔2019〕6号 approved. */
  private static final String GOOD = Http.json(new PlanRequest("关于深化磁窑镇行政管理体制改革方案", PlanType.DEVELOPED_TOWN,
      "370921", null, List.of(PlanFixtures.ciyaoAsDeveloped())));

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of("null body", "null", null),
        Arguments.of("not JSON", "{\"title\": ", null),
        Arguments.of("null townships", GOOD.replaceFirst("\"townships\":\\[.*\\]}$", "\"townships\":null}"), "townships"),
        Arguments.of("null township", GOOD.replaceFirst("\"townships\":\\[.*\\]}$", "\"townships\":[null]}"), "townships[0]"),
        Arguments.of("null staff", GOOD.replace("\"administrativeStaff\":50", "\"administrativeStaff\":null"),
            "townships[0].administrativeStaff"),
        Arguments.of("negative staff", GOOD.replace("\"staff\":8", "\"staff\":-8"), "townships[0].bodies[0].staff"),
        Arguments.of("absurd staff", GOOD.replace("\"institutionalStaff\":178", "\"institutionalStaff\":99999999999"),
            "townships[0].institutionalStaff"),
        Arguments.of("absurd population", GOOD.replace("\"builtUpPopulation\":85000", "\"builtUpPopulation\":1e30"),
            "townships[0].builtUpPopulation"),
        Arguments.of("category 4", GOOD.replace("\"category\":null", "\"category\":4"), "townships[0].category"),
        Arguments.of("unknown province", GOOD.replace("\"countyCode\":\"370921\"", "\"countyCode\":\"990921\""), "countyCode"),
        Arguments.of("township of another county", GOOD.replace("\"370921109\"", "\"621121101\""), "townships[0].code"),
        Arguments.of("unknown kind", GOOD.replace("\"kind\":\"TOWN\"", "\"kind\":\"VILLAGE\""), "townships[0].kind"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void shouldAnswerInputItCannotJudgeWith400NamingTheField(String name, String body, String field) {
    long versions = jdbc.queryForObject("select count(*) from app_plan_version", Long.class);
    Http.Answer a = http.post("/api/policy/validate", "ningyang", body);
    assertThat(a.status()).as(name).isEqualTo(400);
    assertThat(a.header("Content-Type")).startsWith("application/problem+json");
    assertThat(a.raw().body()).doesNotContain("Exception").doesNotContain("\tat ");
    if (field != null) {
      assertThat(a.json().get("errors").findValuesAsText("field")).as(name).contains(field);
    }
    assertThat(jdbc.queryForObject("select count(*) from app_plan_version", Long.class)).isEqualTo(versions);
  }

  @Test
  void shouldAnswerEveryFindingWithTownshipRuleActualLimitAndSource() {
    String asTownship = GOOD.replace("\"DEVELOPED_TOWN\"", "\"TOWNSHIP\"");
    Http.Answer a = http.post("/api/policy/validate", "ningyang", asTownship);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("valid").asBoolean()).isFalse();
    JsonNode bodies = null;
    for (JsonNode f : a.json().get("findings")) {
      if (f.get("rule").asText().equals("SD-TOWNSHIP-BODIES")) {
        bodies = f;
      }
    }
    assertThat(bodies).isNotNull();
    assertThat(bodies.get("township").asText()).isEqualTo("370921109");
    assertThat(bodies.get("severity").asText()).isEqualTo("ERROR");
    assertThat(bodies.get("actual").asInt()).isEqualTo(8);
    assertThat(bodies.get("limit").asText()).isEqualTo("5-7");
    assertThat(bodies.get("source").asText()).isEqualTo("鲁厅字〔2018〕33号 三(一)");
    assertThat(bodies.get("message").asText()).isEqualTo("磁窑镇：党政工作机构8个，超出5—7个的限额");

    Http.Answer developed = http.post("/api/policy/validate", "ningyang", GOOD);
    assertThat(developed.json().get("valid").asBoolean()).isTrue();
  }

  @Test
  void shouldWarnWhereTheProvinceHasNoLimitsConfigured() {
    String hebei = GOOD.replace("\"countyCode\":\"370921\"", "\"countyCode\":\"130102\"")
        .replace("\"370921109\"", "\"130102100\"").replace("\"DEVELOPED_TOWN\"", "\"TOWNSHIP\"")
        .replace("磁窑镇", "西兆通镇");
    Http.Answer a = http.post("/api/policy/validate", "ningyang", hebei);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("valid").asBoolean()).isTrue();
    assertThat(a.json().get("findings").findValuesAsText("rule")).containsExactly("GEN-NO-PROVINCIAL-LIMITS");
    assertThat(a.json().get("findings").get(0).get("message").asText()).contains("河北省尚未配置");
  }
}
