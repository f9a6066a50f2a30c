package cn.gov.reform.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
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

import cn.gov.reform.PlanFixtures;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.plan.PlanView;

/** Government records: engine history kept for decades, cleaned only at night, the plan's own record never. */
@SpringBootTest
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
    long timeline = count("app_plan_timeline", plan.id());
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
    assertThat(count("app_plan_timeline", plan.id())).isEqualTo(timeline);
    assertThat(count("app_plan_version", plan.id())).isEqualTo(versions);
    assertThat(jdbc.queryForObject("select status from app_plan where id = ?", String.class, plan.id())).isEqualTo("FILED");
  }

  private void cleanUp() {
    Job job = engine.getHistoryService().cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(job.getId());
  }

  private long count(String table, String planId) {
    return jdbc.queryForObject("select count(*) from " + table + " where plan_id = ?", Long.class, planId);
  }
}
