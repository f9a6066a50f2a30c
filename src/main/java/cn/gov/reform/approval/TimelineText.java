package cn.gov.reform.approval;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.gov.reform.ReformApprovalApplication;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.identity.UserNames;

/**
 * An item's timeline as a review form's read-only text (历次审核意见): one line per step — when, which stage, the
 * decision in the procedure's words, who by name — and the opinion under it. Attachment steps are left out (the form
 * lists the files).
 */
@Component
public class TimelineText {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneId.of(ReformApprovalApplication.ZONE));

  private final UserNames users;

  public TimelineText(UserNames users) {
    this.users = users;
  }

  /** The steps with their decisions as {@code decisionLabel} words them; 暂无 when there are none. */
  public String opinions(List<TimelineEntry> timeline, Function<TimelineEntry, String> decisionLabel) {
    List<TimelineEntry> decided = timeline.stream()
        .filter(e -> !Attachments.UPLOAD.equals(e.decision()) && !Attachments.REMOVE.equals(e.decision())).toList();
    if (decided.isEmpty()) {
      return "暂无";
    }
    Map<String, String> names = users.of(decided.stream().map(TimelineEntry::actor).toList());
    return decided.stream()
        .map(e -> TIME.format(e.at()) + "  " + e.stageName() + " · " + decisionLabel.apply(e) + " · "
            + names.getOrDefault(e.actor(), e.actor())
            + (e.opinion() == null || e.opinion().isBlank() ? "" : "\n    意见：" + e.opinion()))
        .collect(Collectors.joining("\n"));
  }
}
