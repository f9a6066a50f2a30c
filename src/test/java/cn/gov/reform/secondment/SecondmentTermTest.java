package cn.gov.reform.secondment;

import static cn.gov.reform.secondment.SecondmentFixtures.person;
import static cn.gov.reform.secondment.SecondmentFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.gov.reform.support.Clocks;

/**
 * An approved secondment's term, by moving the clock and running the due timer jobs (no sleeping): 5 working days before the
 * end date (09:00) the requester and the township each get a reminder task in Tasklist and the timeline records it; at the end
 * of the end date the person is recorded back in the township (RETURNED) and an unread reminder goes away with the term.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class SecondmentTermTest {

  @Autowired ProcessEngine engine;
  @Autowired SecondmentFixtures support;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
    SecondmentFixtures.today();
  }

  @AfterEach
  void clock() {
    SecondmentFixtures.resetClock();
  }

  private ProcessInstance instance(SecondmentView s) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(s.processInstanceId()).singleResult();
  }

  private List<Task> reminders(SecondmentView s) {
    return engine.getTaskService().createTaskQuery().processInstanceId(s.processInstanceId()).listPage(0, 10).stream()
        .sorted(java.util.Comparator.comparing(Task::getTaskDefinitionKey)).toList();
  }

  @Test
  void shouldRemindTheRequesterAndTheTownshipFiveWorkingDaysBeforeTheEndAndRecordThePersonBack() {
    // ends Friday 2026-07-31: 5 working days before is Friday 2026-07-24
    SecondmentView s = support.seconded(request(person(), "370921111", "2020-01-02", "2026-03-16", "2026-07-31", null));
    assertThat(s.status()).isEqualTo(SecondmentStatus.SECONDED);
    assertThat(s.reminderDate()).isEqualTo(LocalDate.of(2026, 7, 24));

    Clocks.at("2026-07-24T08:59:00");
    support.runJobs(s.processInstanceId());
    assertThat(reminders(s)).as("not yet").isEmpty();
    Clocks.at("2026-07-24T09:00:00");
    support.runJobs(s.processInstanceId());
    assertThat(reminders(s)).extracting(Task::getTaskDefinitionKey)
        .containsExactly(SecondmentKeys.REQUESTER_REMINDER, SecondmentKeys.TOWNSHIP_REMINDER);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(s.processInstanceId())
        .taskCandidateGroup("requester370921").singleResult().getTaskDefinitionKey()).isEqualTo(SecondmentKeys.REQUESTER_REMINDER);
    Task township = engine.getTaskService().createTaskQuery().processInstanceId(s.processInstanceId())
        .taskCandidateGroup("township370921111").singleResult();
    assertThat(township.getTaskDefinitionKey()).isEqualTo(SecondmentKeys.TOWNSHIP_REMINDER);
    assertThat(township.getDueDate().toInstant()).as("due when the term ends").hasToString("2026-07-31T16:00:00Z");
    assertThat(engine.getTaskService().getVariable(township.getId(), SecondmentKeys.FORM_REMINDER)).asString()
        .contains("2026-07-31届满").contains("2026-08-01起回到葛石镇工作");
    assertThat(support.tasksSeenBy("geshi", s.processInstanceId())).isEqualTo(1);
    assertThat(support.tasksSeenBy("ningyangrequester", s.processInstanceId())).isEqualTo(1);
    assertThat(support.view(s.id()).timeline()).anySatisfy(e -> {
      assertThat(e.stage()).isEqualTo(SecondmentKeys.REMIND);
      assertThat(e.opinion()).contains("已提醒县发展和改革局和葛石镇党委");
    });

    // the township reads its reminder; the requester does not
    support.complete("geshi", s.processInstanceId(), SecondmentKeys.TOWNSHIP_REMINDER, Map.of());
    assertThat(support.view(s.id()).timeline()).anySatisfy(e -> {
      assertThat(e.stage()).isEqualTo(SecondmentKeys.TOWNSHIP_REMINDER);
      assertThat(e.decision()).isEqualTo("READ");
      assertThat(e.actor()).isEqualTo("geshi");
    });

    Clocks.at("2026-07-31T23:59:00");
    support.runJobs(s.processInstanceId());
    assertThat(support.view(s.id()).status()).as("the end date is still part of the term").isEqualTo(SecondmentStatus.SECONDED);
    Clocks.at("2026-08-01T00:00:00");
    support.runJobs(s.processInstanceId());

    SecondmentView back = support.view(s.id());
    assertThat(instance(s)).as("the unread reminder ends with the term").isNull();
    assertThat(back.status()).isEqualTo(SecondmentStatus.RETURNED);
    assertThat(back.stages()).isEmpty();
    assertThat(back.timeline().get(back.timeline().size() - 1)).satisfies(e -> {
      assertThat(e.stage()).isEqualTo(SecondmentKeys.RECORD_RETURN);
      assertThat(e.decision()).isEqualTo("RETURNED");
      assertThat(e.actor()).isEqualTo("system");
      assertThat(e.opinion()).contains("于2026-07-31期满，2026-08-01起回到葛石镇工作");
    });
  }

  @Test
  void shouldCountTheReminderBackOverPublicHolidays() {
    // ends Friday 2026-10-09: back over 国庆 (10-01..10-07 off) — 10-08, 09-30, 09-29, 09-28, and Sunday 09-27? see the calendar
    SecondmentView s = support.seconded(request(person(), "370921111", "2020-01-02", "2026-06-01", "2026-10-09",
        "秋收和国庆期间的专项工作，跨越5个月以上"));
    LocalDate expected = new cn.gov.reform.calendar.WorkingDayCalendar().before(LocalDate.of(2026, 10, 9), 5);
    assertThat(expected).isBefore(LocalDate.of(2026, 10, 1));
    assertThat(s.reminderDate()).isEqualTo(expected);
  }

  @Test
  void shouldLetAnExtensionFollowTheReturn() {
    String who = person();
    SecondmentView first = support.seconded(request(who, "370921111", "2020-01-02", "2026-03-16", "2026-05-15", null));
    Clocks.at("2026-05-16T00:00:00");
    support.runJobs(first.processInstanceId());
    assertThat(support.view(first.id()).status()).isEqualTo(SecondmentStatus.RETURNED);

    SecondmentView extension = support.submitted("ningyangrequester", request(who, "370921111", "2020-01-02", "2026-05-18",
        "2026-10-17", "项目验收推迟，需原班人员继续"));
    assertThat(extension.earlierMonths()).isEqualTo(2);
    assertThat(extension.totalMonths()).isEqualTo(7);
    assertThat(extension.extendsId()).isEqualTo(first.id());
    assertThat(extension.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity().name()).isEqualTo("WARNING");
      assertThat(f.message()).contains("借调5个月，连同此前连续借调的2个月共7个月");
    });
  }
}
