package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.support.Http;

/**
 * A changed model (a renamed stage, a changed review form) is deployed while plans wait at every stage, with their
 * deadline timers and a validation pending (README "Changing a model"). Without a migration each plan finishes on the
 * version it started on, with that version's form (formRefBinding="deployment"), and its reminder fires once; new plans
 * take the new version. With the administrator's migration the waiting plans move onto the new version at the stage
 * they were, keep their tasks and timers (which fire once), and finish there; their timelines run on without a gap,
 * with one 模型升级 step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelVersionsTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired PlanFixtures support;
  @Autowired PlanService plans;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant()));
  }

  /** The stages a plan waits at, one plan each: returned to the county, at the city's review, approval and filing, and one still being checked. */
  private record Waiting(PlanView returned, PlanView review, PlanView approval, PlanView filing, PlanView pending) {
    List<PlanView> all() {
      return List.of(returned, review, approval, filing, pending);
    }
  }

  private Waiting waitingAtEveryStage() {
    PlanView returned = started();
    PlanView review = started();
    PlanView approval = started();
    PlanView filing = started();
    PlanView pending = support.create("ningyang", PlanFixtures.ningyangPlan());
    support.complete("taian", returned.processInstanceId(), ProcessKeys.CITY_REVIEW, Map.of("decision", "RETURN", "opinion", "请补充"));
    support.complete("taian", approval.processInstanceId(), ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
    support.complete("taian", filing.processInstanceId(), ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
    support.complete("taianapprover", filing.processInstanceId(), ProcessKeys.CITY_APPROVAL, Map.of("decision", "APPROVE"));
    return new Waiting(returned, review, approval, filing, pending);
  }

  private PlanView started() {
    PlanView plan = support.create("ningyang", PlanFixtures.ningyangPlan());
    support.runJobs(plan.processInstanceId());
    return plan;
  }

  /** Deploys the plan's model with 市编办审核 renamed and the review form's 政策校验结果 renamed, as the auto-deployment would: model and forms together. */
  private Deployment deployChangedModel() throws IOException {
    DeploymentBuilder b = engine.getRepositoryService().createDeployment().name("reformPlanApproval 2.1 (test)");
    b.addString("reformPlanApproval.bpmn", Files.readString(Path.of("processes/reformPlanApproval.bpmn"))
        .replace("name=\"市编办审核\"", "name=\"市编办审核（新版）\"").replace("camunda:versionTag=\"2.0\"", "camunda:versionTag=\"2.1\""));
    try (var forms = Files.list(Path.of("forms"))) {
      for (Path f : forms.toList()) {
        String text = Files.readString(f);
        b.addString(f.getFileName().toString(), f.getFileName().toString().equals("reviewPlan.form")
            ? text.replace("\"label\": \"政策校验结果\"", "\"label\": \"政策校验结果（新版）\"") : text);
      }
    }
    return b.deploy();
  }

  /**
   * The model as this release ships it, deployed again as the latest version: the migration moved every plan under way
   * in this test context (other tests' too) onto the changed version, which is left to them; plans started later start
   * on the shipped model again.
   */
  private void deployShippedModelAgain() throws IOException {
    DeploymentBuilder b = engine.getRepositoryService().createDeployment().name("reformPlanApproval (as shipped, after the test)");
    b.addString("reformPlanApproval.bpmn", Files.readString(Path.of("processes/reformPlanApproval.bpmn")));
    try (var forms = Files.list(Path.of("forms"))) {
      for (Path f : forms.toList()) {
        b.addString(f.getFileName().toString(), Files.readString(f));
      }
    }
    b.deploy();
  }

  private String form(String taskId) throws IOException {
    try (InputStream in = engine.getFormService().getDeployedTaskForm(taskId)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private int runDueTimers(String pi) {
    ManagementService management = engine.getManagementService();
    List<Job> due = management.createJobQuery().processInstanceId(pi).timers().executable().listPage(0, 50);
    due.forEach(j -> management.executeJob(j.getId()));
    return due.size();
  }

  private void finish(Waiting w) {
    support.complete("ningyang", w.returned().processInstanceId(), ProcessKeys.DRAFT_PLAN, Map.of("decision", "SUBMIT"));
    support.runJobs(w.returned().processInstanceId());
    support.runJobs(w.pending().processInstanceId());
    for (PlanView p : List.of(w.returned(), w.review(), w.pending())) {
      support.complete("taian", p.processInstanceId(), ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
    }
    for (PlanView p : List.of(w.returned(), w.review(), w.approval(), w.pending())) {
      support.complete("taianapprover", p.processInstanceId(), ProcessKeys.CITY_APPROVAL, Map.of("decision", "APPROVE"));
    }
    for (PlanView p : w.all()) {
      support.complete("shandong", p.processInstanceId(), ProcessKeys.PROVINCE_FILING, Map.of("decision", "FILE"));
      support.runJobs(p.processInstanceId());
      assertThat(plans.view(p.id()).status()).as(p.id()).isEqualTo(PlanStatus.FILED);
    }
  }

  private List<Date> timers(PlanView p) {
    return engine.getManagementService().createJobQuery().processInstanceId(p.processInstanceId()).timers().listPage(0, 50)
        .stream().map(Job::getDuedate).sorted().toList();
  }

  private static List<String> stages(PlanView filed) {
    return filed.timeline().stream().map(TimelineEntry::stage).toList();
  }

  @Test
  void shouldFinishEveryWaitingPlanOnItsOwnVersionWithItsOwnFormsWhileNewPlansTakeTheNewOne() throws IOException {
    at("2026-03-02T09:00");
    Waiting w = waitingAtEveryStage();
    String old = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(w.review().processInstanceId())
        .singleResult().getProcessDefinitionId();
    Deployment changed = deployChangedModel();
    try {
      String reviewTask = support.task(w.review().processInstanceId(), ProcessKeys.CITY_REVIEW).getId();
      assertThat(form(reviewTask)).as("the form of the version it started on").contains("\"政策校验结果\"").doesNotContain("（新版）");
      PlanView fresh = started();
      var freshTask = support.task(fresh.processInstanceId(), ProcessKeys.CITY_REVIEW);
      assertThat(freshTask.getName()).isEqualTo("市编办审核（新版）");
      assertThat(form(freshTask.getId())).contains("政策校验结果（新版）");

      at("2026-03-20T09:00"); // past the city's review limit and its second lapse: reminder and escalation fire, once each
      assertThat(runDueTimers(w.review().processInstanceId())).isEqualTo(2);
      assertThat(runDueTimers(w.review().processInstanceId())).isZero();
      assertThat(plans.view(w.review().id()).timeline()).filteredOn(e -> e.stage().equals("reminder")).hasSize(1);
      assertThat(plans.view(w.review().id()).timeline()).filteredOn(e -> e.stage().equals("escalation")).hasSize(1);

      finish(w);
      for (PlanView p : w.all()) {
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(p.processInstanceId())
            .singleResult().getProcessDefinitionId()).isEqualTo(old);
      }
      assertThat(stages(plans.view(w.returned().id()))).containsSubsequence("planStarted", "validatePlan", "cityReview", "draftPlan",
          "validatePlan", "cityReview", "cityApproval", "provinceFiling");
    } finally {
      engine.getRepositoryService().deleteDeployment(changed.getId(), true);
    }
  }

  @Test
  void shouldMoveTheWaitingPlansOntoTheNewVersionWhenTheAdministratorMigratesThem() throws IOException {
    at("2026-03-02T09:00");
    Waiting w = waitingAtEveryStage();
    Map<String, List<Date>> timersBefore = new java.util.HashMap<>();
    w.all().forEach(p -> timersBefore.put(p.id(), timers(p)));
    String reviewTask = support.task(w.review().processInstanceId(), ProcessKeys.CITY_REVIEW).getId();
    deployChangedModel();
    try {
      Http http = new Http(port);
      assertThat(http.get("/api/admin/model-migrations/reformPlanApproval", "taian:" + PlanFixtures.PASSWORD).status()).isEqualTo(403);
      JsonNode dry = http.get("/api/admin/model-migrations/reformPlanApproval", PlanFixtures.ADMIN).json();
      assertThat(dry.get("targetVersionTag").asText()).isEqualTo("2.1");
      assertThat(dry.get("executed").asBoolean()).isFalse();
      JsonNode source = dry.get("sources").get(dry.get("sources").size() - 1);
      assertThat(source.get("instances").asLong()).isGreaterThanOrEqualTo(5);
      assertThat(source.get("problems")).as("the mapping of every stage validates").isEmpty();
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(w.review().processInstanceId())
          .singleResult().getProcessDefinitionId()).as("a dry run moves nothing").isEqualTo(source.get("definitionId").asText());

      JsonNode done = http.post("/api/admin/model-migrations/reformPlanApproval", PlanFixtures.ADMIN, null).json();
      assertThat(done.get("executed").asBoolean()).isTrue();
      String target = done.get("targetDefinitionId").asText();
      for (PlanView p : w.all()) {
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(p.processInstanceId()).singleResult()
            .getProcessDefinitionId()).as(p.id()).isEqualTo(target);
        assertThat(timers(p)).as("the timers of " + p.id() + " are kept, due when they were").isEqualTo(timersBefore.get(p.id()));
        assertThat(plans.view(p.id()).timeline()).filteredOn(e -> e.stage().equals("modelMigration")).singleElement()
            .satisfies(e -> assertThat(e.opinion()).contains("（2.0）", "（2.1）", "办理进度和期限不变"));
      }
      var moved = support.task(w.review().processInstanceId(), ProcessKeys.CITY_REVIEW);
      assertThat(moved.getId()).as("the same task, now of the new version").isEqualTo(reviewTask);
      assertThat(moved.getName()).as("a waiting task keeps what it was created with").isEqualTo("市编办审核");
      assertThat(form(moved.getId())).as("its form is now the new version's").contains("政策校验结果（新版）");

      at("2026-03-20T09:00"); // the kept timers fire when they were due, once each
      assertThat(runDueTimers(w.review().processInstanceId())).isEqualTo(2);
      assertThat(runDueTimers(w.review().processInstanceId())).isZero();
      assertThat(plans.view(w.review().id()).timeline()).filteredOn(e -> e.stage().equals("reminder")).hasSize(1);

      finish(w);
      assertThat(stages(plans.view(w.approval().id()))).containsSubsequence("planStarted", "validatePlan", "cityReview",
          "modelMigration", "cityApproval", "provinceFiling");
      for (PlanView p : w.all()) {
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(p.processInstanceId())
            .singleResult().getProcessDefinitionId()).isEqualTo(target);
      }
    } finally {
      deployShippedModelAgain();
    }
  }
}
