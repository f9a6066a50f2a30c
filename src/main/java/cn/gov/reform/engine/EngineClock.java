package cn.gov.reform.engine;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, which every timestamp of the app follows: tests move it (and execute the due timer
 * jobs) instead of waiting, and the timeline, due dates and deadlines move with it.
 */
public final class EngineClock {

  private EngineClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static Date nowDate() {
    return ClockUtil.getCurrentTime();
  }
}
