package cn.gov.reform.support;

import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import cn.gov.reform.calendar.WorkingDayCalendar;

/** The engine's clock moved to a Beijing time ({@code 2020-12-30T09:00:00}); tests reset it afterwards. */
public final class Clocks {

  private Clocks() {}

  public static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant()));
  }
}
