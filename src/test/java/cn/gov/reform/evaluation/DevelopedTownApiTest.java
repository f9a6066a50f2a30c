package cn.gov.reform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.support.Http;
import cn.gov.reform.web.ApiException;

/**
 * The developed towns over HTTP as officials and other systems meet them: the list with its basis, scoped by region; the
 * plan's warning for a town not on the list; evaluation years and applications isolated by province and city; hostile
 * input refused naming the field, nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class DevelopedTownApiTest {

  @LocalServerPort int port;
  @Autowired EvaluationFixtures support;
  @Autowired DevelopedTowns towns;
  @Autowired EvaluationService evaluations;

  private Http http() {
    return new Http(port);
  }

  private static List<String> codes(JsonNode towns) {
    List<String> codes = new ArrayList<>();
    towns.forEach(t -> codes.add(t.path("townshipCode").asText()));
    return codes;
  }

  @Test
  void shouldListEachProvincesTownsWithTheirBasisWithinTheCallersRegion() {
    JsonNode jilin = http().get("/api/developed-towns?province=220000", "jilin").json();
    assertThat(codes(jilin.path("towns"))).containsExactlyInAnyOrderElementsOf(EvaluationFixtures.JILIN_TOWNS.keySet());
    jilin.path("towns").forEach(t -> {
      assertThat(t.path("entryBasis").asText()).isEqualTo("吉林省实施意见 一(三)");
      assertThat(t.path("enteredYear").asInt()).isEqualTo(2018);
    });
    // a city sees its own town, another province nothing, a township its own
    assertThat(codes(http().get("/api/developed-towns?province=220000", "changchunbb").json().path("towns")))
        .containsExactly("220103171");
    assertThat(http().get("/api/developed-towns?province=220000", "shandongapprover").json().path("towns")).isEmpty();
    assertThat(http().get("/api/developed-towns/220103171", "shandongapprover").status()).isEqualTo(404);
    // a township's officials (township + 9-digit code, a group made on demand) see their own town only
    Jurisdiction ciyao = Jurisdiction.of("ciyaotown", List.of("township370921109"));
    assertThat(towns.visible(ciyao, null, null, true)).extracting(ListedTown::townshipCode).containsOnly("370921109");
    assertThat(http().get("/api/developed-towns/220103171", "changchunbb").json().path("onList").asBoolean()).isTrue();
    assertThat(http().get("/api/developed-towns/220122100", "jilin").status()).as("never listed").isEqualTo(404);
  }

  @Test
  void shouldWarnAboutADevelopedTownPlanForATownNotOnItsProvincesList() throws Exception {
    String plan = Files.readString(Path.of("examples/developed-town-plan.json"));
    JsonNode nongan = http().post("/api/policy/validate", "nongan", plan).json();
    List<JsonNode> warnings = new ArrayList<>();
    nongan.path("findings").forEach(f -> {
      if (f.path("rule").asText().equals(NotOnListCheck.RULE)) {
        warnings.add(f);
      }
    });
    assertThat(warnings).singleElement().satisfies(f -> {
      assertThat(f.path("severity").asText()).isEqualTo("WARNING");
      assertThat(f.path("message").asText()).startsWith("农安镇：不在吉林省经济发达镇名单中").contains("合隆镇");
      assertThat(f.path("source").asText()).contains("吉林省实施意见 一(三)");
    });
    // the same plan for 合隆镇, which is on the list: no warning; as an ordinary township plan: none either
    String helong = plan.replace("220122100", "220103171").replace("农安镇", "合隆镇").replace("\"220122\"", "\"220103\"");
    assertThat(http().post("/api/policy/validate", "jilin", helong).json().path("findings").findValues("rule").stream()
        .map(JsonNode::asText)).doesNotContain(NotOnListCheck.RULE);
    String asTownship = plan.replace("\"DEVELOPED_TOWN\"", "\"TOWNSHIP\"");
    assertThat(http().post("/api/policy/validate", "nongan", asTownship).json().path("findings").findValues("rule").stream()
        .map(JsonNode::asText)).doesNotContain(NotOnListCheck.RULE);
  }

  @Test
  void shouldShowAYearToItsProvinceAndEachCityOnlyItsOwnTowns() {
    String id = http().post("/api/evaluations", "jilin", "{\"provinceCode\": \"220000\", \"year\": 2021, \"sampleSize\": 5}")
        .json().path("id").asText();
    support.score("changchunbb", id, "220103171", EvaluationStage.SELF_EVALUATION, EvaluationFixtures.jilin(80), "自评");
    JsonNode province = http().get("/api/evaluations/" + id, "jilin").json();
    assertThat(province.path("towns")).hasSize(5);
    assertThat(province.path("sample")).hasSize(5);
    JsonNode city = http().get("/api/evaluations/" + id, "baichengbb").json();
    assertThat(codes(city.path("towns"))).containsExactly("220882101");
    assertThat(city.path("sample").toString()).isEqualTo("[\"220882101\"]");
    city.path("timeline").forEach(t -> assertThat(t.path("target").asText()).isEqualTo("220882101"));
    assertThat(http().get("/api/evaluations/" + id, "shandongapprover").status()).isEqualTo(404);
    assertThatThrownBy(() -> evaluations.view(id, Jurisdiction.of("ciyaotown", List.of("township370921109"))))
        .isInstanceOf(ApiException.class).hasMessageContaining("不存在或无权查看");
    assertThat(http().get("/api/evaluations?provinceCode=220000&year=2021", "shandongreviewer").json().path("total").asLong()).isZero();
    assertThat(http().get("/api/evaluations?year=2021", "baichengbb").json().path("total").asLong()).isEqualTo(1);
    // another city's town: 404; the province's re-evaluation by a city: 403; a town not at the stage: 409
    String sheet = Http.json(new ScoresRequest(EvaluationFixtures.jilin(80), null));
    assertThat(http().post("/api/evaluations/" + id + "/towns/220103171/self-evaluation", "baichengbb", sheet).status()).isEqualTo(404);
    assertThat(http().post("/api/evaluations/" + id + "/towns/220882101/re-evaluation", "baichengbb", sheet).status()).isEqualTo(403);
    assertThat(http().post("/api/evaluations/" + id + "/towns/220882101/re-evaluation", "jilin", sheet).status()).isEqualTo(409);
    assertThat(http().post("/api/evaluations/" + id + "/towns/220103171/self-evaluation", "changchunbb", sheet).status()).isEqualTo(409);
  }

  static Stream<Arguments> badLaunches() {
    return Stream.of(
        Arguments.of("{\"provinceCode\": \"220000\", \"year\": 2017}", "year"),
        Arguments.of("{\"provinceCode\": \"220000\", \"year\": 3000}", "year"),
        Arguments.of("{\"provinceCode\": \"2200\", \"year\": 2023}", "provinceCode"),
        Arguments.of("{\"provinceCode\": \"990000\", \"year\": 2023}", "provinceCode"),
        Arguments.of("{\"year\": 2023}", "provinceCode"),
        Arguments.of("{\"provinceCode\": \"220000\", \"year\": 2023, \"sampleSize\": -1}", "sampleSize"),
        Arguments.of("{\"provinceCode\": \"220000\", \"year\": 2023, \"towns\": []}", "towns"),
        Arguments.of("{\"provinceCode\": \"220000\", \"year\": \"二〇二三\"}", "year"));
  }

  @ParameterizedTest
  @MethodSource("badLaunches")
  void shouldRefuseABadLaunchNamingTheField(String body, String field) {
    Http.Answer a = http().post("/api/evaluations", "jilin", body);
    assertThat(a.status()).as(a.raw().body()).isEqualTo(400);
    assertThat(a.header("Content-Type")).startsWith("application/problem+json");
    assertThat(a.raw().body()).contains(field);
  }

  @Test
  void shouldLaunchOnlyAsTheProvincial编办AndOnceAYear() {
    String body = "{\"provinceCode\": \"220000\", \"year\": 2022, \"sampleSize\": 0}";
    assertThat(http().post("/api/evaluations", "changchunbb", body).status()).isEqualTo(403);
    assertThat(http().post("/api/evaluations", "jilinapprover", body).status()).isEqualTo(403);
    assertThat(http().post("/api/evaluations", "shandongreviewer", body).status()).isEqualTo(403);
    assertThat(http().post("/api/evaluations", null, body).status()).isEqualTo(401);
    assertThat(http().post("/api/evaluations", "jilin", body).status()).isEqualTo(201);
    assertThat(http().post("/api/evaluations", "jilin", body).status()).isEqualTo(409);
    assertThat(http().post("/api/evaluations", "shandongreviewer", "{\"provinceCode\": \"620000\", \"year\": 2022}").status())
        .isEqualTo(403);
  }

  static Stream<Arguments> badScores() {
    return Stream.of(
        Arguments.of(List.of(new Score("JL-POWERS", 21, "台账")), "scores[0].score"),
        Arguments.of(List.of(new Score("JL-POWERS", -1, "台账")), "scores[0].score"),
        Arguments.of(List.of(new Score("JL-POWERS", 10, null)), "scores[0].note"),
        Arguments.of(List.of(new Score("JL-POWERS", 10, "<script>alert(1)</script>")), "scores[0].note"),
        Arguments.of(List.of(new Score("JL-UNKNOWN", 10, "台账")), "scores[0].indicator"),
        Arguments.of(List.of(new Score("JL-POWERS", 10, "台账"), new Score("JL-POWERS", 10, "台账")), "scores[1].indicator"),
        Arguments.of(List.of(), "scores"));
  }

  @ParameterizedTest
  @MethodSource("badScores")
  void shouldRefuseBadScoresNamingTheFieldAndStoreNothing(List<Score> scores, String field) {
    String id = yearOfTest();
    Http.Answer a = http().post("/api/evaluations/" + id + "/towns/220422103/self-evaluation", "liaoyuanbb",
        Http.json(new ScoresRequest(scores, null)));
    assertThat(a.status()).as(a.raw().body()).isEqualTo(400);
    assertThat(a.json().path("errors").findValues("field").stream().map(JsonNode::asText)).contains(field);
    assertThat(support.town(id, "220422103").stage()).isEqualTo(EvaluationKeys.SELF_EVALUATION);
    assertThat(support.town(id, "220422103").selfScores()).isEmpty();
  }

  private String yearOfTest() {
    JsonNode page = http().get("/api/evaluations?provinceCode=220000&year=2023", "jilin").json();
    if (page.path("total").asLong() > 0) {
      return page.path("items").get(0).path("id").asText();
    }
    return http().post("/api/evaluations", "jilin", "{\"provinceCode\": \"220000\", \"year\": 2023, \"sampleSize\": 0}").json()
        .path("id").asText();
  }

  static Stream<Arguments> badApplications() {
    String ranks = "[{\"year\": 2024, \"urbanisationRank\": 1, \"revenueRank\": 1, \"townshipCount\": 100}, "
        + "{\"year\": 2025, \"urbanisationRank\": 1, \"revenueRank\": 1, \"townshipCount\": 100}]";
    return Stream.of(
        Arguments.of("{\"townshipCode\": \"370921102\", \"builtUpPopulation\": 90000, \"rankings\": "
            + ranks.replace("\"urbanisationRank\": 1, \"revenueRank\": 1, \"townshipCount\": 100}]",
                "\"urbanisationRank\": 101, \"revenueRank\": 1, \"townshipCount\": 100}]") + "}", "rankings[1].urbanisationRank"),
        Arguments.of("{\"townshipCode\": \"370921102\", \"builtUpPopulation\": 90000, \"rankings\": "
            + ranks.replace("2025", "2027") + "}", "rankings[1].year"),
        Arguments.of("{\"townshipCode\": \"370921102\", \"builtUpPopulation\": 90000, \"rankings\": "
            + ranks.replace("2024", "2021").replace("2025", "2022").replace("2021", "2020") + "}", "rankings[1].year"),
        Arguments.of("{\"townshipCode\": \"370921102\", \"builtUpPopulation\": 0, \"rankings\": " + ranks + "}", "builtUpPopulation"),
        Arguments.of("{\"townshipCode\": \"370921999\", \"builtUpPopulation\": 90000, \"rankings\": " + ranks + "}", "townshipCode"),
        Arguments.of("{\"townshipCode\": \"370921102\", \"builtUpPopulation\": 90000, \"rankings\": " + ranks
            + ", \"relaxedReason\": \"<b>名镇</b>\"}", "relaxedReason"),
        Arguments.of("{\"townshipCode\": \"370921102\", \"builtUpPopulation\": 90000, \"rankings\": []}", "rankings"),
        Arguments.of("{\"townshipCode\": \"370921102\", \"builtUpPopulation\": 90000}", "rankings"));
  }

  @ParameterizedTest
  @MethodSource("badApplications")
  void shouldRefuseABadApplicationNamingTheField(String body, String field) {
    Http.Answer a = http().post("/api/developed-towns/applications", "taianzf", body);
    assertThat(a.status()).as(a.raw().body()).isEqualTo(400);
    assertThat(a.json().path("errors").findValues("field").stream().map(JsonNode::asText)).contains(field);
  }

  @Test
  void shouldAcceptApplicationsOnlyFromTheTownsCityGovernmentForTownsNotOnTheList() {
    String body = "{\"townshipCode\": \"%s\", \"builtUpPopulation\": 90000, \"rankings\": [{\"year\": 2024, \"urbanisationRank\": 1, "
        + "\"revenueRank\": 1, \"townshipCount\": 100}, {\"year\": 2025, \"urbanisationRank\": 1, \"revenueRank\": 1, "
        + "\"townshipCount\": 100}]}";
    assertThat(http().post("/api/developed-towns/applications", "ningyang", body.formatted("370921102")).status()).isEqualTo(403);
    assertThat(http().post("/api/developed-towns/applications", "jinanzf", body.formatted("370921102")).status()).isEqualTo(403);
    assertThat(http().post("/api/developed-towns/applications", "taianzf", body.formatted("370921109")).status())
        .as("磁窑镇 is on the list").isEqualTo(409);
    Http.Answer first = http().send("POST", "/api/developed-towns/applications", "taianzf", body.formatted("370921102"),
        Map.of("Idempotency-Key", "dongshu-" + System.nanoTime()));
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(http().post("/api/developed-towns/applications", "taianzf", body.formatted("370921102")).status())
        .as("one under way").isEqualTo(409);
    String id = first.json().path("id").asText();
    assertThat(http().get("/api/developed-towns/applications/" + id, "taian").status()).isEqualTo(200);
    assertThat(http().get("/api/developed-towns/applications/" + id, "jilin").status()).isEqualTo(404);
    // the provincial government refuses without a decision number, then rejects with an opinion
    Http.Answer tasks = http().get("/engine-rest/task?processInstanceBusinessKey=" + id + "&maxResults=5", "shandongapprover");
    String taskId = tasks.json().get(0).path("id").asText();
    Http.Answer noNumber = http().post("/engine-rest/task/" + taskId + "/complete", "shandongapprover",
        "{\"variables\": {\"decision\": {\"value\": \"APPROVE\"}}}");
    assertThat(noNumber.status()).isEqualTo(400);
    assertThat(noNumber.raw().body()).contains("decisionNumber");
    assertThat(http().post("/engine-rest/task/" + taskId + "/complete", "shandongapprover",
        "{\"variables\": {\"decision\": {\"value\": \"REJECT\"}, \"opinion\": {\"value\": \"城镇化率尚待提升\"}}}").status()).isEqualTo(204);
    JsonNode rejected = http().get("/api/developed-towns/applications/" + id, "taianzf").json();
    assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
    assertThat(rejected.path("timeline").findValues("decision").stream().map(JsonNode::asText))
        .contains("SUBMIT", "PASSED", "REJECT", "REJECTED");
    assertThat(http().get("/api/developed-towns/370921102", "shandongapprover").status()).as("not listed").isEqualTo(404);
  }
}
