package cn.gov.reform.calendar;

import org.springframework.stereotype.Component;

/** Stage time limits for BPMN expressions: {@code ${workingDayCalendar.after(timeLimits.of('cityReview'))}}. */
@Component("timeLimits")
public class TimeLimits {

  private final DeadlineProperties properties;

  public TimeLimits(DeadlineProperties properties) {
    this.properties = properties;
  }

  /** The limit of a stage in working days; a stage without one is refused loudly rather than guessed. */
  public int of(String taskKey) {
    Integer days = properties.workingDays().get(taskKey);
    if (days == null || days < 0) {
      throw new IllegalStateException("app.deadlines.working-days." + taskKey + " is not configured");
    }
    return days;
  }

  /** Working days a reminder gives before the supervisor is told. */
  public int reminder() {
    return properties.reminderWorkingDays();
  }
}
