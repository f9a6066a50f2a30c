package cn.gov.reform.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The catalogue's forms and model agree: every user task and the start event name a deployed form; the review form's
 * decision lists no options of its own but reads each stage's (in the stage's words); the start form's labels are the ones
 * a refusal names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class CatalogueFormsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;

  @Test
  void shouldResolveTheFormOfEveryUserTaskAndOfTheStart() {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CatalogueKeys.PROCESS).latestVersion().singleResult();
    BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
    Map<String, String> forms = new HashMap<>();
    model.getModelElementsByType(UserTask.class).forEach(t -> forms.put(t.getId(), t.getCamundaFormRef()));
    model.getModelElementsByType(StartEvent.class).forEach(s -> forms.put(s.getId(), s.getCamundaFormRef()));
    assertThat(forms).containsEntry(CatalogueKeys.DRAFT, "catalogueStart").containsEntry("catalogueStarted", "catalogueStart")
        .containsEntry(CatalogueKeys.LEGAL_REVIEW, "reviewCatalogue").containsEntry(CatalogueKeys.COUNTY_APPROVAL, "reviewCatalogue")
        .containsEntry(CatalogueKeys.CITY_APPROVAL, "reviewCatalogue").containsEntry(CatalogueKeys.PROVINCE_APPROVAL, "reviewCatalogue");
    assertThat(engine.getRepositoryService().createDeploymentQuery().list().stream()
        .flatMap(d -> engine.getRepositoryService().getDeploymentResourceNames(d.getId()).stream()).toList())
        .anyMatch(n -> n.endsWith("catalogueStart.form")).anyMatch(n -> n.endsWith("reviewCatalogue.form"));
    // every stage of the model has its rules, and every rule its stage
    assertThat(model.getModelElementsByType(UserTask.class)).extracting(UserTask::getId)
        .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(CatalogueStage.values()).map(CatalogueStage::taskKey).toList());
  }

  @Test
  void shouldReadTheDecisionsOfEachStageFromTheStageInItsOwnWords() throws IOException {
    for (String form : List.of("forms/reviewCatalogue.form", "forms/catalogueStart.form")) {
      JsonNode decision = field(JSON.readTree(new File(form)), "decision");
      assertThat(decision.path("valuesKey").asText()).as(form).isEqualTo("decisionOptions");
      assertThat(decision.has("values")).as(form).isFalse();
    }
    Map<CatalogueStage, String> words = Map.of(CatalogueStage.DRAFT, "[提交审查, 撤回目录]",
        CatalogueStage.LEGAL_REVIEW, "[审查通过, 退回修改]", CatalogueStage.COUNTY_APPROVAL, "[批准, 退回修改, 不予批准]",
        CatalogueStage.CITY_APPROVAL, "[批准, 退回修改, 不予批准]", CatalogueStage.PROVINCE_APPROVAL, "[批准, 退回修改, 不予批准]");
    for (CatalogueStage stage : CatalogueStage.values()) {
      JsonNode options = JSON.readTree(((JsonValue) stage.rules().options()).getValueSerialized());
      List<String> labels = new java.util.ArrayList<>();
      options.forEach(o -> labels.add(o.get("label").asText()));
      assertThat(labels.toString()).as(stage.name()).isEqualTo(words.get(stage));
    }
  }

  @Test
  void shouldNameTheStartFormsFieldsAsTheFormLabelsThem() throws IOException {
    JsonNode form = JSON.readTree(new File("forms/catalogueStart.form"));
    CatalogueFormValues.LABELS.forEach((key, label) ->
        assertThat(field(form, key).path("label").asText()).as(key).startsWith(label));
  }

  @Test
  void shouldNameTheLineAndThePartOfARefusedFieldInTheFormsWords() {
    CatalogueInputException refused = new CatalogueInputException(List.of(
        new cn.gov.reform.web.FieldError("items[2].reason", "新增的事项须写调整理由"),
        new cn.gov.reform.web.FieldError("items[0].legalBasis.article", "不能超过50字"),
        new cn.gov.reform.web.FieldError("takenBack", "现行目录的事项“农药经营许可”未列入本目录：如要收回，请写明收回理由"),
        new cn.gov.reform.web.FieldError("title", "不能为空")));
    assertThat(CatalogueFormValues.inFormTerms(refused).getMessage()).isEqualTo("目录数据有误：“事项”第3行的调整理由：新增的事项须写调整理由；"
        + "“事项”第1行的法律依据的条款：不能超过50字；“收回的事项”现行目录的事项“农药经营许可”未列入本目录：如要收回，请写明收回理由；"
        + "“目录标题”不能为空");
    assertThat(CatalogueFormValues.inFormTerms(refused).errors()).extracting(cn.gov.reform.web.FieldError::field)
        .containsExactly("itemsText", "itemsText", "takenBackText", "title");
  }

  private static JsonNode field(JsonNode form, String key) {
    for (JsonNode c : form.path("components")) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
      JsonNode inner = c.has("components") ? field(c, key) : null;
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }
}
