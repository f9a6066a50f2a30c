package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.engine.DecisionRefusedException;

/**
 * Working-day due dates, reminders, the second lapse and the plan deadline, with the engine clock moved
 * and the timer jobs executed (no waiting).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class DeadlineProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired PlanFixtures support;
  @Autowired PlanService plans;

  ManagementService management;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
    management = engine.getManagementService();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant()));
  }

  private static Date endOf(String day) {
    return Date.from(LocalDate.parse(day).plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).minusSeconds(1).toInstant());
  }

  private PlanView started(LocalDate deadline) {
    PlanRequest p = PlanFixtures.ningyangPlan();
    PlanView plan = support.create("ningyang", new PlanRequest(p.title(), p.planType(), p.countyCode(), deadline, p.townships()));
    support.runJobs(plan.processInstanceId());
    return plan;
  }

  private List<Job> dueTimers(String pi) {
    return management.createJobQuery().processInstanceId(pi).timers().executable().listPage(0, 50);
  }

  private int runDueTimers(String pi) {
    List<Job> due = dueTimers(pi);
    due.forEach(j -> management.executeJob(j.getId()));
    return due.size();
  }

  private List<TimelineEntry> timeline(PlanView plan, String stage) {
    return plans.view(plan.id()).timeline().stream().filter(e -> e.stage().equals(stage)).toList();
  }

  @Test
  void shouldGiveATaskCreatedOnTheFridayBeforeSpringFestivalTheDueDateAnOfficialCounts() {
    at("2026-02-13T10:00");
    PlanView plan = started(null);
    Task review = support.task(plan.processInstanceId(), ProcessKeys.CITY_REVIEW);
    // 10 working days: 02-14 (调休上班), 02-24..02-27, 02-28 (调休上班), 03-02..03-05
    assertThat(review.getDueDate()).isEqualTo(endOf("2026-03-05"));
    assertThat(review.getFollowUpDate()).isEqualTo(endOf("2026-03-05"));
    List<Job> timers = management.createJobQuery().processInstanceId(plan.processInstanceId()).timers().listPage(0, 10);
    assertThat(timers).extracting(Job::getDuedate).containsExactlyInAnyOrder(endOf("2026-03-05"), endOf("2026-03-10"));
    assertThat(timeline(plan, "calendar")).isEmpty();

    support.complete("taian", plan.processInstanceId(), ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
    // approval: 15 working days from 02-13 again (the clock has not moved)
    assertThat(support.task(plan.processInstanceId(), ProcessKeys.CITY_APPROVAL).getDueDate()).isEqualTo(endOf("2026-03-12"));
    assertThat(management.createJobQuery().processInstanceId(plan.processInstanceId()).timers().count()).isEqualTo(2);
  }

  @Test
  void shouldRemindOnceWhenTheDueDatePassesThenAskTheSupervisorOnTheSecondLapse() {
    at("2026-02-13T10:00");
    PlanView plan = started(null);
    String pi = plan.processInstanceId();
    at("2026-03-05T18:00");
    assertThat(runDueTimers(pi)).isZero();

    at("2026-03-06T00:00:01");
    assertThat(runDueTimers(pi)).isEqualTo(1);
    Task review = support.task(pi, ProcessKeys.CITY_REVIEW);
    assertThat(review.getFollowUpDate()).isEqualTo(endOf("2026-03-10"));
    assertThat(timeline(plan, "reminder")).singleElement().satisfies(e -> {
      assertThat(e.decision()).isEqualTo("REMINDED");
      assertThat(e.opinion()).contains("2026-03-05", "2026-03-10");
      assertThat(e.actor()).isEqualTo("system");
    });
    assertThat(engine.getTaskService().getTaskComments(review.getId())).singleElement()
        .satisfies(c -> assertThat(c.getFullMessage()).startsWith("催办"));
    assertThat(runDueTimers(pi)).as("a reminder fires once").isZero();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey(ProcessKeys.SUPERVISE_PLAN).count())
        .isZero();

    at("2026-03-11T00:00:01");
    assertThat(runDueTimers(pi)).isEqualTo(1);
    assertThat(timeline(plan, "escalation")).hasSize(1);
    Task supervise = support.task(pi, ProcessKeys.SUPERVISE_PLAN);
    assertThat(supervise).isNotNull();
    assertThat(supervise).hasCandidateGroup("supervisor370000");
    assertThat(engine.getTaskService().getVariableLocal(supervise.getId(), ProcessKeys.VAR_SUPERVISION_REASON).toString())
        .contains("市编办审核");
    assertThat(support.task(pi, ProcessKeys.CITY_REVIEW)).as("the chain goes on").isNotNull();
    assertThat(management.createJobQuery().processInstanceId(pi).timers().count()).isZero();
    assertThat(plans.view(plan.id()).overdue()).as("a late task is not a late plan").isFalse();
  }

  @Test
  void shouldFlagThePlanOverdueAtTheEndOfItsDeadlineAndLetTheSupervisorSetANewTarget() {
    at("2026-02-13T10:00");
    PlanView plan = started(LocalDate.of(2026, 3, 1));
    String pi = plan.processInstanceId();
    at("2026-03-01T23:59");
    assertThat(runDueTimers(pi)).isZero();
    assertThat(plans.view(plan.id()).overdue()).isFalse();

    at("2026-03-02T00:00:01");
    assertThat(runDueTimers(pi)).isEqualTo(1);
    PlanView late = plans.view(plan.id());
    assertThat(late.overdue()).isTrue();
    assertThat(late.status()).isEqualTo(PlanStatus.IN_REVIEW);
    assertThat(late.stages()).containsExactlyInAnyOrder(ProcessKeys.CITY_REVIEW, ProcessKeys.SUPERVISE_PLAN);
    assertThat(timeline(plan, ProcessKeys.PLAN_OVERDUE)).singleElement()
        .satisfies(e -> assertThat(e.opinion()).contains("2026-03-01"));
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).singleResult();
    assertThat(instance).hasPassed("planDeadlinePassed", "markOverdue").isWaitingAt(ProcessKeys.CITY_REVIEW, ProcessKeys.SUPERVISE_PLAN);

    assertThatThrownBy(() -> support.complete("shandongsupervisor", pi, ProcessKeys.SUPERVISE_PLAN, Map.of("opinion", " ")))
        .isInstanceOf(DecisionRefusedException.class).hasMessageStartingWith("opinion：");
    assertThatThrownBy(() -> support.complete("shandongsupervisor", pi, ProcessKeys.SUPERVISE_PLAN,
        Map.of("opinion", "请泰安市编办三日内办结", "targetDate", "2026-02-01")))
        .isInstanceOf(DecisionRefusedException.class).hasMessageStartingWith("targetDate：");
    support.complete("shandongsupervisor", pi, ProcessKeys.SUPERVISE_PLAN,
        Map.of("opinion", "请泰安市编办三日内办结", "targetDate", "2026-03-06"));
    PlanView supervised = plans.view(plan.id());
    assertThat(supervised.deadline()).isEqualTo(LocalDate.of(2026, 3, 6));
    assertThat(supervised.stages()).containsExactly(ProcessKeys.CITY_REVIEW);
    assertThat(timeline(plan, ProcessKeys.SUPERVISE_PLAN)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo("shandongsupervisor");
      assertThat(e.opinion()).contains("三日内办结", "2026-03-06");
    });
    // the chain's own variables were not touched by the supervisor's note
    assertThat(engine.getRuntimeService().getVariable(pi, ProcessKeys.VAR_OPINION)).isNull();
    support.complete("taian", pi, ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
    assertThat(timeline(plan, ProcessKeys.CITY_REVIEW)).singleElement().satisfies(e -> assertThat(e.opinion()).isNull());

    // the new target date is timed again: missed once more, the supervisor hears again
    assertThat(instance).isWaitingAt(ProcessKeys.CITY_APPROVAL, "planDeadlinePassed");
    assertThat(management.createJobQuery().processInstanceId(pi).timers().activityId("planDeadlinePassed").singleResult()
        .getDuedate()).isEqualTo(Date.from(LocalDate.of(2026, 3, 7).atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
    at("2026-03-07T00:00:01");
    assertThat(runDueTimers(pi)).isEqualTo(1);
    assertThat(timeline(plan, ProcessKeys.PLAN_OVERDUE)).hasSize(2);
    assertThat(support.task(pi, ProcessKeys.SUPERVISE_PLAN)).isNotNull();
  }

  @Test
  void shouldNeverFlagAPlanFinishedBeforeItsDeadline() {
    at("2026-02-13T10:00");
    PlanView plan = started(LocalDate.of(2026, 3, 1));
    String pi = plan.processInstanceId();
    support.complete("taian", pi, ProcessKeys.CITY_REVIEW, Map.of("decision", "APPROVE"));
    support.complete("taianapprover", pi, ProcessKeys.CITY_APPROVAL, Map.of("decision", "APPROVE"));
    support.complete("shandong", pi, ProcessKeys.PROVINCE_FILING, Map.of("decision", "FILE"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(management.createJobQuery().processInstanceId(pi).count()).isZero();
    at("2026-04-01T09:00");
    PlanView filed = plans.view(plan.id());
    assertThat(filed.status()).isEqualTo(PlanStatus.FILED);
    assertThat(filed.overdue()).isFalse();
    assertThat(timeline(plan, ProcessKeys.PLAN_OVERDUE)).isEmpty();
  }

  @Test
  void shouldCountIntoAnUnknownYearByWeekendsAndSaySo() {
    at("2026-12-24T10:00");
    PlanView plan = started(null);
    Task review = support.task(plan.processInstanceId(), ProcessKeys.CITY_REVIEW);
    // 12-25, 12-28..12-31, then 2027 by weekends only: 01-01 (Fri), 01-04..01-07
    assertThat(review.getDueDate()).isEqualTo(endOf("2027-01-07"));
    assertThat(timeline(plan, "calendar")).singleElement().satisfies(e -> {
      assertThat(e.decision()).isEqualTo("ESTIMATED");
      assertThat(e.opinion()).contains("2027");
    });
    assertThat(ZonedDateTime.ofInstant(review.getDueDate().toInstant(), WorkingDayCalendar.ZONE).getYear()).isEqualTo(2027);
  }
}
