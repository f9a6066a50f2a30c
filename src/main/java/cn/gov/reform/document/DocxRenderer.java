package cn.gov.reform.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STXAlign;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STYAlign;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHAnchor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVAnchor;
import org.springframework.stereotype.Component;

/**
 * Writes a document as DOCX (Apache POI) in the layout of GB/T 9704-2012 ({@link Composition}): A4, margins 37 mm top
 * and 28 mm left around a 156 × 225 mm 版心 with a grid of 22 lines × 28 characters; the official fonts named on every
 * run (the East Asian font is what Word uses for Chinese): 方正小标宋简体 for 发文机关标志 (red) and title, 仿宋_GB2312 for
 * the text, 黑体 and 楷体_GB2312 for the first two heading levels; the red rule under the 发文字号; page numbers
 * "— 1 —" (odd pages right, even pages left); 版记 as a table held to the foot of the last page.
 */
@Component
class DocxRenderer {

  /** Word's own conversion, 567 twips to the centimetre: 37 mm → 2098, 28 mm → 1588. */
  static long twips(double mm) {
    return Math.round(mm * 56.7);
  }

  private static final long TEXT_WIDTH = twips(Composition.TEXT_WIDTH_MM);
  /** 225 mm / 22 lines = 28.95 pt. */
  private static final long LINE = (long) (Composition.TEXT_HEIGHT_MM / Composition.LINES * 1440 / 25.4);
  private static final double CELL = Composition.TEXT_WIDTH_MM / Composition.CHARS * 1440 / 25.4;

  byte[] render(Composition c, Instant createdAt) {
    try (XWPFDocument doc = new XWPFDocument()) {
      page(doc);
      mark(doc, c.issuer());
      XWPFParagraph number = paragraph(doc, ParagraphAlignment.CENTER);
      spacing(number, 2 * LINE, LINE);
      run(number, c.number(), Composition.FANGSONG, Composition.BODY_PT);
      // the red rule 4 mm under the number, as wide as the 版心
      CTBorder rule = number.getCTPPr().addNewPBdr().addNewBottom();
      rule.setVal(STBorder.SINGLE);
      rule.setSz(BigInteger.valueOf(12));
      rule.setSpace(BigInteger.valueOf(11));
      rule.setColor(Composition.RED);
      XWPFParagraph title = paragraph(doc, ParagraphAlignment.CENTER);
      spacing(title, 2 * LINE, LINE);
      run(title, c.content().title(), Composition.XIAOBIAOSONG, Composition.TITLE_PT);
      if (c.addresseesText() != null) {
        XWPFParagraph to = paragraph(doc, ParagraphAlignment.BOTH);
        spacing(to, LINE, LINE);
        run(to, c.addresseesText(), Composition.FANGSONG, Composition.BODY_PT);
      }
      List<String> numbers = c.headingNumbers();
      for (int i = 0; i < c.content().body().size(); i++) {
        DocumentContent.Block block = c.content().body().get(i);
        if (block instanceof DocumentContent.Heading h) {
          text(doc, numbers.get(i) + h.text(), switch (h.level()) {
            case 1 -> Composition.HEITI;
            case 2 -> Composition.KAITI;
            default -> Composition.FANGSONG;
          });
        } else if (block instanceof DocumentContent.Paragraph p) {
          text(doc, p.text(), Composition.FANGSONG);
        } else if (block instanceof DocumentContent.Table t) {
          table(doc, t);
        }
      }
      signature(doc, c);
      colophon(doc, c);
      pageNumbers(doc);
      properties(doc, c, createdAt);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("DOCX of " + c.number() + " could not be written", e);
    }
  }

  /** A4, the margins and the 22 × 28 grid; 仿宋_GB2312 3号 as the document's default. */
  private static void page(XWPFDocument doc) {
    CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
        : doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(twips(Composition.PAGE_WIDTH_MM)));
    size.setH(BigInteger.valueOf(twips(Composition.PAGE_HEIGHT_MM)));
    CTPageMar margins = section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(twips(Composition.TOP_MM)));
    margins.setLeft(BigInteger.valueOf(twips(Composition.LEFT_MM)));
    margins.setRight(BigInteger.valueOf(twips(Composition.PAGE_WIDTH_MM - Composition.LEFT_MM - Composition.TEXT_WIDTH_MM)));
    margins.setBottom(BigInteger.valueOf(twips(Composition.PAGE_HEIGHT_MM - Composition.TOP_MM - Composition.TEXT_HEIGHT_MM)));
    margins.setHeader(BigInteger.valueOf(twips(15)));
    // the page number's 一字线 7 mm under the 版心
    margins.setFooter(BigInteger.valueOf(twips(Composition.PAGE_HEIGHT_MM - Composition.TOP_MM - Composition.TEXT_HEIGHT_MM
        - Composition.PAGE_NUMBER_GAP_MM - 6)));
    margins.setGutter(BigInteger.ZERO);
    CTDocGrid grid = section.addNewDocGrid();
    grid.setType(STDocGrid.LINES_AND_CHARS);
    grid.setLinePitch(BigInteger.valueOf(LINE));
    // character pitch = default size + charSpace/4096 pt: 156 mm / 28 = 15.79 pt for 16 pt text
    double pitch = Composition.TEXT_WIDTH_MM / Composition.CHARS * 72 / 25.4;
    grid.setCharSpace(BigInteger.valueOf(Math.round((pitch - Composition.BODY_PT) * 4096)));
    CTFonts defaults = CTFonts.Factory.newInstance();
    fonts(defaults, Composition.FANGSONG);
    doc.createStyles().setDefaultFonts(defaults);
  }

  /** 发文机关标志, red 小标宋, 35 mm below the top of the 版心; joint bodies stacked with 文件 beside them. */
  private static void mark(XWPFDocument doc, IssuingBody issuer) {
    int size = issuer.names().size() == 1 ? 40 : 32;
    double widest = issuer.names().stream().mapToDouble(Composition::cells).max().orElse(1) + 2.5;
    int scale = (int) Math.min(100, Math.floor(Composition.TEXT_WIDTH_MM * 72 / 25.4 / (widest * size) * 100));
    if (issuer.names().size() == 1) {
      XWPFParagraph p = paragraph(doc, ParagraphAlignment.CENTER);
      spacing(p, twips(Composition.MARK_OFFSET_MM), 0);
      mark(run(p, issuer.names().get(0) + "文件", Composition.XIAOBIAOSONG, size), scale);
      return;
    }
    XWPFParagraph space = paragraph(doc, ParagraphAlignment.LEFT);
    spacing(space, 0, twips(Composition.MARK_OFFSET_MM));
    XWPFTable table = doc.createTable(1, 2);
    table.setTableAlignment(TableRowAlign.CENTER);
    noBorders(table);
    XWPFTableCell names = table.getRow(0).getCell(0);
    for (int i = 0; i < issuer.names().size(); i++) {
      XWPFParagraph p = i == 0 ? names.getParagraphs().get(0) : names.addParagraph();
      p.setAlignment(ParagraphAlignment.DISTRIBUTE);
      mark(run(p, issuer.names().get(i), Composition.XIAOBIAOSONG, size), scale);
    }
    XWPFTableCell suffix = table.getRow(0).getCell(1);
    suffix.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
    mark(run(suffix.getParagraphs().get(0), "文件", Composition.XIAOBIAOSONG, size), scale);
  }

  private static void mark(XWPFRun run, int scale) {
    run.setColor(Composition.RED);
    run.setCharacterSpacing(0);
    run.getCTR().getRPr().addNewW().setVal(scale);
  }

  /** A body paragraph or heading: 首行缩进二字, on the grid, justified. */
  private static void text(XWPFDocument doc, String text, String font) {
    XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH);
    spacing(p, 0, LINE);
    CTInd ind = p.getCTPPr().addNewInd();
    ind.setFirstLineChars(BigInteger.valueOf(200));
    ind.setFirstLine(BigInteger.valueOf(Math.round(2 * CELL)));
    run(p, text, font, Composition.BODY_PT);
  }

  private static void table(XWPFDocument doc, DocumentContent.Table t) {
    XWPFTable table = doc.createTable(t.rows().size() + 1, t.columns().size());
    table.setTableAlignment(TableRowAlign.CENTER);
    table.setWidth(String.valueOf(TEXT_WIDTH));
    int total = t.columns().stream().mapToInt(DocumentContent.Column::weight).sum();
    XWPFTableRow head = table.getRow(0);
    head.setRepeatHeader(true);
    for (int r = 0; r <= t.rows().size(); r++) {
      XWPFTableRow row = table.getRow(r);
      for (int i = 0; i < t.columns().size(); i++) {
        XWPFTableCell cell = row.getCell(i);
        cell.setWidth(String.valueOf(TEXT_WIDTH * t.columns().get(i).weight() / total));
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        String value = r == 0 ? t.columns().get(i).label() : t.rows().get(r - 1).get(i);
        XWPFParagraph p = cell.getParagraphs().get(0);
        boolean centre = r == 0 || value == null || value.matches("[0-9]+|—");
        p.setAlignment(centre ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        p.setSpacingBetween(1.0);
        run(p, value == null ? "" : value, r == 0 ? Composition.HEITI : Composition.FANGSONG, Composition.TABLE_PT);
      }
    }
    XWPFParagraph after = paragraph(doc, ParagraphAlignment.LEFT);
    spacing(after, 0, LINE / 2);
  }

  /** 署名 and 成文日期 where {@link Composition#signature} puts them, after 空一行. */
  private static void signature(XWPFDocument doc, Composition c) {
    Composition.Signature at = c.signature();
    boolean first = true;
    for (String name : c.issuer().names()) {
      XWPFParagraph p = paragraph(doc, ParagraphAlignment.LEFT);
      spacing(p, first ? LINE : 0, LINE);
      indentLeft(p, at.namesStart());
      run(p, name, Composition.FANGSONG, Composition.BODY_PT);
      first = false;
    }
    XWPFParagraph date = paragraph(doc, ParagraphAlignment.LEFT);
    spacing(date, 0, LINE);
    indentLeft(date, at.dateStart());
    run(date, c.dateText(), Composition.FANGSONG, Composition.BODY_PT);
  }

  private static void indentLeft(XWPFParagraph p, double chars) {
    CTInd ind = p.getCTPPr().addNewInd();
    ind.setLeftChars(BigInteger.valueOf(Math.round(chars * 100)));
    ind.setLeft(BigInteger.valueOf(Math.round(chars * CELL)));
  }

  /**
   * 版记: a table anchored to the bottom of the 版心 (so it stands at the foot of the last page, its last rule on the
   * lower edge of the 版心): 抄送 above a thin rule, 印发机关 left and 印发日期 right, thick rules above and below (4号仿宋).
   */
  private static void colophon(XWPFDocument doc, Composition c) {
    boolean copies = c.copiesText() != null;
    XWPFTable table = doc.createTable(copies ? 2 : 1, 2);
    table.setWidth(String.valueOf(TEXT_WIDTH));
    CTTblPr pr = table.getCTTbl().getTblPr();
    CTTblPPr position = pr.isSetTblpPr() ? pr.getTblpPr() : pr.addNewTblpPr();
    position.setVertAnchor(STVAnchor.MARGIN);
    position.setTblpYSpec(STYAlign.BOTTOM);
    position.setHorzAnchor(STHAnchor.MARGIN);
    position.setTblpXSpec(STXAlign.CENTER);
    CTTblBorders borders = pr.isSetTblBorders() ? pr.getTblBorders() : pr.addNewTblBorders();
    border(borders.isSetTop() ? borders.getTop() : borders.addNewTop(), STBorder.SINGLE, 8);
    border(borders.isSetBottom() ? borders.getBottom() : borders.addNewBottom(), STBorder.SINGLE, 8);
    border(borders.isSetInsideH() ? borders.getInsideH() : borders.addNewInsideH(), STBorder.SINGLE, 4);
    border(borders.isSetLeft() ? borders.getLeft() : borders.addNewLeft(), STBorder.NONE, 0);
    border(borders.isSetRight() ? borders.getRight() : borders.addNewRight(), STBorder.NONE, 0);
    border(borders.isSetInsideV() ? borders.getInsideV() : borders.addNewInsideV(), STBorder.NONE, 0);
    int row = 0;
    if (copies) {
      XWPFTableRow r = table.getRow(row++);
      r.removeCell(1);
      XWPFTableCell cell = r.getCell(0);
      CTTcPr tc = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
      tc.addNewGridSpan().setVal(BigInteger.valueOf(2));
      cell.setWidth(String.valueOf(TEXT_WIDTH));
      XWPFParagraph p = cell.getParagraphs().get(0);
      // 左右各空一字; continued lines under the first 抄送机关 (after 抄送：)
      CTInd ind = p.getCTPPr().addNewInd();
      ind.setLeft(BigInteger.valueOf(Math.round(4 * CELL)));
      ind.setHanging(BigInteger.valueOf(Math.round(3 * CELL)));
      ind.setRight(BigInteger.valueOf(Math.round(CELL)));
      run(p, c.copiesText(), Composition.FANGSONG, Composition.COLOPHON_PT);
    }
    XWPFTableRow printed = table.getRow(row);
    XWPFParagraph printer = printed.getCell(0).getParagraphs().get(0);
    printed.getCell(0).setWidth(String.valueOf(TEXT_WIDTH / 2));
    printed.getCell(1).setWidth(String.valueOf(TEXT_WIDTH / 2));
    printer.getCTPPr().addNewInd().setLeft(BigInteger.valueOf(Math.round(CELL)));
    run(printer, c.issuer().printer(), Composition.FANGSONG, Composition.COLOPHON_PT);
    XWPFParagraph date = printed.getCell(1).getParagraphs().get(0);
    date.setAlignment(ParagraphAlignment.RIGHT);
    date.getCTPPr().addNewInd().setRight(BigInteger.valueOf(Math.round(CELL)));
    run(date, c.printedText(), Composition.FANGSONG, Composition.COLOPHON_PT);
  }

  private static void border(CTBorder b, STBorder.Enum kind, int eighthsOfAPoint) {
    b.setVal(kind);
    b.setSz(BigInteger.valueOf(eighthsOfAPoint));
    b.setSpace(BigInteger.ZERO);
    b.setColor("000000");
  }

  private static void noBorders(XWPFTable table) {
    for (XWPFTable.XWPFBorderType none : new XWPFTable.XWPFBorderType[] {XWPFTable.XWPFBorderType.NONE}) {
      table.setTopBorder(none, 0, 0, "auto");
      table.setBottomBorder(none, 0, 0, "auto");
      table.setLeftBorder(none, 0, 0, "auto");
      table.setRightBorder(none, 0, 0, "auto");
      table.setInsideHBorder(none, 0, 0, "auto");
      table.setInsideVBorder(none, 0, 0, "auto");
    }
  }

  /** — PAGE — in 4号宋体: odd pages right, even pages left, one character in from the edge of the 版心. */
  private static void pageNumbers(XWPFDocument doc) {
    doc.setEvenAndOddHeadings(true);
    pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
    pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
  }

  private static void pageNumber(XWPFFooter footer, ParagraphAlignment side) {
    XWPFParagraph p = footer.createParagraph();
    p.setAlignment(side);
    CTInd ind = p.getCTPPr().addNewInd();
    if (side == ParagraphAlignment.RIGHT) {
      ind.setRight(BigInteger.valueOf(Math.round(CELL)));
    } else {
      ind.setLeft(BigInteger.valueOf(Math.round(CELL)));
    }
    run(p, "— ", Composition.SONGTI, Composition.COLOPHON_PT);
    CTSimpleField field = p.getCTP().addNewFldSimple();
    field.setInstr("PAGE");
    CTR r = field.addNewR();
    CTRPr rPr = r.addNewRPr();
    fonts(rPr.addNewRFonts(), Composition.SONGTI);
    rPr.addNewSz().setVal(BigInteger.valueOf(Composition.COLOPHON_PT * 2L));
    r.addNewT().setStringValue("1");
    run(p, " —", Composition.SONGTI, Composition.COLOPHON_PT);
  }

  private static void properties(XWPFDocument doc, Composition c, Instant createdAt) {
    var core = doc.getProperties().getCoreProperties();
    core.setTitle(c.content().title());
    core.setSubjectProperty(c.number());
    core.setCreator(c.issuer().name());
    core.setCreated(Optional.of(Date.from(createdAt)));
    core.setModified(Optional.of(Date.from(createdAt)));
  }

  // --- paragraphs and runs ----------------------------------------------------------------------------

  private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment alignment) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(alignment);
    return p;
  }

  /** Space before (twips) and an exact line height, so the text stays on the 22-line grid. */
  private static void spacing(XWPFParagraph p, long before, long line) {
    if (before > 0) {
      p.setSpacingBefore((int) before);
    }
    if (line > 0) {
      p.setSpacingBetween(line / 20.0, LineSpacingRule.EXACT);
    }
  }

  private static XWPFRun run(XWPFParagraph p, String text, String font, int points) {
    XWPFRun run = p.createRun();
    run.setText(text);
    run.setFontSize(points);
    CTRPr rPr = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
    fonts(rPr.sizeOfRFontsArray() > 0 ? rPr.getRFontsArray(0) : rPr.addNewRFonts(), font);
    return run;
  }

  /** The same font for Chinese (eastAsia, what Word uses for it) and for numerals and Latin letters. */
  private static void fonts(CTFonts f, String font) {
    f.setEastAsia(font);
    f.setAscii(font);
    f.setHAnsi(font);
    f.setCs(font);
  }
}
