package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The decision options a Tasklist form offers are exactly the decisions its stage accepts ({@link Stage}), with
 * the stage's words: the forms list no options of their own (they read {@code decisionOptions}, filled from
 * the stage's rules when the task is created), so a form cannot offer a button that is then refused.
 */
class FormDecisionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldTakeEveryStageFormsDecisionOptionsFromTheStagesRules() throws IOException {
    for (UserTask task : stageTasks()) {
      List<JsonNode> decisionFields = fields(task.getCamundaFormRef(), "decision");
      assertThat(decisionFields).as("decision field of form %s (%s)", task.getCamundaFormRef(), task.getId()).hasSize(1);
      JsonNode field = decisionFields.get(0);
      assertThat(field.path("valuesKey").asText()).as("%s takes its options from the stage", task.getCamundaFormRef())
          .isEqualTo(ProcessKeys.FORM_DECISION_OPTIONS);
      assertThat(field.has("values")).as("%s lists no options of its own", task.getCamundaFormRef()).isFalse();
    }
  }

  @Test
  void shouldOfferAtEachStageExactlyItsDecisionsWithItsWords() throws IOException {
    for (Stage stage : Stage.values()) {
      JsonNode options = JSON.readTree(((JsonValue) StageForm.decisionOptions(stage)).getValueSerialized());
      Map<String, String> offered = new LinkedHashMap<>();
      options.forEach(o -> offered.put(o.path("value").asText(), o.path("label").asText()));
      Map<String, String> rules = new LinkedHashMap<>();
      stage.decisions().forEach((decision, label) -> rules.put(decision.name(), label));
      assertThat(offered).as("options at %s", stage.taskKey()).containsExactlyEntriesOf(rules);
    }
    assertThat(Stage.CITY_APPROVAL.decisions().keySet()).extracting(Enum::name).containsExactly("APPROVE", "RETURN", "REJECT");
    assertThat(Stage.CITY_SUBMISSION.decisions()).extractingByKey(cn.gov.reform.approval.Decision.APPROVE).isEqualTo("申报");
  }

  private static List<UserTask> stageTasks() throws IOException {
    BpmnModelInstance model;
    try (InputStream in = Files.newInputStream(Path.of("processes", "reformPlanApproval.bpmn"))) {
      model = Bpmn.readModelFromStream(in);
    }
    List<UserTask> tasks = model.getModelElementsByType(UserTask.class).stream()
        .filter(t -> Stage.of(t.getId()).isPresent()).toList();
    assertThat(tasks).extracting(UserTask::getId)
        .containsExactlyInAnyOrder(Arrays.stream(Stage.values()).map(Stage::taskKey).toArray(String[]::new));
    return tasks;
  }

  private static List<JsonNode> fields(String formKey, String key) throws IOException {
    List<JsonNode> found = new ArrayList<>();
    collect(JSON.readTree(Path.of("forms", formKey + ".form").toFile()).path("components"), key, found);
    return found;
  }

  private static void collect(JsonNode components, String key, List<JsonNode> found) {
    for (JsonNode c : components) {
      if (key.equals(c.path("key").asText())) {
        found.add(c);
      }
      collect(c.path("components"), key, found);
    }
  }
}
