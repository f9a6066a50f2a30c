package cn.gov.reform.catalogue;

import static cn.gov.reform.catalogue.CatalogueFixtures.hygieneLicence;
import static cn.gov.reform.catalogue.CatalogueFixtures.ruralPlanningPermit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.catalogue.CatalogueRequest.Item;
import cn.gov.reform.catalogue.CatalogueRequest.LegalBasis;
import cn.gov.reform.catalogue.CatalogueRequest.Mode;
import cn.gov.reform.catalogue.CatalogueRequest.PowerKind;
import cn.gov.reform.catalogue.CatalogueRequest.TakenBack;
import cn.gov.reform.catalogue.CatalogueRequest.TownshipType;
import cn.gov.reform.support.Http;

/**
 * Adjusting a published catalogue (README "权力目录 · 调整"): a new catalogue of the same township, powers added, taken
 * back and changed, each with its reason; the reviewer's form and the API show the difference to the edition in force; it
 * runs the same procedure and, published, becomes the edition in force while the earlier one stays in the history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class CatalogueAdjustmentTest {

  @LocalServerPort int port;
  @Autowired CatalogueFixtures support;
  @Autowired ProcessEngine engine;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  private static Item pesticide() {
    return new Item("农药经营许可", PowerKind.LICENSING, Mode.ENTRUSTED, "县农业农村局", new LegalBasis("农药管理条例", "第二十四条"),
        null, null);
  }

  private CatalogueView publish(String township, Item... items) {
    CatalogueView c = support.submitted("dongping", new CatalogueRequest("东平县赋权事项目录", township, TownshipType.TOWNSHIP,
        List.of(items), List.of()));
    support.approve("dongpinglegal", c.processInstanceId(), CatalogueKeys.LEGAL_REVIEW);
    support.approve("dongpinggov", c.processInstanceId(), CatalogueKeys.COUNTY_APPROVAL);
    return support.view(c.id());
  }

  /** 收回 the pesticide licence (宁政发〔2019〕6号 二(一)1: 业务办理量少), entrust the hygiene licence no more but assign it, add a power. */
  private static CatalogueRequest adjustment(String township) {
    Item assigned = new Item("公共场所卫生许可", PowerKind.LICENSING, Mode.ASSIGNED, "县卫生健康局", new LegalBasis("公共场所卫生管理条例",
        "第八条"), null, "镇卫生监督力量已充实，由委托改为赋权");
    Item added = new Item("户外广告设施设置的监督检查", PowerKind.INSPECTION, Mode.ENTRUSTED, "县综合行政执法局",
        new LegalBasis("城市市容和环境卫生管理条例", "第十一条"), null, "镇综合执法队伍承接");
    return new CatalogueRequest("东平县赋权事项目录（调整）", township, TownshipType.TOWNSHIP, List.of(ruralPlanningPermit(), assigned, added),
        List.of(new TakenBack("农药经营许可", "业务办理量少，由县直部门依法收回（宁政发〔2019〕6号 二(一)1）")));
  }

  @Test
  void shouldShowTheReviewerAndTheApiWhatAnAdjustmentChangesAndPublishItAsTheNextEdition() {
    CatalogueView first = publish("370923001", ruralPlanningPermit(), hygieneLicence(), pesticide());
    assertThat(first.edition()).isEqualTo(1);

    Http.Answer created = http.post("/api/catalogues", "dongping", Http.json(adjustment("370923001")));
    assertThat(created.status()).isEqualTo(201);
    JsonNode adjusted = created.json();
    assertThat(adjusted.get("edition").asInt()).isEqualTo(2);
    assertThat(adjusted.get("revisesId").asText()).isEqualTo(first.id());
    assertThat(adjusted.get("deadline").isNull()).as("the campaign's deadline is for first catalogues").isTrue();
    String id = adjusted.get("id").asText();
    String pi = adjusted.get("processInstanceId").asText();
    support.runJobs(pi);

    JsonNode diff = http.get("/api/catalogues/" + id + "/diff", "taian").json();
    assertThat(diff.get("from").asInt()).isEqualTo(1);
    assertThat(diff.get("to").asInt()).isEqualTo(2);
    assertThat(diff.get("changes")).extracting(c -> c.get("kind").asText() + " " + c.get("text").asText()).containsExactly(
        "REMOVED 收回事项“农药经营许可”。理由：业务办理量少，由县直部门依法收回（宁政发〔2019〕6号 二(一)1）",
        "CHANGED 事项“公共场所卫生许可”：方式 委托 → 赋权。理由：镇卫生监督力量已充实，由委托改为赋权",
        "ADDED 新增事项“户外广告设施设置的监督检查”（行政检查，委托；原由县综合行政执法局行使；《城市市容和环境卫生管理条例》第十一条）。理由：镇综合执法队伍承接");
    assertThat(diff.get("changes").get(1).get("path").asText()).isEqualTo("items[公共场所卫生许可].mode");
    assertThat(diff.get("changes").get(1).get("before").asText()).isEqualTo("ENTRUSTED");
    assertThat(http.get("/api/catalogues/" + id, "dongping").json().get("changes")).isEqualTo(diff);

    String task = support.task(pi, CatalogueKeys.LEGAL_REVIEW).getId();
    assertThat(engine.getTaskService().getVariable(task, CatalogueKeys.FORM_CHANGES_TITLE)).isEqualTo("与现行目录（第1版）相比的调整（3处）");
    assertThat(engine.getTaskService().getVariable(task, CatalogueKeys.FORM_CHANGES)).asString()
        .contains("收回事项“农药经营许可”", "方式 委托 → 赋权", "新增事项“户外广告设施设置的监督检查”");
    assertThat(engine.getTaskService().getVariable(task, CatalogueKeys.FORM_SUMMARY)).asString()
        .contains("调整现行目录，公布后为第2版", "收回：农药经营许可");

    // while it is reviewed, the public still reads edition 1
    JsonNode inForce = http.get("/api/public/catalogues?township=370923001", null).json().get("items").get(0);
    assertThat(inForce.get("edition").asInt()).isEqualTo(1);
    assertThat(inForce.toString()).contains("农药经营许可").doesNotContain("户外广告设施设置的监督检查");

    support.approve("dongpinglegal", pi, CatalogueKeys.LEGAL_REVIEW);
    support.approve("dongpinggov", pi, CatalogueKeys.COUNTY_APPROVAL);
    CatalogueView second = support.view(id);
    assertThat(second.status()).isEqualTo(CatalogueStatus.PUBLISHED);
    assertThat(support.view(first.id()).status()).isEqualTo(CatalogueStatus.SUPERSEDED);
    assertThat(support.view(first.id()).timeline()).anySatisfy(e -> assertThat(e.opinion()).contains("第2版", "本版存档"));

    JsonNode now = http.get("/api/public/catalogues?township=370923001", null).json();
    assertThat(now.get("total").asLong()).isEqualTo(1);
    assertThat(now.get("items").get(0).get("edition").asInt()).isEqualTo(2);
    assertThat(now.get("items").get(0).toString()).doesNotContain("农药经营许可").contains("户外广告设施设置的监督检查");
    JsonNode history = http.get("/api/public/catalogues/370923001/editions", null).json().get("editions");
    assertThat(history).extracting(e -> e.get("edition").asInt() + (e.get("current").asBoolean() ? " 现行" : " 已取代"))
        .containsExactly("2 现行", "1 已取代");
    assertThat(history.get(1).get("approvalNumber").asText()).isEqualTo(first.approvalNumber());
    assertThat(history.get(1).toString()).contains("农药经营许可");
    assertThat(http.get("/public/catalogues/370923001", null).raw().body()).contains("第2版", "第1版", "已被新版取代",
        second.approvalNumber(), first.approvalNumber());
  }

  @Test
  void shouldRefuseAnAdjustmentThatDoesNotGiveItsReasons() {
    publish("370923002", ruralPlanningPermit(), hygieneLicence(), pesticide());
    CatalogueRequest good = adjustment("370923002");
    Map<String, CatalogueRequest> cases = Map.of(
        "items[2].reason", new CatalogueRequest(good.title(), good.townshipCode(), good.townshipType(),
            List.of(good.items().get(0), good.items().get(1), good.items().get(2).withoutReason()), good.takenBack()),
        "takenBack", new CatalogueRequest(good.title(), good.townshipCode(), good.townshipType(), good.items(), List.of()),
        "takenBack[1].name", new CatalogueRequest(good.title(), good.townshipCode(), good.townshipType(), good.items(),
            List.of(good.takenBack().get(0), new TakenBack("乡村建设规划许可", "不再下放"))),
        "items", new CatalogueRequest(good.title(), good.townshipCode(), good.townshipType(),
            List.of(ruralPlanningPermit(), hygieneLicence(), pesticide()), List.of()));
    cases.forEach((field, body) -> {
      Http.Answer a = http.post("/api/catalogues", "dongping", Http.json(body));
      assertThat(a.status()).as(field).isEqualTo(400);
      assertThat(a.json().get("errors")).as(field).anySatisfy(e -> assertThat(e.get("field").asText()).isEqualTo(field));
    });
    assertThat(http.post("/api/catalogues", "dongping", Http.json(cases.get("items"))).json().get("errors").get(0).get("message")
        .asText()).isEqualTo("与现行目录（第1版）相同，没有调整");
    assertThat(http.get("/api/catalogues?townshipCode=370923002&status=IN_REVIEW", "dongping").json().get("total").asLong())
        .as("nothing stored").isZero();
    assertThat(http.post("/api/catalogues", "dongping", Http.json(good)).status()).isEqualTo(201);
  }

  @Test
  void shouldTakeNothingBackInAFirstCatalogue() {
    CatalogueRequest first = new CatalogueRequest("东平县赋权事项目录", "370923003", TownshipType.TOWNSHIP, List.of(hygieneLicence()),
        List.of(new TakenBack("农药经营许可", "不再下放")));
    Http.Answer a = http.post("/api/catalogues", "dongping", Http.json(first));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().get("errors").get(0).get("message").asText()).isEqualTo("该乡镇还没有公布的目录，没有可收回的事项");
  }
}
