package cn.gov.reform.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code app_document}: every official document with its two files, written once and never changed. */
@Repository
class DocumentRepository {

  /** A stored document's row, with the decision it records; files are read separately. */
  record Row(String id, String subjectType, String subjectId, String kind, String number, String issuerKey, String issuerName,
      String title, String stage, String stageName, String decision, String taskId, LocalDate issuedOn, String createdBy,
      Instant createdAt, String content, String docxSha256, String pdfSha256) {}

  private static final String COLUMNS = "id, subject_type, subject_id, doc_kind, doc_number, issuer_key, issuer_name, title, "
      + "stage, stage_name, decision, task_id, issued_on, created_by, created_at, content, docx_sha256, pdf_sha256";

  private final JdbcTemplate jdbc;

  DocumentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Row r, byte[] docx, byte[] pdf) {
    jdbc.update("insert into app_document (" + COLUMNS + ", docx, pdf) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        r.id(), r.subjectType(), r.subjectId(), r.kind(), r.number(), r.issuerKey(), r.issuerName(), r.title(), r.stage(),
        r.stageName(), r.decision(), r.taskId(), r.issuedOn(), r.createdBy(), Timestamp.from(r.createdAt()), r.content(),
        r.docxSha256(), r.pdfSha256(), docx, pdf);
  }

  /** An item's documents, oldest first. */
  List<Row> of(String subjectType, String subjectId) {
    return jdbc.query("select " + COLUMNS + " from app_document where subject_type = ? and subject_id = ? order by created_at, doc_number",
        DocumentRepository::row, subjectType, subjectId);
  }

  Optional<Row> find(String subjectType, String subjectId, String id) {
    return jdbc.query("select " + COLUMNS + " from app_document where subject_type = ? and subject_id = ? and id = ?",
        DocumentRepository::row, subjectType, subjectId, id).stream().findFirst();
  }

  /** The stored file, {@code docx} or {@code pdf}. */
  byte[] file(String id, Format format) {
    return jdbc.queryForObject("select " + format.column + " from app_document where id = ?", (rs, i) -> rs.getBytes(1), id);
  }

  boolean numberTaken(String number) {
    return jdbc.queryForObject("select count(*) from app_document where doc_number = ?", Integer.class, number) > 0;
  }

  private static Row row(ResultSet rs, int i) throws SQLException {
    return new Row(rs.getString("id"), rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("doc_kind"),
        rs.getString("doc_number"), rs.getString("issuer_key"), rs.getString("issuer_name"), rs.getString("title"),
        rs.getString("stage"), rs.getString("stage_name"), rs.getString("decision"), rs.getString("task_id"),
        rs.getDate("issued_on").toLocalDate(), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
        rs.getString("content"), rs.getString("docx_sha256"), rs.getString("pdf_sha256"));
  }

  /** The two files of a document. */
  enum Format {
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    PDF("pdf", "application/pdf");

    final String column;
    final String mediaType;

    Format(String column, String mediaType) {
      this.column = column;
      this.mediaType = mediaType;
    }
  }
}
