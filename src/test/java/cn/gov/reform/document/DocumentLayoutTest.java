package cn.gov.reform.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;

/**
 * The layout of GB/T 9704-2012 in both files, without the app: a 批复 of 泰安 with two townships, read back as an
 * official would find it (Word's page set-up and fonts; the PDF's text and embedded fonts).
 */
class DocumentLayoutTest {

  static Composition sample(int townships) {
    List<DocumentContent.Block> body = new ArrayList<>();
    body.add(new DocumentContent.Paragraph("你县报送的《宁阳县乡镇行政管理体制改革方案》（第2版）收悉。经市委、市政府研究，现批复如下："));
    body.add(new DocumentContent.Heading(1, "总体意见"));
    body.add(new DocumentContent.Paragraph("原则同意《宁阳县乡镇行政管理体制改革方案》。"));
    body.add(new DocumentContent.Heading(1, "机构设置和编制"));
    body.add(new DocumentContent.Heading(2, "蒋集镇"));
    body.add(new DocumentContent.Paragraph("设党政工作机构5个：党政综合办公室（编制6名）、党建工作办公室（编制5名）、经济发展办公室（编制5名）、"
        + "社会事务办公室（编制5名）、综合行政执法办公室（编制6名）。设事业单位4个。核定行政编制40名、事业编制60名，领导职数9名。"));
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < townships; i++) {
      rows.add(List.of(i == 0 ? "蒋集镇" : "东庄镇" + i, "党政综合办公室（6）、党建工作办公室（5）、经济发展办公室（5）、社会事务办公室（5）、综合行政执法办公室（6）",
          "便民服务中心（15）、农业综合服务中心（15）、财经服务中心（10）、公共文化服务中心（10）", "40", "60", "9"));
    }
    body.add(new DocumentContent.Table(List.of(new DocumentContent.Column("乡镇（街道）", 3), new DocumentContent.Column("党政工作机构（编制）", 8),
        new DocumentContent.Column("事业单位（编制）", 8), new DocumentContent.Column("行政编制", 2), new DocumentContent.Column("事业编制", 2),
        new DocumentContent.Column("领导职数", 2)), rows));
    body.add(new DocumentContent.Heading(1, "工作要求"));
    body.add(new DocumentContent.Paragraph("请你县按照鲁厅字〔2018〕33号文件要求，认真组织实施，并报省机构编制委员会办公室备案。"));
    body.add(new DocumentContent.Paragraph("此复。"));
    return new Composition(new IssuingBody("approver:370900", List.of("中共泰安市委", "泰安市人民政府"), "泰发", "中共泰安市委办公室", null),
        "泰发〔2026〕12号", LocalDate.of(2026, 11, 30), new DocumentContent("批复",
            "中共泰安市委 泰安市人民政府关于宁阳县乡镇行政管理体制改革方案的批复", List.of("中共宁阳县委", "宁阳县人民政府"), body,
            List.of("山东省机构编制委员会办公室", "泰安市机构编制委员会办公室")));
  }

  @Test
  void shouldSetTheDocxUpAsGbT9704WithTheOfficialFonts() throws IOException {
    byte[] docx = new DocxRenderer().render(sample(2), Instant.parse("2026-11-30T02:00:00Z"));
    write("sample.docx", docx);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      CTPageMar margins = doc.getDocument().getBody().getSectPr().getPgMar();
      assertThat(margins.getTop().toString()).isEqualTo("2098");
      assertThat(margins.getLeft().toString()).isEqualTo("1588");
      String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
      assertThat(text).contains("泰发〔2026〕12号", "中共泰安市委 泰安市人民政府关于宁阳县乡镇行政管理体制改革方案的批复",
          "中共宁阳县委、宁阳县人民政府：", "一、总体意见", "（一）蒋集镇", "2026年11月30日", "抄送：山东省机构编制委员会办公室，泰安市机构编制委员会办公室。");
      List<String> fonts = new ArrayList<>();
      for (XWPFParagraph p : doc.getParagraphs()) {
        for (XWPFRun r : p.getRuns()) {
          fonts.add(r.getFontFamily(XWPFRun.FontCharRange.eastAsia));
        }
      }
      assertThat(fonts).contains("仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312");
    }
  }

  @Test
  void shouldRenderThePdfWithItsTextAndEmbeddedFonts() throws IOException {
    byte[] pdf = new PdfRenderer().render(sample(12), Instant.parse("2026-11-30T02:00:00Z"));
    write("sample.pdf", pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("泰发〔2026〕12号", "中共宁阳县委、宁阳县人民政府：", "原则同意《宁阳县乡镇行政管理体制改革方案》", "— 1 —");
      // 避头: no line of the text starts with a closing mark
      assertThat(text.lines().map(String::strip)).noneMatch(l -> !l.isEmpty() && "，。、：；）》〕".indexOf(l.charAt(0)) >= 0);
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        javax.imageio.ImageIO.write(renderer.renderImageWithDPI(i, 60), "png", Path.of("target", "sample-" + (i + 1) + ".png").toFile());
      }
    }
  }

  private static void write(String name, byte[] bytes) throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", name), bytes);
  }
}
