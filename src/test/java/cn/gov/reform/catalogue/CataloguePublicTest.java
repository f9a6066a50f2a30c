package cn.gov.reform.catalogue;

import static cn.gov.reform.catalogue.CatalogueFixtures.catalogue;
import static cn.gov.reform.catalogue.CatalogueFixtures.hygieneLicence;
import static cn.gov.reform.catalogue.CatalogueFixtures.ruralPlanningPermit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.catalogue.CatalogueRequest.Item;
import cn.gov.reform.catalogue.CatalogueRequest.LegalBasis;
import cn.gov.reform.catalogue.CatalogueRequest.Mode;
import cn.gov.reform.catalogue.CatalogueRequest.PowerKind;
import cn.gov.reform.catalogue.CatalogueRequest.TownshipType;
import cn.gov.reform.support.Http;

/**
 * What an anonymous reader gets: every township's published catalogue, as JSON and as the page, searchable by region and
 * power, and nothing of a catalogue still being drafted or approved, nor anything else of the procedure; everything but
 * the published catalogues stays behind the login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class CataloguePublicTest {

  /** A power only the draft of 楼德镇 lists: it must not show anywhere in public. */
  private static final String DRAFT_ONLY = "尚在审批中的农药经营许可";

  @LocalServerPort int port;
  @Autowired CatalogueFixtures support;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  /** 天宝镇 published through 新泰市's county chain; 楼德镇 still at the legal review. */
  private CatalogueView publishedAndADraft() {
    CatalogueView published = support.submitted("xintai", catalogue("370982108", TownshipType.TOWNSHIP, ruralPlanningPermit(),
        hygieneLicence()));
    support.approve("xintailegal", published.processInstanceId(), CatalogueKeys.LEGAL_REVIEW);
    support.approve("xintaigov", published.processInstanceId(), CatalogueKeys.COUNTY_APPROVAL);
    support.submitted("xintai", catalogue("370982110", TownshipType.TOWNSHIP, new Item(DRAFT_ONLY, PowerKind.LICENSING,
        Mode.ENTRUSTED, "县农业农村局", new LegalBasis("农药管理条例", "第二十四条"), null, null)));
    return support.view(published.id());
  }

  @Test
  void shouldShowAnonymousReadersThePublishedCatalogueAndNothingOfDrafts() {
    CatalogueView published = publishedAndADraft();
    assertThat(published.status()).isEqualTo(CatalogueStatus.PUBLISHED);

    Http.Answer json = http.get("/api/public/catalogues?township=370982108", null);
    assertThat(json.status()).isEqualTo(200);
    JsonNode found = json.json();
    assertThat(found.get("total").asLong()).isEqualTo(1);
    JsonNode c = found.get("items").get(0);
    assertThat(c.get("region").asText()).isEqualTo("山东省 · 泰安市 · 新泰市 · 天宝镇");
    assertThat(c.get("approvalNumber").asText()).isEqualTo(published.approvalNumber());
    assertThat(c.get("edition").asInt()).isEqualTo(1);
    assertThat(c.get("current").asBoolean()).isTrue();
    assertThat(c.get("items")).hasSize(2);
    assertThat(c.get("items").get(0).get("name").asText()).isEqualTo("乡村建设规划许可");
    assertThat(c.get("items").get(0).get("legalBasis").asText()).isEqualTo("《中华人民共和国城乡规划法》第四十一条");
    assertThat(c.get("items").get(1).get("modeName").asText()).isEqualTo("委托");
    // only what was published: no ids, findings, opinions, officials or reasons
    assertThat(json.raw().body()).doesNotContain("findings", "timeline", "opinion", "xintai", "processInstanceId", "reason",
        published.id());

    assertThat(http.get("/api/public/catalogues?township=370982110", null).json().get("total").asLong()).as("a draft").isZero();
    assertThat(http.get("/api/public/catalogues?region=新泰市", null).raw().body()).contains("天宝镇").doesNotContain(DRAFT_ONLY);
    assertThat(http.get("/api/public/catalogues?region=370982", null).raw().body()).contains("天宝镇").doesNotContain("楼德镇");
    assertThat(http.get("/api/public/catalogues?item=农药", null).raw().body()).doesNotContain(DRAFT_ONLY);
    assertThat(http.get("/api/public/catalogues?item=公共场所卫生&region=370982", null).json().get("items").get(0)
        .get("townshipCode").asText()).isEqualTo("370982108");
    assertThat(http.get("/api/public/catalogues?item=100%25", null).json().get("total").asLong()).as("% is a character")
        .isZero();

    JsonNode editions = http.get("/api/public/catalogues/370982108/editions", null).json();
    assertThat(editions.get("editions")).hasSize(1);
    Http.Answer none = http.get("/api/public/catalogues/370982110/editions", null);
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.header("Content-Type")).startsWith("application/problem+json");

    Http.Answer page = http.get("/public/catalogues?region=370982", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.raw().body()).contains("乡镇放权赋权目录", "天宝镇", "乡村建设规划许可", published.approvalNumber(), "打印")
        .doesNotContain(DRAFT_ONLY, "楼德镇");
    assertThat(http.get("/public/catalogues/370982108", null).raw().body()).contains("第1版", "现行", "公共场所卫生许可");
    assertThat(http.get("/public/catalogues/370982110", null).status()).isEqualTo(404);
  }

  @Test
  void shouldRefuseMalformedQueriesAndEchoNoMarkup() {
    Http.Answer bad = http.get("/api/public/catalogues?township=37098&size=1000", null);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").toString()).contains("township").contains("size");
    Http.Answer markup = http.get("/public/catalogues?region=%3Cscript%3Ealert(1)%3C/script%3E", null);
    assertThat(markup.status()).isEqualTo(400);
    assertThat(markup.raw().body()).doesNotContain("<script>").contains("&lt;script&gt;").contains("查询条件有误");
  }

  @Test
  void shouldKeepEverythingButThePublishedCataloguesBehindTheLogin() {
    CatalogueView any = support.submitted("xintai", catalogue("370982111", TownshipType.TOWNSHIP, hygieneLicence()));
    long stored = jdbc.queryForObject("select count(*) from app_catalogue", Long.class);
    for (String path : List.of("/api/catalogues", "/api/catalogues/" + any.id(), "/api/catalogues?townshipCode=370982111",
        "/api/records/powerCatalogueApproval/" + any.id(), "/api/records/powerCatalogueApproval/" + any.id() + "/documents",
        "/api/plans", "/api/stats", "/api/public/../catalogues", "/api/public/catalogues/../../catalogues/" + any.id(),
        "/engine-rest/task?maxResults=10", "/engine-rest/process-instance?maxResults=10")) {
      Http.Answer a = http.get(path, null);
      assertThat(a.status()).as(path).isEqualTo(401);
      assertThat(a.raw().body()).as(path).doesNotContain("370982111", "卫生许可");
    }
    Http.Answer encoded = http.get("/api/public/catalogues/%2e%2e/%2e%2e/catalogues/" + any.id(), null);
    assertThat(encoded.status()).as("encoded dots").isNotEqualTo(200);
    assertThat(encoded.raw().body()).doesNotContain("卫生许可");
    assertThat(http.get("/api/public/plans", null).status()).as("nothing else is published").isEqualTo(404);
    assertThat(http.get("/dashboard", null).status()).as("the dashboard sends to its login").isEqualTo(302);
    Http.Answer write = http.send("POST", "/api/public/catalogues", null, Http.json(catalogue("370982112", TownshipType.TOWNSHIP,
        hygieneLicence())), Map.of());
    assertThat(write.status()).isGreaterThanOrEqualTo(400);
    Http.Answer creating = http.post("/api/catalogues", null, Http.json(catalogue("370982112", TownshipType.TOWNSHIP,
        hygieneLicence())));
    assertThat(creating.status()).isEqualTo(401);
    assertThat(jdbc.queryForObject("select count(*) from app_catalogue", Long.class)).isEqualTo(stored);
    // a login sent along does not change what the public part shows
    assertThat(http.get("/api/public/catalogues?township=370982111", "xintai").json().get("total").asLong()).isZero();
  }
}
