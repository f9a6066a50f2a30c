package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.engine.EngineIndexes;

/** Every model and form in processes/ and forms/ is deployed, and every formRef resolves to a deployed form. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class DeploymentTest {

  @Autowired ProcessEngine engine;
  @Autowired javax.sql.DataSource dataSource;

  @Test
  void shouldIndexTheAuthorizationTableForTheEnginesGroupLookup() throws java.sql.SQLException {
    try (var c = dataSource.getConnection()) {
      var meta = c.getMetaData();
      String table = meta.storesLowerCaseIdentifiers() ? "act_ru_authorization" : "ACT_RU_AUTHORIZATION";
      List<String> columns = new java.util.ArrayList<>();
      try (var rs = meta.getIndexInfo(null, null, table, false, false)) {
        while (rs.next()) {
          if (EngineIndexes.AUTHORIZED_GROUPS.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
            columns.add(rs.getString("COLUMN_NAME").toUpperCase(java.util.Locale.ROOT));
          }
        }
      }
      org.assertj.core.api.Assertions.assertThat(columns).containsExactly("GROUP_ID_", "TYPE_");
    }
  }

  private static List<Path> files(String dir) throws IOException {
    try (Stream<Path> s = Files.walk(Path.of(dir))) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void shouldDeployEveryProcessDecisionAndForm() throws IOException {
    RepositoryService repository = engine.getRepositoryService();
    Set<String> deployed = new HashSet<>();
    repository.createDeploymentQuery().list().forEach(d -> deployed.addAll(repository.getDeploymentResourceNames(d.getId())));
    for (Path f : Stream.concat(files("processes").stream(), files("forms").stream()).toList()) {
      assertThat(deployed).as("deployed resources").anyMatch(name -> name.endsWith(f.getFileName().toString()));
    }
  }

  /**
   * README "Changing a model": an item under way keeps the forms of the version it started on, so every form reference
   * of every model is bound to its own deployment (the auto-deployment deploys models and forms together).
   */
  @Test
  void shouldBindEveryFormOfEveryModelToItsOwnDeployment() throws IOException {
    java.util.regex.Pattern ref = java.util.regex.Pattern.compile("camunda:formRef=\"[^\"]+\"(\\s+camunda:formRefBinding=\"([a-z]+)\")?");
    int refs = 0;
    for (Path f : files("processes")) {
      if (!f.toString().endsWith(".bpmn")) {
        continue;
      }
      java.util.regex.Matcher m = ref.matcher(Files.readString(f));
      while (m.find()) {
        refs++;
        assertThat(m.group(2)).as("%s: %s", f.getFileName(), m.group()).isEqualTo("deployment");
      }
    }
    assertThat(refs).isGreaterThan(10);
  }

  @Test
  void shouldResolveEveryFormRefOfEveryUserTaskAndStartEvent() throws IOException {
    RepositoryService repository = engine.getRepositoryService();
    ObjectMapper json = new ObjectMapper();
    Set<String> formIds = new HashSet<>();
    for (Path f : files("forms")) {
      formIds.add(json.readTree(f.toFile()).get("id").asText());
    }
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.PROCESS)
        .latestVersion().singleResult();
    BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
    List<ModelElementInstance> withForms = new java.util.ArrayList<>(model.getModelElementsByType(UserTask.class));
    // the process's own start (Tasklist's start form); an event subprocess's start is triggered, not filled in
    model.getModelElementsByType(StartEvent.class).stream()
        .filter(start -> start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
        .forEach(withForms::add);
    assertThat(withForms).hasSizeGreaterThan(4);
    for (ModelElementInstance e : withForms) {
      String ref = e.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
      assertThat(ref).as("formRef of %s", e.getAttributeValue("id")).isNotBlank();
      assertThat(formIds).as("form for %s", e.getAttributeValue("id")).contains(ref);
    }
    // the engine itself resolves them: the deployed start form and a deployed task form
    try (InputStream start = engine.getFormService().getDeployedStartForm(definition.getId())) {
      assertThat(new String(start.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"planStart\"");
    }
  }
}
