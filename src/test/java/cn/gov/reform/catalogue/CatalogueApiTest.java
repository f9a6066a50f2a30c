package cn.gov.reform.catalogue;

import static cn.gov.reform.catalogue.CatalogueFixtures.catalogue;
import static cn.gov.reform.catalogue.CatalogueFixtures.countyCatalogue;
import static cn.gov.reform.catalogue.CatalogueFixtures.hygieneLicence;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.catalogue.CatalogueRequest.TownshipType;
import cn.gov.reform.support.Http;

/**
 * {@code /api/catalogues} as another government system and the officials use it: create (once per Idempotency-Key),
 * read and list within one's region, revise while back at the county; refusals as problem+json, nothing stored. And the
 * start form in Tasklist: the same catalogue from the form's lines, a bad line refused naming the field and the line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class CatalogueApiTest {

  @LocalServerPort int port;
  @Autowired CatalogueFixtures support;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  private long catalogues() {
    return jdbc.queryForObject("select count(*) from app_catalogue", Long.class);
  }

  private long items() {
    return jdbc.queryForObject("select count(*) from app_catalogue_item", Long.class);
  }

  @Test
  void shouldCreateACatalogueOncePerIdempotencyKeyAndShowItToItsRegionOnly() {
    String body = Http.json(countyCatalogue("370923109"));
    Http.Answer created = http.send("POST", "/api/catalogues", "dongping", body, Map.of("Idempotency-Key", "dongping-catalogue-1"));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.header("Location")).isEqualTo("/api/catalogues/" + id);
    assertThat(created.json().get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(created.json().get("region").asText()).isEqualTo("山东省 · 泰安市 · 东平县 · 接山镇");
    assertThat(created.json().get("edition").asInt()).isEqualTo(1);
    assertThat(created.json().get("items").get(0).get("legalBasis").get("article").asText()).isEqualTo("第四十一条");

    Http.Answer again = http.send("POST", "/api/catalogues", "dongping", body, Map.of("Idempotency-Key", "dongping-catalogue-1"));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().get("id").asText()).isEqualTo(id);

    support.runJobs(created.json().get("processInstanceId").asText());
    JsonNode read = http.get("/api/catalogues/" + id, "taian").json();
    assertThat(read.get("stages").toString()).isEqualTo("[\"legalReview\"]");
    assertThat(read.get("timeline").toString()).contains("合法性校验");
    assertThat(http.get("/api/catalogues/" + id, "dongpinglegal").status()).as("the justice bureau of the county").isEqualTo(200);
    Http.Answer elsewhere = http.get("/api/catalogues/" + id, "licheng");
    assertThat(elsewhere.status()).isEqualTo(404);
    assertThat(elsewhere.header("Content-Type")).startsWith("application/problem+json");
    assertThat(http.get("/api/catalogues/" + id, "tongwei").status()).isEqualTo(404);

    JsonNode page = http.get("/api/catalogues?townshipCode=370923109&status=IN_REVIEW", "dongping").json();
    assertThat(page.get("total").asLong()).isEqualTo(1);
    assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(id);
    assertThat(http.get("/api/catalogues?townshipCode=370923109", "licheng").json().get("total").asLong()).isZero();
  }

  @Test
  void shouldRefuseADrafterOfAnotherCountyAndASecondCatalogueWhileOneIsUnderWay() {
    long before = catalogues();
    Http.Answer foreign = http.post("/api/catalogues", "licheng", Http.json(countyCatalogue("370923110")));
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.json().get("detail").asText()).contains("drafter370923");
    assertThat(http.post("/api/catalogues", "taianapprover", Http.json(countyCatalogue("370923110"))).status()).isEqualTo(403);
    assertThat(catalogues()).isEqualTo(before);

    assertThat(http.post("/api/catalogues", "dongping", Http.json(countyCatalogue("370923110"))).status()).isEqualTo(201);
    Http.Answer second = http.post("/api/catalogues", "dongping", Http.json(countyCatalogue("370923110")));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().get("detail").asText()).contains("大羊镇已有正在审批的目录");
    assertThat(catalogues()).isEqualTo(before + 1);
  }

  @Test
  void shouldReviseACatalogueOnlyWhileItIsBackAtTheCounty() {
    CatalogueView c = support.submitted("dongping", countyCatalogue("370923111"));
    CatalogueRequest revised = catalogue("370923111", TownshipType.TOWNSHIP, hygieneLicence());
    Http.Answer early = http.send("PUT", "/api/catalogues/" + c.id(), "dongping", Http.json(revised), Map.of());
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("detail").asText()).contains("只有退回县里起草或修改时才能修订");

    support.complete("dongpinglegal", c.processInstanceId(), CatalogueKeys.LEGAL_REVIEW,
        Map.of("decision", "RETURN", "opinion", "公共场所卫生许可一项即可"));
    Http.Answer ok = http.send("PUT", "/api/catalogues/" + c.id(), "dongping", Http.json(revised), Map.of());
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("version").asInt()).isEqualTo(2);
    assertThat(ok.json().get("items")).hasSize(1);
    assertThat(ok.json().get("stages").toString()).isEqualTo("[\"draftCatalogue\"]");
    Http.Answer otherTownship = http.send("PUT", "/api/catalogues/" + c.id(), "dongping",
        Http.json(countyCatalogue("370923112")), Map.of());
    assertThat(otherTownship.status()).isEqualTo(400);
    assertThat(otherTownship.json().get("errors").get(0).get("field").asText()).isEqualTo("townshipCode");
    assertThat(http.send("PUT", "/api/catalogues/" + c.id(), "dongpinglegal", Http.json(revised), Map.of()).status()).isEqualTo(403);
  }

  @Test
  void shouldRefuseBadKindsHugeCataloguesAndMarkupWithProblemsAndStoreNothing() {
    long before = catalogues();
    long itemsBefore = items();
    String good = Http.json(countyCatalogue("370923112"));
    Map<String, String> cases = Map.of(
        "kind", good.replace("\"LICENSING\"", "\"PERMISSION\""),
        "markup", good.replace("乡村建设规划许可", "<script>alert(1)</script>乡村建设规划许可"),
        "control", good.replace("公共场所卫生许可", "公共场所\\u0007卫生许可"),
        "township", good.replace("370923112", "370923999"),
        "unknown field", good.replace("\"townshipType\"", "\"evil\": 1, \"townshipType\""));
    Map<String, String> fields = Map.of("kind", "items[0].kind", "markup", "items[0].name", "control", "items[1].name",
        "township", "townshipCode", "unknown field", "evil");
    cases.forEach((what, body) -> {
      Http.Answer a = http.post("/api/catalogues", "dongping", body);
      assertThat(a.status()).as(what).isEqualTo(400);
      assertThat(a.header("Content-Type")).as(what).startsWith("application/problem+json");
      assertThat(a.json().get("errors").toString()).as(what).contains("\"field\":\"" + fields.get(what) + "\"");
      assertThat(a.raw().body()).as(what).doesNotContain("Exception");
    });
    assertThat(http.post("/api/catalogues", "dongping", good.replace("\"LICENSING\"", "\"PERMISSION\"")).json().get("errors")
        .get(0).get("message").asText()).contains("LICENSING、PENALTY、COERCION、INSPECTION、CONFIRMATION、OTHER");

    CatalogueRequest.Item one = hygieneLicence();
    Http.Answer huge = http.post("/api/catalogues", "dongping", Http.json(new CatalogueRequest("目录", "370923112",
        TownshipType.TOWNSHIP, Collections.nCopies(CatalogueRequest.MAX_ITEMS + 1, one), List.of())));
    assertThat(huge.status()).isEqualTo(400);
    assertThat(huge.json().get("errors").toString()).contains("一个目录最多500项");
    Http.Answer tooLarge = http.post("/api/catalogues", "dongping", good.replace("乡村建设规划许可", "长".repeat(400_000)));
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(catalogues()).isEqualTo(before);
    assertThat(items()).isEqualTo(itemsBefore);
  }

  @Test
  void shouldListOnlyWithWellFormedFilters() {
    for (String bad : List.of("townshipCode=3709", "countyCode=370923'--", "status=OPEN", "overdue=maybe", "size=0", "page=-1")) {
      Http.Answer a = http.get("/api/catalogues?" + bad, "dongping");
      assertThat(a.status()).as(bad).isEqualTo(400);
      assertThat(a.header("Content-Type")).as(bad).startsWith("application/problem+json");
    }
  }

  @Test
  void shouldStartACatalogueFromTasklistsStartFormAndNameTheBadLine() {
    String definition = "/engine-rest/process-definition/key/" + CatalogueKeys.PROCESS;
    assertThat(http.get(definition + "/startForm", "dongping").json().toString()).contains("catalogueStart");
    String lines = "城市大型户外广告设置审核｜行政许可｜相对集中行使｜县综合行政执法局｜《城市市容和环境卫生管理条例》第十一条｜山东省向经济发达镇放权指导目录\n"
        + "户外广告设施设置的监督检查|行政检查|委托|县综合行政执法局|城市市容和环境卫生管理条例 第十一条";
    Map<String, Object> form = Map.of("variables", Map.of(
        "title", Map.of("value", "东平县向戴庙镇赋权事项目录"), "townshipCode", Map.of("value", "370923113"),
        "townshipType", Map.of("value", "DEVELOPED_TOWN"), "itemsText", Map.of("value", lines)));
    long before = catalogues();
    Http.Answer bad = http.post(definition + "/submit-form", "dongping", Http.json(Map.of("variables", Map.of(
        "title", Map.of("value", "目录"), "townshipCode", Map.of("value", "370923113"), "townshipType", Map.of("value", "TOWNSHIP"),
        "itemsText", Map.of("value", lines.replace("行政检查", "行政审批"))))));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("message").asText())
        .isEqualTo("目录数据有误：“事项”第2行的类别“行政审批”应为 行政许可、行政处罚、行政强制、行政检查、行政确认、其他");
    Http.Answer markup = http.post(definition + "/submit-form", "dongping", Http.json(Map.of("variables", Map.of(
        "title", Map.of("value", "<b>目录</b>"), "townshipCode", Map.of("value", "370923113"),
        "townshipType", Map.of("value", "TOWNSHIP"), "itemsText", Map.of("value", lines)))));
    assertThat(markup.status()).isEqualTo(400);
    assertThat(markup.json().get("message").asText()).startsWith("目录数据有误：“目录标题”不能包含尖括号");
    assertThat(http.post(definition + "/submit-form", "licheng", Http.json(form)).status()).isEqualTo(403);
    assertThat(catalogues()).isEqualTo(before);

    Http.Answer started = http.post(definition + "/submit-form", "dongping", Http.json(form));
    assertThat(started.status()).isEqualTo(200);
    String pi = started.json().get("id").asText();
    support.runJobs(pi);
    String id = started.json().get("businessKey").asText();
    JsonNode c = http.get("/api/catalogues/" + id, "dongping").json();
    assertThat(c.get("title").asText()).isEqualTo("东平县向戴庙镇赋权事项目录");
    assertThat(c.get("items")).hasSize(2);
    assertThat(c.get("items").get(1).get("mode").asText()).isEqualTo("ENTRUSTED");
    assertThat(c.get("items").get(1).get("legalBasis").get("law").asText()).isEqualTo("城市市容和环境卫生管理条例");
    assertThat(c.get("stages").toString()).isEqualTo("[\"legalReview\"]");
    assertThat(c.get("findings").toString()).contains("CAT-CONCENTRATED-LICENSING").contains("CAT-GUIDANCE-ENTRY");
    // the legal review's form, as Tasklist loads it
    String task = support.task(pi, CatalogueKeys.LEGAL_REVIEW).getId();
    JsonNode vars = http.get("/engine-rest/task/" + task + "/form-variables?deserializeValues=false", "dongpinglegal").json();
    assertThat(vars.get("catalogueChain").get("value").asText())
        .isEqualTo("山东省经济发达镇放权目录，含相对集中行政许可权（济南市实施意见 三(一)；行政许可法 第二十五条）：起草或修改目录（县） → "
            + "【合法性审查（县司法局）（当前）】 → 市政府审批 → 省政府批准 → 公布目录");
    assertThat(vars.get("catalogueSummary").get("value").asText()).contains("1. 城市大型户外广告设置审核（行政许可，相对集中行使；现由县综合行政执法局行使）");
    assertThat(vars.get("decisionOptions").get("value").toString()).contains("审查通过").doesNotContain("不予批准");
    assertThat(vars.get("subjectLabel").get("value").asText()).isEqualTo("东平县 · 戴庙镇 · 放权赋权目录");
  }
}
