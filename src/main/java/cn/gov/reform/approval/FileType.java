package cn.gov.reform.approval;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of file an item may carry as attachments (附件), recognised by their content — the first bytes, and for
 * the zip-based formats the names inside — never by the name a file was sent under: a program renamed plan.pdf is
 * refused. OFD is the national standard for electronic official documents (GB/T 33190), a zip with OFD.xml at its
 * root.
 */
public enum FileType {
  PDF("application/pdf", "pdf"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
  OFD("application/ofd", "ofd"),
  JPG("image/jpeg", "jpg", "jpeg"),
  PNG("image/png", "png");

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private final String mediaType;
  private final List<String> extensions;

  FileType(String mediaType, String... extensions) {
    this.mediaType = mediaType;
    this.extensions = List.of(extensions);
  }

  public String mediaType() {
    return mediaType;
  }

  /** The usual file name extensions, the first one preferred. */
  public List<String> extensions() {
    return extensions;
  }

  /** The allowed types as officials read them: PDF、DOCX、XLSX、OFD、JPG、PNG. */
  public static String allowed() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining("、"));
  }

  /** What the content is, when it is one of the allowed types. */
  public static Optional<FileType> of(byte[] content) {
    if (startsWith(content, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (startsWith(content, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(content, JPEG_MAGIC)) {
      return Optional.of(JPG);
    }
    if (startsWith(content, ZIP_MAGIC)) {
      Set<String> names = ZipDirectory.names(content);
      if (names.contains("OFD.xml")) {
        return Optional.of(OFD);
      }
      if (names.stream().anyMatch(n -> n.startsWith("word/"))) {
        return Optional.of(DOCX);
      }
      if (names.stream().anyMatch(n -> n.startsWith("xl/"))) {
        return Optional.of(XLSX);
      }
    }
    return Optional.empty();
  }

  /**
   * The name the file is kept and offered under: the name as sent, ending in one of the type's extensions (a PDF sent
   * as 方案 or 方案.exe is offered as 方案.pdf or 方案.exe.pdf, so it opens in the right program).
   */
  public String nameFor(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return extensions.stream().anyMatch(e -> lower.endsWith("." + e)) ? name : name + "." + extensions.get(0);
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
  }
}
