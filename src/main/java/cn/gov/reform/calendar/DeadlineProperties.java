package cn.gov.reform.calendar;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.deadlines}: stage time limits in working days per user-task key, and how many working
 * days a reminder (催办) gives before the province's supervisor is told.
 */
@ConfigurationProperties("app.deadlines")
public record DeadlineProperties(Map<String, Integer> workingDays, Integer reminderWorkingDays) {

  public DeadlineProperties {
    workingDays = workingDays == null ? Map.of() : Map.copyOf(workingDays);
    reminderWorkingDays = reminderWorkingDays == null ? 3 : reminderWorkingDays;
  }
}
