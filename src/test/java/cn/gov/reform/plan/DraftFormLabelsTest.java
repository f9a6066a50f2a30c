package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A refusal of the drafting form names each field as the form labels it (党政工作机构, not bodiesText). */
class DraftFormLabelsTest {

  @Test
  void shouldNameEveryFieldOfTheDraftingFormByItsLabel() throws IOException {
    Map<String, String> labels = new HashMap<>();
    collect(new ObjectMapper().readTree(Path.of("forms", "planStart.form").toFile()).path("components"), labels);
    for (String key : DraftFormValues.KEYS) {
      assertThat(DraftFormValues.LABELS).as("label of %s", key).containsKey(key);
      assertThat(labels.get(key)).as("the form's label of %s", key).startsWith(DraftFormValues.LABELS.get(key));
    }
    assertThat(DraftFormValues.inFormTerms(new PlanInputException("townships[0].bodies[1].staff", "不能为负数")).getMessage())
        .isEqualTo("方案数据有误：“党政工作机构”不能为负数");
  }

  private static void collect(JsonNode components, Map<String, String> labels) {
    for (JsonNode c : components) {
      if (c.has("key")) {
        labels.put(c.path("key").asText(), c.has("label") ? c.path("label").asText() : c.path("dateLabel").asText());
      }
      collect(c.path("components"), labels);
    }
  }
}
