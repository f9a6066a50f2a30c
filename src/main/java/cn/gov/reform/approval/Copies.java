package cn.gov.reform.approval;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.gov.reform.engine.EngineClock;

/**
 * 抄送: who received an item for information (table {@code app_copy}). A recipient may read the item and its
 * timeline, never work its tasks: a copy is the app's own record, not a Camunda identity link (which would grant
 * the recipient work on the task).
 */
@Repository
public class Copies {

  private final JdbcTemplate jdbc;

  public Copies(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record Copy(String subjectType, String subjectId, String recipient, String sentBy, java.time.Instant at,
      String reason) {}

  /** Adds the recipients who do not have the item yet; answers those added. */
  public List<String> send(String subjectType, String subjectId, List<String> recipients, String sentBy, String reason) {
    List<String> added = new java.util.ArrayList<>();
    for (String recipient : recipients) {
      if (!received(subjectType, subjectId, recipient)) {
        jdbc.update("insert into app_copy (subject_type, subject_id, recipient, sent_by, at, reason) values (?,?,?,?,?,?)",
            subjectType, subjectId, recipient, sentBy, Timestamp.from(EngineClock.now()), reason);
        added.add(recipient);
      }
    }
    return added;
  }

  public boolean received(String subjectType, String subjectId, String userId) {
    Integer n = jdbc.queryForObject(
        "select count(*) from app_copy where recipient = ? and subject_type = ? and subject_id = ?", Integer.class,
        userId, subjectType, subjectId);
    return n != null && n > 0;
  }

  public List<Copy> of(String subjectType, String subjectId) {
    return jdbc.query("select * from app_copy where subject_type = ? and subject_id = ? order by id", this::row,
        subjectType, subjectId);
  }

  /** What this user received, newest first. */
  public List<Copy> receivedBy(String userId, int page, int size) {
    return jdbc.query("select * from app_copy where recipient = ? order by id desc limit ? offset ?", this::row, userId,
        size, (long) page * size);
  }

  private Copy row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Copy(rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("recipient"),
        rs.getString("sent_by"), rs.getTimestamp("at").toInstant(), rs.getString("reason"));
  }
}
