package cn.gov.reform.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * Small real files of the kinds a county attaches to its plan, built here rather than kept as binaries: a one-page
 * PDF written by hand, Word and Excel documents and an OFD as the zips they are, a JPEG and a PNG drawn with ImageIO;
 * and a Windows program (MZ header) to rename.
 */
public final class SampleFiles {

  private SampleFiles() {}

  /** A one-page PDF with a cross-reference table, as a PDF writer would make it; {@code size} pads it with a comment. */
  public static byte[] pdf(int size) {
    String[] objects = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"};
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    StringBuilder xref = new StringBuilder("xref\n0 4\n0000000000 65535 f \n");
    for (int i = 0; i < objects.length; i++) {
      xref.append(String.format("%010d 00000 n \n", pdf.length()));
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int start = pdf.length();
    pdf.append(xref).append("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n").append(start).append("\n%%EOF\n");
    byte[] text = pdf.toString().getBytes(StandardCharsets.US_ASCII);
    if (size <= text.length) {
      return text;
    }
    byte[] padded = new byte[size];
    System.arraycopy(text, 0, padded, 0, text.length);
    padded[text.length] = '%';
    for (int i = text.length + 1; i < size - 1; i++) {
      padded[i] = 'x';
    }
    padded[size - 1] = '\n';
    return padded;
  }

  public static byte[] pdf() {
    return pdf(0);
  }

  public static byte[] docx() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
        + "package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
        + "officedocument.wordprocessingml.document.main+xml\"/></Types>");
    entries.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
        + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
    entries.put("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats"
        + ".org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>磁窑镇机构编制测算说明</w:t></w:r></w:p></w:body></w:document>");
    return zip(entries);
  }

  public static byte[] xlsx() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
        + "package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
        + "officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
    entries.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
        + "spreadsheetml/2006/main\"><sheets><sheet name=\"编制\" sheetId=\"1\"/></sheets></workbook>");
    return zip(entries);
  }

  /** An OFD (GB/T 33190): a zip with OFD.xml at its root pointing to the document. */
  public static byte[] ofd() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" "
        + "Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
    entries.put("Doc_0/Document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>");
    return zip(entries);
  }

  /** A zip that is none of the office formats (a packed folder renamed .docx). */
  public static byte[] plainZip() {
    return zip(Map.of("readme.txt", "not a document"));
  }

  public static byte[] jpg() {
    return image("jpg");
  }

  public static byte[] png() {
    return image("png");
  }

  /** The start of a Windows program: an MZ header and a PE signature, the kind of file a renamed plan.pdf may hide. */
  public static byte[] windowsProgram() {
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3C] = (byte) 0x80;
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    return exe;
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] zip(Map<String, String> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] image(String format) {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, 0xC00000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
