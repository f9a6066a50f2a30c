package cn.gov.reform.audit;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.gov.reform.engine.EngineClock;

/**
 * The one writer and reader of the audit timeline of every procedure (table {@code app_audit_entry}): who did
 * what to which item, when, with which opinion. Entries are only ever added. The time is the engine's clock,
 * so tests that move the clock see it in the timeline too.
 */
@Repository
public class AuditTrail {

  /** The actor of steps the system takes by itself (job executor, timers). */
  public static final String SYSTEM = "system";

  /**
   * The decision of a step that records an official document (公文) issued on a decision (kernel {@code document}); its
   * task is the decision's task, its target the document's number. A decision that has one cannot be recalled.
   */
  public static final String DOCUMENT = "DOCUMENT";

  private final JdbcTemplate jdbc;

  public AuditTrail(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One step of an item's history. {@code stage} is the user-task key or system step, {@code decision} what
   * was decided (SUBMIT, APPROVE, RETURN, PASSED, OVERDUE, ...), {@code taskId} the engine task it came from.
   */
  public record Step(String stage, String stageName, String decision, String opinion, Integer version, String taskId,
      String target) {

    public static Step of(String stage, String stageName, String decision) {
      return new Step(stage, stageName, decision, null, null, null, null);
    }

    public Step opinion(String text) {
      return new Step(stage, stageName, decision, text, version, taskId, target);
    }

    public Step version(Integer v) {
      return new Step(stage, stageName, decision, opinion, v, taskId, target);
    }

    public Step task(String id) {
      return new Step(stage, stageName, decision, opinion, version, id, target);
    }

    /** Whom an approval operation was aimed at, as officials read it (转办给 …, 退回到 …). */
    public Step target(String whom) {
      return new Step(stage, stageName, decision, opinion, version, taskId, whom);
    }
  }

  /** Adds a step to the timeline of item {@code subjectId} of procedure {@code subjectType} (its process key). */
  public void record(String subjectType, String subjectId, String actor, Step step) {
    jdbc.update("""
        insert into app_audit_entry (subject_type, subject_id, stage, stage_name, decision, opinion, actor, at, task_id, version, target)
        values (?,?,?,?,?,?,?,?,?,?,?)""", subjectType, subjectId, step.stage(), step.stageName(), step.decision(),
        step.opinion(), actor == null ? SYSTEM : actor, Timestamp.from(EngineClock.now()), step.taskId(),
        step.version(), step.target());
  }

  /** The item's timeline, oldest first. */
  public List<TimelineEntry> timeline(String subjectType, String subjectId) {
    return steps(subjectType, subjectId).stream().map(Recorded::entry).toList();
  }

  /** A timeline entry with the engine task it was recorded at (null for steps outside a task). */
  public record Recorded(TimelineEntry entry, String taskId) {}

  /** The item's timeline with each entry's task, oldest first: the record page joins them with the task history. */
  public List<Recorded> steps(String subjectType, String subjectId) {
    return jdbc.query("select * from app_audit_entry where subject_type = ? and subject_id = ? order by id",
        (rs, i) -> new Recorded(new TimelineEntry(rs.getString("stage"), rs.getString("stage_name"), rs.getString("decision"),
            rs.getString("opinion"), rs.getString("actor"), rs.getTimestamp("at").toInstant(),
            (Integer) rs.getObject("version"), rs.getString("target"), rs.getString("task_id")), rs.getString("task_id")),
        subjectType, subjectId);
  }

  /** The steps taken at one task, oldest first (its operations and its decision). */
  public List<TimelineEntry> ofTask(String subjectType, String subjectId, String taskId) {
    return timeline(subjectType, subjectId).stream().filter(e -> taskId.equals(e.taskId())).toList();
  }
}
