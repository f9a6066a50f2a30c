package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.plan.PlanRequest.Township;
import cn.gov.reform.plan.PlanRequest.Unit;
import cn.gov.reform.support.Http;

/**
 * What changed between two versions of a plan: {@code GET /api/plans/{id}/versions/{from}/diff/{to}} as data and
 * sentences, and the reviewer's form showing the changes since the version that stage returned.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanVersionDiffTest {

  private static final String DONGZHUANG = "370921112";

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired ProcessEngine engine;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  /** 东庄镇's plan (version 1), returned to the county by the city's 编办. */
  private record Returned(String id, String processInstanceId) {}

  private Returned returnedByCityReview() {
    JsonNode created = http.post("/api/plans", "ningyang", Http.json(PlanFixtures.ningyangPlan())).json();
    Returned plan = new Returned(created.get("id").asText(), created.get("processInstanceId").asText());
    support.runJobs(plan.processInstanceId());
    support.complete("taian", plan.processInstanceId(), ProcessKeys.CITY_REVIEW,
        Map.of("decision", "RETURN", "opinion", "请核减行政编制，补充综合执法力量"));
    support.runJobs(plan.processInstanceId());
    return plan;
  }

  private void revise(Returned plan, PlanRequest request) {
    Http.Answer a = http.send("PUT", "/api/plans/" + plan.id(), "ningyang", Http.json(request), Map.of());
    assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
  }

  private JsonNode changes(Returned plan, int from, int to) {
    Http.Answer a = http.get("/api/plans/" + plan.id() + "/versions/" + from + "/diff/" + to, "taian");
    assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
    assertThat(a.json().get("from").asInt()).isEqualTo(from);
    assertThat(a.json().get("to").asInt()).isEqualTo(to);
    return a.json().get("changes");
  }

  private static List<String> texts(JsonNode changes) {
    return changes.findValuesAsText("text");
  }

  private static JsonNode at(JsonNode changes, String path) {
    for (JsonNode c : changes) {
      if (path.equals(c.get("path").asText())) {
        return c;
      }
    }
    throw new AssertionError("no change at " + path + " in " + changes);
  }

  /** 东庄镇 as {@link PlanFixtures#compliantTownship} has it, with one thing changed. */
  private static Township dongzhuang(UnaryOperator<Township> change) {
    return change.apply(PlanFixtures.compliantTownship(DONGZHUANG, "东庄镇"));
  }

  private static Township staffing(Township t, int administrative, int institutional, Integer leadership) {
    return new Township(t.code(), t.name(), t.kind(), t.category(), t.builtUpPopulation(), t.bodies(), t.institutions(),
        administrative, institutional, leadership, t.currentLeadershipPositions());
  }

  private static Township units(Township t, List<Unit> bodies, List<Unit> institutions) {
    return new Township(t.code(), t.name(), t.kind(), t.category(), t.builtUpPopulation(), bodies, institutions,
        t.administrativeStaff(), t.institutionalStaff(), t.leadershipPositions(), t.currentLeadershipPositions());
  }

  private static List<Unit> replaced(List<Unit> units, String name, Unit by) {
    List<Unit> result = new ArrayList<>();
    for (Unit u : units) {
      if (u.name().equals(name)) {
        if (by != null) {
          result.add(by);
        }
      } else {
        result.add(u);
      }
    }
    return result;
  }

  @Test
  void shouldListTheVersionsOfAPlanAndTheTownshipsAddedAndRemoved() {
    Returned plan = returnedByCityReview();
    revise(plan, PlanFixtures.ningyangPlan(PlanFixtures.compliantTownship("370921111", "葛石镇")));

    JsonNode versions = http.get("/api/plans/" + plan.id() + "/versions", "taian").json();
    assertThat(versions.findValuesAsText("version")).containsExactly("1", "2");
    assertThat(versions.get(1).get("townshipCount").asInt()).isEqualTo(1);
    assertThat(versions.get(1).get("submittedBy").asText()).isEqualTo("ningyang");
    assertThat(versions.get(1).get("submittedAt").asText()).endsWith("+08:00");
    assertThat(versions.findValuesAsText("current")).containsExactly("false", "true");

    JsonNode changes = changes(plan, 1, 2);
    assertThat(texts(changes)).containsExactly("删除乡镇（街道）“东庄镇”（370921112）",
        "新增乡镇（街道）“葛石镇”（370921111）：党政工作机构6个、事业单位4个，行政编制40名、事业编制60名");
    JsonNode removed = at(changes, "townships[370921112]");
    assertThat(removed.get("kind").asText()).isEqualTo("REMOVED");
    assertThat(removed.get("scope").asText()).isEqualTo(DONGZHUANG);
    assertThat(removed.get("before").get("name").asText()).isEqualTo("东庄镇");
    assertThat(removed.get("after").isNull()).isTrue();
    assertThat(at(changes, "townships[370921111]").get("kind").asText()).isEqualTo("ADDED");

    assertThat(texts(changes(plan, 2, 1))).as("the other way round")
        .containsExactly("删除乡镇（街道）“葛石镇”（370921111）",
            "新增乡镇（街道）“东庄镇”（370921112）：党政工作机构6个、事业单位4个，行政编制40名、事业编制60名");
  }

  @Test
  void shouldShowTheStaffingChangedInATownship() {
    Returned plan = returnedByCityReview();
    revise(plan, PlanFixtures.ningyangPlan(dongzhuang(t -> staffing(t, 38, 60, 8))));

    JsonNode changes = changes(plan, 1, 2);
    assertThat(texts(changes)).containsExactly("东庄镇：行政编制 40 → 38", "东庄镇：领导职数 9 → 8");
    JsonNode staff = at(changes, "townships[370921112].administrativeStaff");
    assertThat(staff.get("kind").asText()).isEqualTo("CHANGED");
    assertThat(staff.get("scope").asText()).isEqualTo(DONGZHUANG);
    assertThat(staff.get("before").asInt()).isEqualTo(40);
    assertThat(staff.get("after").asInt()).isEqualTo(38);
  }

  @Test
  void shouldMatchBodiesAndInstitutionsByNameSoARenameIsOneRemovedAndOneAdded() {
    Returned plan = returnedByCityReview();
    revise(plan, PlanFixtures.ningyangPlan(dongzhuang(t -> {
      List<Unit> bodies = replaced(t.bodies(), "经济发展办公室", null);
      bodies = replaced(bodies, "社会治理办公室", new Unit("社会治理和应急管理办公室", 5));
      bodies.add(new Unit("规划建设办公室", 5));
      List<Unit> institutions = replaced(t.institutions(), "财经服务中心", new Unit("财经服务中心", 8));
      institutions.add(new Unit("综合执法大队", 12));
      return units(t, bodies, institutions);
    })));

    JsonNode changes = changes(plan, 1, 2);
    assertThat(texts(changes)).containsExactly(
        "东庄镇：删除党政工作机构“经济发展办公室”（编制5名）",
        "东庄镇：删除党政工作机构“社会治理办公室”（编制5名）",
        "东庄镇：新增党政工作机构“社会治理和应急管理办公室”（编制5名）",
        "东庄镇：新增党政工作机构“规划建设办公室”（编制5名）",
        "东庄镇：事业单位“财经服务中心”编制 10 → 8",
        "东庄镇：新增事业单位“综合执法大队”（编制12名）");
    JsonNode added = at(changes, "townships[370921112].institutions[综合执法大队]");
    assertThat(added.get("kind").asText()).isEqualTo("ADDED");
    assertThat(added.get("after").get("staff").asInt()).isEqualTo(12);
    JsonNode staff = at(changes, "townships[370921112].institutions[财经服务中心].staff");
    assertThat(staff.get("kind").asText()).isEqualTo("CHANGED");
    assertThat(staff.get("before").asInt()).isEqualTo(10);
    assertThat(staff.get("after").asInt()).isEqualTo(8);
    assertThat(at(changes, "townships[370921112].bodies[社会治理办公室]").get("kind").asText()).isEqualTo("REMOVED");
  }

  @Test
  void shouldShowTheChangesOfThePlanItselfAndNoneAgainstItself() {
    Returned plan = returnedByCityReview();
    PlanRequest first = PlanFixtures.ningyangPlan();
    revise(plan, new PlanRequest("宁阳县东庄镇行政管理体制改革方案（修改稿）", first.planType(), first.countyCode(),
        LocalDate.of(2027, 6, 30), first.townships()));

    JsonNode changes = changes(plan, 1, 2);
    assertThat(texts(changes)).containsExactly("方案：标题 “宁阳县乡镇行政管理体制改革方案” → “宁阳县东庄镇行政管理体制改革方案（修改稿）”",
        "方案：完成期限 （未填） → 2027-06-30");
    assertThat(at(changes, "title").get("scope").isNull()).isTrue();
    assertThat(at(changes, "deadline").get("after").asText()).isEqualTo("2027-06-30");
    assertThat(changes(plan, 2, 2)).isEmpty();
  }

  @Test
  void shouldNotShowAnotherRegionsPlanOrItsVersions() {
    Returned plan = returnedByCityReview();
    revise(plan, PlanFixtures.ningyangPlan(dongzhuang(t -> staffing(t, 38, 60, 9))));
    for (String outsider : List.of("licheng", "jinan", "jilinreviewer")) {
      for (String path : List.of("/versions", "/versions/1/diff/2")) {
        Http.Answer a = http.get("/api/plans/" + plan.id() + path, outsider);
        assertThat(a.status()).as(outsider + " " + path).isEqualTo(404);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
      }
    }
    assertThat(http.get("/api/plans/no-such-plan/versions/1/diff/1", "taian").status()).isEqualTo(404);
    assertThat(http.get("/api/plans/" + plan.id() + "/versions/1/diff/2", "shandong").status()).isEqualTo(200);
  }

  @Test
  void shouldRefuseAVersionThePlanDoesNotHaveNamingTheField() {
    Returned plan = returnedByCityReview();
    Map<String, String> cases = Map.of(
        "/versions/0/diff/1", "from",
        "/versions/1/diff/-2", "to",
        "/versions/1/diff/3", "to",
        "/versions/abc/diff/1", "from",
        "/versions/1/diff/99999999999", "to");
    cases.forEach((path, field) -> {
      Http.Answer a = http.get("/api/plans/" + plan.id() + path, "taian");
      assertThat(a.status()).as(path).isEqualTo(400);
      assertThat(a.header("Content-Type")).as(path).startsWith("application/problem+json");
      assertThat(a.json().get("errors").findValuesAsText("field")).as(path).containsExactly(field);
    });
    JsonNode missing = http.get("/api/plans/" + plan.id() + "/versions/1/diff/3", "taian").json();
    assertThat(missing.get("errors").get(0).get("message").asText()).isEqualTo("方案没有第3版（只有第1版）");
  }

  @Test
  void shouldShowTheReviewerWhatChangedSinceTheVersionItReturned() {
    Returned plan = returnedByCityReview();
    String pi = plan.processInstanceId();
    revise(plan, PlanFixtures.ningyangPlan(dongzhuang(t -> units(staffing(t, 38, 72, 9), t.bodies(),
        List.of(t.institutions().get(0), t.institutions().get(1), t.institutions().get(2), t.institutions().get(3),
            new Unit("综合执法大队", 12))))));
    support.complete("ningyang", pi, ProcessKeys.DRAFT_PLAN, Map.of("decision", "SUBMIT"));
    support.runJobs(pi);

    JsonNode form = formVariables(support.task(pi, ProcessKeys.CITY_REVIEW).getId(), "taian");
    assertThat(form.get(ProcessKeys.FORM_CHANGES_TITLE).get("value").asText()).isEqualTo("与第1版（上次审核时）相比的变化");
    assertThat(form.get(ProcessKeys.FORM_CHANGES).get("value").asText()).isEqualTo("""
        第1版 → 第2版，变化3处：
        东庄镇：行政编制 40 → 38
        东庄镇：事业编制 60 → 72
        东庄镇：新增事业单位“综合执法大队”（编制12名）""");

    support.complete("taian", pi, ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
    support.runJobs(pi);
    JsonNode approval = formVariables(support.task(pi, ProcessKeys.CITY_APPROVAL).getId(), "taianapprover");
    assertThat(approval.has(ProcessKeys.FORM_CHANGES)).as("cityApproval never saw an earlier version: the field is hidden")
        .isFalse();
    assertThat(approval.has(ProcessKeys.FORM_SUMMARY)).isTrue();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi)
        .variableName(ProcessKeys.FORM_CHANGES).count()).as("a copy of the plan's versions: kept out of history").isZero();
  }

  @Test
  void shouldShowTheChangesReadOnlyInTheReviewAndFilingFormsAndHideThemWhenThereAreNone() throws Exception {
    for (String form : List.of("reviewPlan", "filePlan")) {
      JsonNode field = null;
      for (JsonNode c : new ObjectMapper().readTree(Path.of("forms", form + ".form").toFile()).path("components")) {
        if (ProcessKeys.FORM_CHANGES.equals(c.path("key").asText())) {
          field = c;
        }
      }
      assertThat(field).as("%s shows %s", form, ProcessKeys.FORM_CHANGES).isNotNull();
      assertThat(field.path("disabled").asBoolean()).as(form).isTrue();
      assertThat(field.path("label").asText()).as(form).isEqualTo("=" + ProcessKeys.FORM_CHANGES_TITLE);
      assertThat(field.path("conditional").path("hide").asText()).as(form)
          .isEqualTo("=" + ProcessKeys.FORM_CHANGES + " = null or " + ProcessKeys.FORM_CHANGES + " = \"\"");
    }
  }

  private JsonNode formVariables(String taskId, String user) {
    Http.Answer a = http.get("/engine-rest/task/" + taskId + "/form-variables?variableNames=" + ProcessKeys.FORM_CHANGES + ","
        + ProcessKeys.FORM_CHANGES_TITLE + "," + ProcessKeys.FORM_SUMMARY, user);
    assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
    return a.json();
  }
}
