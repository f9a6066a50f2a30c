package cn.gov.reform.approval;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times in messages as officials read them: Beijing time, to the minute. */
final class Dates {

  private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
      .withZone(ZoneId.of("Asia/Shanghai"));

  private Dates() {}

  static String text(Instant at) {
    return TEXT.format(at);
  }
}
