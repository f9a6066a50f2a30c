package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.gov.reform.calendar.WorkingDayCalendar;

/** Government records: engine history kept for decades, cleaned only at night, the plan's own record never. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class RecordsRetentionTest {

  @Autowired ProcessEngine engine;
  @Autowired PlanFixtures support;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant()));
  }

  @Test
  void shouldKeepAFiledPlansHistoryThirtyYearsAndItsOwnRecordForever() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.PROCESS)
        .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(10950);

    at("2026-03-02T10:00");
    PlanView plan = support.create("ningyang", PlanFixtures.ningyangPlan());
    String pi = plan.processInstanceId();
    support.runJobs(pi);
    support.complete("taian", pi, ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
    support.complete("taianapprover", pi, ProcessKeys.CITY_APPROVAL, Map.of("decision", "APPROVE"));
    support.complete("shandong", pi, ProcessKeys.PROVINCE_FILING, Map.of("decision", "FILE"));
    long timeline = count("app_audit_entry", plan.id());
    long versions = count("app_plan_version", plan.id());
    assertThat(timeline).isGreaterThan(4);

    at("2056-02-20T02:00");
    cleanUp();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi).count())
        .as("just under 30 years (10,950 days) on, the history is still there").isEqualTo(1);

    at("2056-03-05T02:00");
    cleanUp();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi).count())
        .as("30 years on, engine history may go").isZero();
    assertThat(count("app_audit_entry", plan.id())).isEqualTo(timeline);
    assertThat(count("app_plan_version", plan.id())).isEqualTo(versions);
    assertThat(jdbc.queryForObject("select status from app_plan where id = ?", String.class, plan.id())).isEqualTo("FILED");
  }

  @Test
  void shouldKeepTheDecisionsInHistoryButNotTheFormTextsCopiedFromThePlan() {
    PlanView plan = support.create("ningyang", PlanFixtures.ningyangPlan());
    String pi = plan.processInstanceId();
    support.runJobs(pi);
    String taskId = support.task(pi, ProcessKeys.CITY_REVIEW).getId();
    assertThat(engine.getTaskService().getVariablesLocal(taskId))
        .as("the reviewer's form still shows the chain, summary, findings and opinions")
        .containsKeys(ProcessKeys.FORM_CHAIN, ProcessKeys.FORM_SUMMARY, ProcessKeys.FORM_FINDINGS, ProcessKeys.FORM_OPINIONS);
    support.complete("taian", pi, ProcessKeys.CITY_REVIEW, Map.of("decision", "RETURN", "opinion", "请补充编制测算"));

    var history = engine.getHistoryService();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName(ProcessKeys.FORM_SUMMARY).count())
        .as("copies of the plan's own record are not kept twice").isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(pi).variableUpdates().list())
        .as("the reviewer's decision and opinion are in the engine's history")
        .anySatisfy(d -> assertThat(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue()).isEqualTo("RETURN"))
        .anySatisfy(d -> assertThat(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue()).isEqualTo("请补充编制测算"))
        .noneSatisfy(d -> assertThat(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName())
            .isIn(ProcessKeys.FORM_CHAIN, ProcessKeys.FORM_SUMMARY, ProcessKeys.FORM_FINDINGS, ProcessKeys.FORM_OPINIONS));
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi).taskDefinitionKey(ProcessKeys.CITY_REVIEW)
        .singleResult().getEndTime()).isNotNull();
  }

  @Test
  void shouldKeepEveryStageAndWhoActedButNotRoutingOrJobsThatRanAsPlanned() {
    PlanView plan = support.create("ningyang", PlanFixtures.ningyangPlan());
    String pi = plan.processInstanceId();
    support.runJobs(pi);
    support.complete("taian", pi, ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE", "opinion", "同意"));
    support.complete("taianapprover", pi, ProcessKeys.CITY_APPROVAL, Map.of("decision", "APPROVE"));
    support.complete("shandong", pi, ProcessKeys.PROVINCE_FILING, Map.of("decision", "FILE"));

    var history = engine.getHistoryService();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndTime()).isNotNull();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi).finished().orderByHistoricActivityInstanceStartTime()
        .asc().listPage(0, 50)).extracting(t -> t.getTaskDefinitionKey()).as("every stage, in order")
        .containsSubsequence(ProcessKeys.CITY_REVIEW, ProcessKeys.CITY_APPROVAL, ProcessKeys.PROVINCE_FILING);
    assertThat(history.createUserOperationLogQuery().processInstanceId(pi)
        .operationType(org.camunda.bpm.engine.history.UserOperationLogEntry.OPERATION_TYPE_COMPLETE).listPage(0, 50))
        .extracting(e -> e.getUserId()).as("who completed each task").contains("taian", "taianapprover", "shandong");
    List<org.camunda.bpm.engine.history.HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
        .processInstanceId(pi).listPage(0, 200);
    assertThat(activities).extracting(a -> a.getActivityType())
        .as("the stages and the end reached are there; the passages through gateways are not")
        .contains("startEvent", "serviceTask", "userTask", "terminateEndEvent")
        .doesNotContain("exclusiveGateway", "parallelGateway");
    String review = history.createHistoricTaskInstanceQuery().processInstanceId(pi).taskDefinitionKey(ProcessKeys.CITY_REVIEW)
        .singleResult().getId();
    assertThat(history.createHistoricIdentityLinkLogQuery().taskId(review).listPage(0, 50))
        .as("who was asked to act on each task").anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("reviewer370900"));
    assertThat(history.createHistoricJobLogQuery().processInstanceId(pi).count())
        .as("the validation job and the cancelled deadline timers ran as planned: no job log").isZero();
  }

  private void cleanUp() {
    Job job = engine.getHistoryService().cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(job.getId());
  }

  private long count(String table, String planId) {
    String column = table.equals("app_audit_entry") ? "subject_id" : "plan_id";
    return jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Long.class, planId);
  }
}
