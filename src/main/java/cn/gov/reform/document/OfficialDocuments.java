package cn.gov.reform.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.approval.AttachmentTexts;
import cn.gov.reform.approval.Procedures;
import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.identity.Jurisdiction;

/**
 * Official documents (公文) for every procedure: a procedure hands over what its decision says ({@link DocumentContent})
 * and who issues it ({@link IssuingBodies}); this numbers it (the next 发文字号 of the body's sequence for the year, or
 * the number the procedure gives, e.g. a filing number), lays it out as DOCX and PDF, stores both with their SHA-256,
 * and writes the step into the item's timeline — all in the caller's transaction, so a decision that fails leaves no
 * document and no used number behind. A stored document is never generated again or changed; a correction is a new
 * document with a new number. Readers see an item's documents under the item's own rule ({@link Procedures#visible}).
 */
@Service
public class OfficialDocuments {

  /** The timeline step of an issued document (decision {@link AuditTrail#DOCUMENT}, target its number). */
  public static final String STEP = "officialDocument";

  private static final Logger LOG = LoggerFactory.getLogger(OfficialDocuments.class);

  private final DocumentRepository documents;
  private final DocumentNumbers numbers;
  private final DocumentProperties properties;
  private final DocxRenderer docx;
  private final PdfRenderer pdf;
  private final AuditTrail audit;
  private final Procedures procedures;
  private final ObjectMapper json;

  OfficialDocuments(DocumentRepository documents, DocumentNumbers numbers, DocumentProperties properties, DocxRenderer docx,
      PdfRenderer pdf, AuditTrail audit, Procedures procedures, ObjectMapper json) {
    this.documents = documents;
    this.numbers = numbers;
    this.properties = properties;
    this.docx = docx;
    this.pdf = pdf;
    this.audit = audit;
    this.procedures = procedures;
    this.json = json;
  }

  /**
   * A document to issue: the item ({@code subjectType} = process key, {@code subjectId} = business key), the decision it
   * records (stage, its name, decision, task, who decided), the issuing body, the number if the procedure has one
   * already (null: the body's next 发文字号), and the content.
   */
  public record Request(String subjectType, String subjectId, String stage, String stageName, String decision, String taskId,
      String actor, IssuingBody issuer, String number, DocumentContent content) {}

  /** Numbers, lays out and stores the document; call inside the transaction of the decision it records. */
  public IssuedDocument issue(Request r) {
    Instant now = EngineClock.now();
    LocalDate date = now.atZone(WorkingDayCalendar.ZONE).toLocalDate();
    String number = r.number() != null ? r.number() : nextNumber(r.issuer(), date.getYear());
    Composition composition = new Composition(r.issuer(), number, date, r.content());
    long started = System.nanoTime();
    byte[] docxBytes = docx.render(composition, now);
    byte[] pdfBytes = pdf.render(composition, now);
    DocumentRepository.Row row = new DocumentRepository.Row(UUID.randomUUID().toString(), r.subjectType(), r.subjectId(),
        r.content().kind(), number, r.issuer().key(), r.issuer().name(), r.content().title(), r.stage(), r.stageName(),
        r.decision(), r.taskId(), date, r.actor() == null ? AuditTrail.SYSTEM : r.actor(), now, content(composition),
        sha256(docxBytes), sha256(pdfBytes));
    documents.insert(row, docxBytes, pdfBytes);
    audit.record(r.subjectType(), r.subjectId(), AuditTrail.SYSTEM, AuditTrail.Step.of(STEP, "印发" + r.content().kind(),
        AuditTrail.DOCUMENT).opinion(number + " " + r.content().title()).task(r.taskId()).target(number));
    LOG.info("{} {} issued for {} {} ({} and {} bytes, {} ms)", r.content().kind(), number, r.subjectType(), r.subjectId(),
        docxBytes.length, pdfBytes.length, (System.nanoTime() - started) / 1_000_000);
    return view(row);
  }

  /** Whether a document already has this number (a procedure checks a number typed by hand). */
  public boolean numberTaken(String number) {
    return documents.numberTaken(number);
  }

  /** The item's documents, oldest first, whoever asks (for the procedure itself; readers use {@link #visible}). */
  public List<IssuedDocument> of(String subjectType, String subjectId) {
    return documents.of(subjectType, subjectId).stream().map(this::view).toList();
  }

  /** Task-local form text of the item's documents as download links (a form-js text field shows it; hidden when none). */
  public static final String FORM_TEXT = "documentsText";

  /** The item's documents as markdown download links (DOCX and PDF), or null when it has none. */
  public String markdown(String processKey, String businessKey) {
    List<IssuedDocument> issued = of(processKey, businessKey);
    if (issued.isEmpty()) {
      return null;
    }
    String base = "/api/records/" + processKey + "/" + businessKey + "/documents/";
    StringBuilder text = new StringBuilder("**公文**（" + issued.size() + "件）\n");
    for (IssuedDocument d : issued) {
      text.append("\n- ").append(AttachmentTexts.escape(d.number() + " " + d.kind() + "：" + d.title())).append(" · [DOCX](")
          .append(base).append(d.id()).append(".docx) · [PDF](").append(base).append(d.id()).append(".pdf)");
    }
    return text.toString();
  }

  /** The item's documents for a caller who may see the item; empty for an item they may not see. */
  public Optional<List<IssuedDocument>> visible(String processKey, String businessKey, Jurisdiction caller) {
    return procedures.visible(processKey, businessKey, caller).map(s -> of(processKey, businessKey));
  }

  /** A stored file as it was generated, with what a download needs. */
  public record File(IssuedDocument document, String mediaType, String extension, byte[] bytes, String sha256) {}

  /** One of a visible item's files, {@code docx} or {@code pdf}; empty when the item or the document is not there. */
  public Optional<File> file(String processKey, String businessKey, String id, String extension, Jurisdiction caller) {
    DocumentRepository.Format format = DocumentRepository.Format.valueOf(extension.toUpperCase());
    return procedures.visible(processKey, businessKey, caller).flatMap(s -> documents.find(processKey, businessKey, id))
        .map(row -> new File(view(row), format.mediaType, format.column, documents.file(row.id(), format),
            format == DocumentRepository.Format.DOCX ? row.docxSha256() : row.pdfSha256()));
  }

  /** The body's next 发文字号 for the year; a number somebody already gave (by hand) is skipped, never repeated. */
  private String nextNumber(IssuingBody issuer, int year) {
    while (true) {
      int n = numbers.next(issuer.key(), year);
      String number = properties.numberPattern().replace("{abbr}", issuer.abbreviation())
          .replace("{year}", String.valueOf(year)).replace("{n}", String.valueOf(n));
      if (!documents.numberTaken(number)) {
        return number;
      }
    }
  }

  private IssuedDocument view(DocumentRepository.Row r) {
    String base = "/api/records/" + r.subjectType() + "/" + r.subjectId() + "/documents/" + r.id();
    return new IssuedDocument(r.id(), r.number(), r.kind(), r.title(), r.issuerName(), r.stage(), r.stageName(), r.decision(),
        r.taskId(), r.issuedOn(), r.createdAt(), r.docxSha256(), r.pdfSha256(), base + ".docx", base + ".pdf");
  }

  /** What was laid out, kept beside the files (JSON): issuer, number, date and content. */
  private String content(Composition c) {
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("issuer", c.issuer());
    stored.put("number", c.number());
    stored.put("date", c.date().toString());
    stored.put("content", c.content());
    try {
      return json.writeValueAsString(stored);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
