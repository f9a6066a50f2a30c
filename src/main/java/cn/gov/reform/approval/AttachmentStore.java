package cn.gov.reform.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The attachments of every procedure's items (tables {@code app_attachment} and, for the bytes,
 * {@code app_attachment_content}): a list never reads a file's bytes, a download reads one file's.
 */
@Repository
class AttachmentStore {

  /** An attachment as stored; {@code version} null while it waits for its item's next submission. */
  record Row(String id, String subjectType, String subjectId, Integer version, String name, FileType type, long size,
      String sha256, String uploadedBy, Instant uploadedAt) {}

  private final JdbcTemplate jdbc;

  AttachmentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Row row, byte[] content) {
    jdbc.update("""
        insert into app_attachment (id, subject_type, subject_id, version, file_name, file_type, size_bytes, sha256,
          uploaded_by, uploaded_at) values (?,?,?,?,?,?,?,?,?,?)""", row.id(), row.subjectType(), row.subjectId(),
        row.version(), row.name(), row.type().name(), row.size(), row.sha256(), row.uploadedBy(),
        Timestamp.from(row.uploadedAt()));
    jdbc.update("insert into app_attachment_content (attachment_id, content) values (?,?)", row.id(), content);
  }

  /** The item's attachments, oldest first. */
  List<Row> of(String subjectType, String subjectId) {
    return jdbc.query("select * from app_attachment where subject_type = ? and subject_id = ? order by uploaded_at, id",
        this::row, subjectType, subjectId);
  }

  /** One attachment of the item; empty for another item's. */
  Optional<Row> find(String subjectType, String subjectId, String id) {
    return jdbc.query("select * from app_attachment where id = ? and subject_type = ? and subject_id = ?", this::row, id,
        subjectType, subjectId).stream().findFirst();
  }

  byte[] content(String id) {
    return jdbc.queryForObject("select content from app_attachment_content where attachment_id = ?",
        (rs, i) -> rs.getBytes(1), id);
  }

  void delete(String id) {
    jdbc.update("delete from app_attachment_content where attachment_id = ?", id);
    jdbc.update("delete from app_attachment where id = ?", id);
  }

  /** The files added while the item's author prepared this submission now belong to its version. */
  int stamp(String subjectType, String subjectId, int version) {
    return jdbc.update("update app_attachment set version = ? where subject_type = ? and subject_id = ? and version is null",
        version, subjectType, subjectId);
  }

  private Row row(ResultSet rs, int i) throws SQLException {
    return new Row(rs.getString("id"), rs.getString("subject_type"), rs.getString("subject_id"),
        (Integer) rs.getObject("version", Integer.class), rs.getString("file_name"), FileType.valueOf(rs.getString("file_type")),
        rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
  }
}
