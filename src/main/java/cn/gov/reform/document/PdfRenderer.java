package cn.gov.reform.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Lays a document out as PDF in the JVM (PDFBox), to GB/T 9704-2012's measures ({@link Composition}). The official
 * fonts (仿宋_GB2312, 方正小标宋简体 …) are not free to bundle, so the PDF uses the bundled TrueType fonts, embedded as
 * subsets: Droid Sans Fallback for Chinese, DejaVu Serif for Arabic numerals, Latin letters and the marks Droid lacks
 * (src/main/resources/fonts, see NOTICE); 黑体 and 小标宋 parts are drawn heavier. The DOCX names the official fonts.
 * Chinese text keeps the 28-character grid: full-width characters step 156/28 mm, lines 225/22 mm.
 */
@Component
class PdfRenderer {

  private final byte[] cjkFont = read("fonts/DroidSansFallbackFull.ttf");
  private final byte[] latinFont = read("fonts/DejaVuSerif.ttf");

  private static byte[] read(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("bundled font " + path + " missing", e);
    }
  }

  byte[] render(Composition c, Instant createdAt) {
    try (TrueTypeFont cjkTtf = new TTFParser().parse(new RandomAccessReadBuffer(cjkFont));
        TrueTypeFont latinTtf = new TTFParser().parse(new RandomAccessReadBuffer(latinFont));
        PDDocument doc = new PDDocument()) {
      new PdfLayout(doc, new PdfLayout.Fonts(PDType0Font.load(doc, cjkTtf, true), cjkTtf.getUnicodeCmapLookup(),
          PDType0Font.load(doc, latinTtf, true), latinTtf.getUnicodeCmapLookup())).document(c);
      info(doc, c, createdAt);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("PDF of " + c.number() + " could not be written", e);
    }
  }

  private static void info(PDDocument doc, Composition c, Instant createdAt) {
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(c.content().title());
    info.setSubject(c.number());
    info.setAuthor(c.issuer().name());
    info.setCreator("乡镇改革方案审批");
    Calendar at = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
    at.setTimeInMillis(createdAt.toEpochMilli());
    info.setCreationDate(at);
    info.setModificationDate(at);
    doc.getDocumentCatalog().setLanguage("zh-CN");
  }
}
