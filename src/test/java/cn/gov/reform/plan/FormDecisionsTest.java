package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The decision options a Tasklist form offers are exactly the decisions its stage accepts ({@link Stage}), with
 * the same words: a form that drifts from the rules would offer a button that is then refused.
 */
class FormDecisionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldOfferInEveryStageFormExactlyTheDecisionsTheStageAccepts() throws IOException {
    BpmnModelInstance model;
    try (InputStream in = Files.newInputStream(Path.of("processes", "reformPlanApproval.bpmn"))) {
      model = Bpmn.readModelFromStream(in);
    }
    List<UserTask> stageTasks = model.getModelElementsByType(UserTask.class).stream()
        .filter(t -> Stage.of(t.getId()).isPresent()).toList();
    assertThat(stageTasks).extracting(UserTask::getId)
        .containsExactlyInAnyOrder(java.util.Arrays.stream(Stage.values()).map(Stage::taskKey).toArray(String[]::new));
    for (UserTask task : stageTasks) {
      Stage stage = Stage.of(task.getId()).orElseThrow();
      Map<String, String> expected = new LinkedHashMap<>();
      stage.decisions().forEach((decision, label) -> expected.put(decision.name(), label));
      assertThat(offered(task.getCamundaFormRef()))
          .as("decisions offered by form %s at %s", task.getCamundaFormRef(), task.getId())
          .containsExactlyEntriesOf(expected);
    }
  }

  /** value → label of the form's {@code decision} options, in the form's order. */
  private static Map<String, String> offered(String formKey) throws IOException {
    JsonNode form = JSON.readTree(Path.of("forms", formKey + ".form").toFile());
    Map<String, String> options = new LinkedHashMap<>();
    for (JsonNode component : form.path("components")) {
      if ("decision".equals(component.path("key").asText())) {
        component.path("values").forEach(v -> options.put(v.path("value").asText(), v.path("label").asText()));
      }
    }
    return options;
  }
}
