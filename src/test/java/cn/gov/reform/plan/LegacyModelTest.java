package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A plan started on the ladder model (the process before versionTag 2.0, as deployed by the previous release)
 * finishes on it with this release's code: its due dates, stage rules, timeline and filing number work as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LegacyModelTest {

  @Autowired ProcessEngine engine;
  @Autowired PlanFixtures support;
  @Autowired PlanService plans;

  @Test
  void shouldCarryAPlanStartedOnTheLadderModelToItsFilingAfterTheUpgrade() {
    Deployment ladder = engine.getRepositoryService().createDeployment().name("reformPlanApproval (ladder, before 2.0)")
        .addClasspathResource("legacy/reformPlanApproval-ladder.bpmn").deploy();
    try {
      ProcessDefinition old = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(ladder.getId())
          .singleResult();
      String planId = UUID.randomUUID().toString();
      plans.register(planId, PlanFixtures.ningyangPlan(), "ningyang");
      // the previous release's router gave every instance its chain as flags for the ladder's gateways
      Map<String, Object> started = Map.of(ProcessKeys.VAR_PLAN_ID, planId, "hasCityReview", true, "hasCitySubmission", false,
          "hasCityApproval", true, "hasProvinceReview", false, "hasDepartmentReview", false, "hasProvinceApproval", false,
          "hasProvinceFiling", true);
      String pi = support.as("ningyang", () -> engine.getRuntimeService()
          .startProcessInstanceById(old.getId(), planId, started).getId());
      support.runJobs(pi);

      assertThat(support.task(pi, ProcessKeys.CITY_REVIEW).getDueDate()).as("due date from the working-day calendar").isNotNull();
      support.complete("taian", pi, ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
      support.complete("taianapprover", pi, ProcessKeys.CITY_APPROVAL, Map.of("decision", "APPROVE"));
      support.complete("shandong", pi, ProcessKeys.PROVINCE_FILING, Map.of("decision", "FILE"));

      PlanView filed = plans.view(planId);
      assertThat(filed.status()).isEqualTo(PlanStatus.FILED);
      assertThat(filed.filingNumber()).startsWith("鲁编备〔");
      assertThat(filed.timeline()).extracting(e -> e.stage())
          .contains("planStarted", "determineRoute", "validatePlan", "cityReview", "cityApproval", "provinceFiling", "recordFiling");
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult()
          .getProcessDefinitionId()).isEqualTo(old.getId());
    } finally {
      engine.getRepositoryService().deleteDeployment(ladder.getId(), true);
    }
  }
}
