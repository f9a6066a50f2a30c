package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.gov.reform.audit.TimelineEntry;

/**
 * The policy check runs once per submission: run again for the same submission (as after a node died
 * in the middle of its job) it stores nothing twice; a new submission is checked anew.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class PolicyValidationRerunTest {

  @Autowired ProcessEngine engine;
  @Autowired PlanFixtures support;
  @Autowired PlanService plans;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
  }

  @Test
  void shouldStoreFindingsAndTheCheckOnceWhenTheCheckRunsAgainForTheSameSubmission() {
    // 磁窑镇 with 8 bodies as an ordinary township breaks 鲁厅字〔2018〕33号 三(一): back to the county
    PlanView plan = support.create("ningyang", PlanFixtures.ningyangPlan(PlanFixtures.ciyaoAsDeveloped()));
    support.runJobs(plan.processInstanceId());
    ProcessInstance pi = instance(plan);
    assertThat(pi).isWaitingAt(ProcessKeys.DRAFT_PLAN);
    long findings = findingRows(plan.id());
    assertThat(findings).isPositive();

    // the check's job runs once more for the same submission
    engine.getRuntimeService().createProcessInstanceModification(pi.getId())
        .cancelAllForActivity(ProcessKeys.DRAFT_PLAN).startBeforeActivity(ProcessKeys.VALIDATE_PLAN).execute();
    support.runJobs(pi.getId());

    assertThat(pi).isWaitingAt(ProcessKeys.DRAFT_PLAN);
    assertThat(findingRows(plan.id())).isEqualTo(findings);
    assertThat(checks(plan.id())).hasSize(1).allMatch(e -> e.decision().equals("FAILED") && e.version() == 1);
    assertThat(plans.view(plan.id()).findings()).isNotEmpty();
  }

  @Test
  void shouldCheckAgainWhenTheCountySubmitsTheSameVersionAgain() {
    PlanView plan = support.create("ningyang", PlanFixtures.ningyangPlan());
    support.runJobs(plan.processInstanceId());
    support.complete("taian", plan.processInstanceId(), ProcessKeys.CITY_REVIEW,
        Map.of("decision", "RETURN", "opinion", "请补充便民服务中心编制说明"));
    support.complete("ningyang", plan.processInstanceId(), ProcessKeys.DRAFT_PLAN, Map.of("decision", "SUBMIT"));
    support.runJobs(plan.processInstanceId());

    assertThat(instance(plan)).isWaitingAt(ProcessKeys.CITY_REVIEW);
    assertThat(checks(plan.id())).hasSize(2).allMatch(e -> e.decision().equals("PASSED") && e.version() == 1);
  }

  private ProcessInstance instance(PlanView plan) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(plan.processInstanceId()).singleResult();
  }

  private long findingRows(String planId) {
    return jdbc.queryForObject("select count(*) from app_plan_finding where plan_id = ?", Long.class, planId);
  }

  private List<TimelineEntry> checks(String planId) {
    return plans.view(planId).timeline().stream().filter(e -> e.stage().equals(ProcessKeys.VALIDATE_PLAN)).toList();
  }
}
