package cn.gov.reform.secondment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.secondments} (README "借调"): how many working days before a secondment ends the requester and the township are
 * reminded, and how many days may lie between an approved secondment's end and a new request's start for the new one to
 * count as its extension (its months added to the new period's for the 6-month rule of the decision table
 * {@value SecondmentKeys#RULES_DECISION}).
 */
@ConfigurationProperties("app.secondments")
record SecondmentProperties(Integer reminderWorkingDays, Integer extensionWithinDays) {

  SecondmentProperties {
    if (reminderWorkingDays == null || reminderWorkingDays < 0) {
      throw new IllegalStateException("app.secondments.reminder-working-days must be configured (≥ 0)");
    }
    if (extensionWithinDays == null || extensionWithinDays < 0) {
      throw new IllegalStateException("app.secondments.extension-within-days must be configured (≥ 0)");
    }
  }
}
