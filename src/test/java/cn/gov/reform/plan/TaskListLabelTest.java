package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.engine.DerivedFormTexts;
import cn.gov.reform.identity.IdentitySeeder;
import cn.gov.reform.support.Http;

/** 我的待办 says which plan each task is about: county and townships under the stage's name, as Tasklist asks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskListLabelTest {

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired ProcessEngine engine;

  @Test
  void shouldShowTheCountyAndTownshipsOfEachTaskInTheSharedFilters() {
    Http http = new Http(port);
    PlanRequest request = PlanFixtures.ningyangPlan(PlanFixtures.compliantTownship("370921109", "磁窑镇"),
        PlanFixtures.compliantTownship("370921101", "泗店镇"));
    String pi = http.post("/api/plans", "ningyang", Http.json(request)).json().get("processInstanceId").asText();
    support.runJobs(pi);

    String filter = engine.getFilterService().createFilterQuery().filterName(IdentitySeeder.FILTER_MY_TASKS).singleResult().getId();
    assertThat(engine.getFilterService().getFilter(filter).getProperties().get("variables"))
        .isEqualTo(java.util.List.of(Map.of("name", DerivedFormTexts.SUBJECT_LABEL, "label", "办理事项")));
    JsonNode page = http.send("POST", "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=500", "taian", "{}",
        Map.of("Accept", "application/hal+json")).json();
    JsonNode task = null;
    for (JsonNode t : page.at("/_embedded/task")) {
      if (t.path("processInstanceId").asText().equals(pi)) {
        task = t;
      }
    }
    assertThat(task).as("the plan's 市编办审核 in taian's 我的待办").isNotNull();
    assertThat(task.path("name").asText()).isEqualTo("市编办审核");
    assertThat(task.at("/_embedded/variable")).anySatisfy(v -> {
      assertThat(v.path("name").asText()).isEqualTo(DerivedFormTexts.SUBJECT_LABEL);
      assertThat(v.path("value").asText()).isEqualTo("宁阳县 · 磁窑镇等2个乡镇（街道）");
    });
  }
}
