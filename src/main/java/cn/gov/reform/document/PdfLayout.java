package cn.gov.reform.document;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import cn.gov.reform.document.PdfLines.Glyph;

/**
 * One PDF document laid out top to bottom to GB/T 9704-2012's measures ({@link Composition}): the red 发文机关标志, the
 * 发文字号 and the red rule, the title, 主送机关, body and tables on the 28-character grid, 署名 and 成文日期, 版记 at the foot
 * of the last page, and page numbers. {@code y} is the distance of the next line's top from the page's top.
 */
final class PdfLayout {

  private static final float MM = 72f / 25.4f;
  private static final float PAGE_W = (float) (Composition.PAGE_WIDTH_MM * MM);
  private static final float PAGE_H = (float) (Composition.PAGE_HEIGHT_MM * MM);
  private static final float LEFT = (float) (Composition.LEFT_MM * MM);
  private static final float TOP = (float) (Composition.TOP_MM * MM);
  private static final float WIDTH = (float) (Composition.TEXT_WIDTH_MM * MM);
  private static final float BOTTOM = TOP + (float) (Composition.TEXT_HEIGHT_MM * MM);
  private static final float LINE = (float) (Composition.TEXT_HEIGHT_MM * MM / Composition.LINES);
  private static final float CELL = WIDTH / Composition.CHARS;
  private static final Color RED = new Color(0xFF, 0, 0);
  private static final int MISSING = '〓'; // GB's mark for a character the font lacks

  /** The two bundled fonts as loaded into the document (subsets embedded on saving), with their character maps. */
  record Fonts(PDType0Font cjk, CmapLookup cjkMap, PDType0Font latin, CmapLookup latinMap) {}

  /** How a piece of text is drawn: size, heavier (黑体, 小标宋), colour, and whether Chinese keeps the grid. */
  private record Style(float size, boolean heavy, Color color, boolean grid) {
    static final Style BODY = new Style(Composition.BODY_PT, false, Color.BLACK, true);
    static final Style HEADING = new Style(Composition.BODY_PT, true, Color.BLACK, true);
    static final Style TITLE = new Style(Composition.TITLE_PT, true, Color.BLACK, false);
    static final Style COLOPHON = new Style(Composition.COLOPHON_PT, false, Color.BLACK, false);
    static final Style TABLE = new Style(Composition.TABLE_PT, false, Color.BLACK, false);
    static final Style TABLE_HEAD = new Style(Composition.TABLE_PT, true, Color.BLACK, false);
  }

  private final PDDocument doc;
  private final Fonts fonts;
  private PDPageContentStream out;
  private float y;

  PdfLayout(PDDocument doc, Fonts fonts) {
    this.doc = doc;
    this.fonts = fonts;
  }

  /** Lays the whole document out, page by page. */
  void document(Composition c) throws IOException {
    newPage();
    float below = mark(c.issuer());
    y = below + 2 * LINE; // 发文字号: 空二行 below the mark, centred
    float numberBase = baseline(y, LINE, Composition.BODY_PT);
    centred(c.number(), Style.BODY, numberBase);
    float ruleY = numberBase + (float) (Composition.RULE_GAP_MM * MM);
    out.setStrokingColor(RED);
    out.setLineWidth(1.5f);
    out.moveTo(LEFT, PAGE_H - ruleY);
    out.lineTo(LEFT + WIDTH, PAGE_H - ruleY);
    out.stroke();
    y = ruleY + 2 * LINE; // title: 空二行 below the rule
    for (String line : balanced(c.content().title(), Style.TITLE, WIDTH)) {
      centred(line, Style.TITLE, baseline(y, LINE, Composition.TITLE_PT));
      y += LINE;
    }
    y += LINE; // 空一行, then 主送机关 顶格
    if (c.addresseesText() != null) {
      paragraph(c.addresseesText(), Style.BODY, 0);
    }
    List<String> numbers = c.headingNumbers();
    for (int i = 0; i < c.content().body().size(); i++) {
      DocumentContent.Block block = c.content().body().get(i);
      if (block instanceof DocumentContent.Heading h) {
        paragraph(numbers.get(i) + h.text(), h.level() == 1 ? Style.HEADING : Style.BODY, 2);
      } else if (block instanceof DocumentContent.Paragraph p) {
        paragraph(p.text(), Style.BODY, 2);
      } else if (block instanceof DocumentContent.Table t) {
        table(t);
      }
    }
    signature(c);
    colophon(c);
    out.close();
    pageNumbers();
  }

  // --- the header ------------------------------------------------------------------------------------

  /** 发文机关标志 in red, 35 mm below the top of the 版心; joint bodies stacked, 文件 beside them. Returns its bottom. */
  private float mark(IssuingBody issuer) throws IOException {
    float top = TOP + (float) (Composition.MARK_OFFSET_MM * MM);
    Style style = new Style(issuer.names().size() == 1 ? 40 : 32, true, RED, false);
    float lineHeight = style.size() * 1.25f;
    if (issuer.names().size() == 1) { // 发文机关 + 文件, one line
      List<Glyph> g = glyphs(issuer.names().get(0) + "文件", style);
      float scale = Math.min(1f, WIDTH / PdfLines.sum(g));
      draw(g, style, LEFT + (WIDTH - PdfLines.sum(g) * scale) / 2, baseline(top, style.size() * 1.25f, style.size()), 0, scale);
      return top + style.size() * 1.25f;
    }
    float suffix = width("文件", style);
    float names = 0;
    for (String n : issuer.names()) {
      names = Math.max(names, width(n, style));
    }
    float gap = style.size() * 0.3f;
    float scale = Math.min(1f, WIDTH / (names + gap + suffix));
    float x = LEFT + (WIDTH - (names + gap + suffix) * scale) / 2;
    float height = lineHeight * issuer.names().size();
    for (int i = 0; i < issuer.names().size(); i++) {
      String n = issuer.names().get(i);
      // each name spread to the column's width, as joint marks are set
      float spread = issuer.names().size() == 1 ? 0 : (names - width(n, style)) / Math.max(1, n.length() - 1);
      draw(glyphs(n, style), style, x, baseline(top + i * lineHeight, lineHeight, style.size()), spread, scale);
    }
    draw(glyphs("文件", style), style, x + (names + gap) * scale, baseline(top + (height - lineHeight) / 2, lineHeight,
        style.size()), 0, scale);
    return top + height;
  }

  // --- running text ----------------------------------------------------------------------------------

  /** A paragraph on the grid, the first line indented {@code indent} characters, justified; pages break as needed. */
  private void paragraph(String text, Style style, int indent) throws IOException {
    List<List<Glyph>> lines = PdfLines.breakLines(glyphs(text, style), WIDTH - indent * CELL, WIDTH, CELL);
    for (int i = 0; i < lines.size(); i++) {
      if (y + LINE > BOTTOM + 0.5f) {
        newPage();
      }
      float x = LEFT + (i == 0 ? indent * CELL : 0);
      float available = WIDTH - (i == 0 ? indent * CELL : 0);
      float extra = PdfLines.spread(lines.get(i), available, i == lines.size() - 1, CELL);
      draw(lines.get(i), style, x, baseline(y, LINE, style.size()), extra, 1);
      y += LINE;
    }
  }

  private void centred(String text, Style style, float baseline) throws IOException {
    List<Glyph> g = glyphs(text, style);
    draw(g, style, LEFT + (WIDTH - PdfLines.sum(g)) / 2, baseline, 0, 1);
  }

  /** The title's lines, as even as the words allow (GB/T 9704: 排列对称). */
  private List<String> balanced(String text, Style style, float max) throws IOException {
    List<Glyph> all = glyphs(text, style);
    int count = PdfLines.breakLines(all, max, max, CELL).size();
    float even = Math.min(max, PdfLines.sum(all) / count + style.size());
    List<List<Glyph>> lines = PdfLines.breakLines(all, even, even, CELL);
    if (lines.size() > count) {
      lines = PdfLines.breakLines(all, max, max, CELL);
    }
    return lines.stream().map(l -> String.join("", l.stream().map(Glyph::text).toList())).toList();
  }

  // --- tables ----------------------------------------------------------------------------------------

  private void table(DocumentContent.Table t) throws IOException {
    int total = t.columns().stream().mapToInt(DocumentContent.Column::weight).sum();
    float[] widths = new float[t.columns().size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = WIDTH * t.columns().get(i).weight() / total;
    }
    List<String> head = t.columns().stream().map(DocumentContent.Column::label).toList();
    row(head, widths, Style.TABLE_HEAD, true);
    for (List<String> r : t.rows()) {
      if (!row(r, widths, Style.TABLE, false)) {
        newPage();
        row(head, widths, Style.TABLE_HEAD, true);
        row(r, widths, Style.TABLE, false);
      }
    }
    y += LINE / 2;
  }

  /** One row of cells with its borders; false (nothing drawn) when it does not fit on this page. */
  private boolean row(List<String> cells, float[] widths, Style style, boolean head) throws IOException {
    float pad = 4;
    float lineHeight = style.size() * 1.45f;
    List<List<List<Glyph>>> wrapped = new ArrayList<>();
    int lines = 1;
    for (int i = 0; i < cells.size(); i++) {
      List<List<Glyph>> l = PdfLines.breakLines(glyphs(cells.get(i) == null ? "" : cells.get(i), style), widths[i] - 2 * pad,
          widths[i] - 2 * pad, CELL);
      wrapped.add(l);
      lines = Math.max(lines, l.size());
    }
    float height = lines * lineHeight + 2 * pad;
    if (y + height > BOTTOM + 0.5f) {
      return false;
    }
    float x = LEFT;
    out.setStrokingColor(Color.BLACK);
    out.setLineWidth(0.6f);
    for (int i = 0; i < cells.size(); i++) {
      out.addRect(x, PAGE_H - y - height, widths[i], height);
      out.stroke();
      boolean centre = head || cells.get(i) == null || cells.get(i).matches("[0-9０-９]+|—");
      for (int j = 0; j < wrapped.get(i).size(); j++) {
        List<Glyph> line = wrapped.get(i).get(j);
        float free = widths[i] - 2 * pad - PdfLines.sum(line);
        float lx = centre ? x + Math.max(pad, (widths[i] - PdfLines.sum(line)) / 2) : x + pad;
        // a closing mark squeezed into a full line: the line is compressed to the cell's width
        float squeeze = free < 0 && line.size() > 1 ? free / (line.size() - 1) : 0;
        draw(line, style, lx, baseline(y + pad + j * lineHeight, lineHeight, style.size()), squeeze, 1);
      }
      x += widths[i];
    }
    y += height;
    return true;
  }

  // --- 署名, 成文日期, 版记, 页码 ------------------------------------------------------------------------

  private void signature(Composition c) throws IOException {
    Composition.Signature at = c.signature();
    int needed = c.issuer().names().size() + 2;
    if (y + needed * LINE > BOTTOM + 0.5f) {
      newPage();
    } else {
      y += LINE; // 空一行
    }
    for (String name : c.issuer().names()) {
      draw(glyphs(name, Style.BODY), Style.BODY, LEFT + (float) at.namesStart() * CELL, baseline(y, LINE, Composition.BODY_PT), 0, 1);
      y += LINE;
    }
    draw(glyphs(c.dateText(), Style.BODY), Style.BODY, LEFT + (float) at.dateStart() * CELL,
        baseline(y, LINE, Composition.BODY_PT), 0, 1);
    y += LINE;
  }

  /**
   * 版记 at the foot of the last page (GB/T 9704-2012 7.4): a thick rule, 抄送 (left and right 空一字, continued lines
   * under the first 抄送机关), a thin rule, 印发机关 and 印发日期, and a thick rule on the lower edge of the 版心.
   */
  private void colophon(Composition c) throws IOException {
    Style style = Style.COLOPHON;
    float indent = CELL;
    List<List<Glyph>> copies = List.of();
    float hang = 0;
    if (c.copiesText() != null) {
      hang = width("抄送：", style);
      copies = PdfLines.breakLines(glyphs(c.copiesText(), style), WIDTH - 2 * indent, WIDTH - 2 * indent - hang, CELL);
    }
    float height = (copies.size() + 1) * LINE;
    if (y + height + LINE / 2 > BOTTOM) {
      newPage();
    }
    float top = BOTTOM - height;
    rule(top, 1f);
    for (int i = 0; i < copies.size(); i++) {
      draw(copies.get(i), style, LEFT + indent + (i == 0 ? 0 : hang), baseline(top + i * LINE, LINE, style.size()), 0, 1);
    }
    float printed = top + copies.size() * LINE;
    if (!copies.isEmpty()) {
      rule(printed, 0.7f);
    }
    draw(glyphs(c.issuer().printer(), style), style, LEFT + indent, baseline(printed, LINE, style.size()), 0, 1);
    List<Glyph> date = glyphs(c.printedText(), style);
    draw(date, style, LEFT + WIDTH - indent - PdfLines.sum(date), baseline(printed, LINE, style.size()), 0, 1);
    rule(BOTTOM, 1f);
  }

  private void rule(float at, float thickness) throws IOException {
    out.setStrokingColor(Color.BLACK);
    out.setLineWidth(thickness);
    out.moveTo(LEFT, PAGE_H - at);
    out.lineTo(LEFT + WIDTH, PAGE_H - at);
    out.stroke();
  }

  /** — 1 — under the 版心: odd pages right, even pages left, one character in (7.5). */
  private void pageNumbers() throws IOException {
    int n = 0;
    for (PDPage page : doc.getPages()) {
      n++;
      try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
        out = s;
        Style style = Style.COLOPHON;
        List<Glyph> g = glyphs("— " + n + " —", style);
        float x = n % 2 == 1 ? LEFT + WIDTH - CELL - PdfLines.sum(g) : LEFT + CELL;
        draw(g, style, x, BOTTOM + (float) (Composition.PAGE_NUMBER_GAP_MM * MM) + style.size() * 0.6f, 0, 1);
      }
    }
  }

  // --- glyphs and lines ------------------------------------------------------------------------------

  private void newPage() throws IOException {
    if (out != null) {
      out.close();
    }
    PDPage page = new PDPage(new PDRectangle(PAGE_W, PAGE_H));
    doc.addPage(page);
    out = new PDPageContentStream(doc, page);
    y = TOP;
  }

  /** The characters of a text with the font that has each; full-width ones on the grid where the style keeps it. */
  private List<Glyph> glyphs(String text, Style style) throws IOException {
    List<Glyph> glyphs = new ArrayList<>();
    int[] points = text.codePoints().toArray();
    for (int cp : points) {
      PDType0Font font;
      boolean wide = cp >= 0x2E80;
      if (wide && fonts.cjkMap().getGlyphId(cp) != 0) {
        font = fonts.cjk();
      } else if (fonts.latinMap().getGlyphId(cp) != 0) {
        font = fonts.latin();
      } else if (fonts.cjkMap().getGlyphId(cp) != 0) {
        font = fonts.cjk();
      } else {
        cp = MISSING;
        font = fonts.cjk();
      }
      String s = new String(Character.toChars(cp));
      float natural = font.getStringWidth(s) / 1000f * style.size();
      float w = style.grid() && font == fonts.cjk() ? CELL * style.size() / Composition.BODY_PT : natural;
      glyphs.add(new Glyph(s, font, natural, w));
    }
    return glyphs;
  }

  private float width(String text, Style style) throws IOException {
    return PdfLines.sum(glyphs(text, style));
  }

  /** Draws glyphs from {@code x} on {@code baseline}, runs of one font at a time, {@code extra} after each. */
  private void draw(List<Glyph> glyphs, Style style, float x, float baseline, float extra, float scale) throws IOException {
    float at = x;
    int i = 0;
    while (i < glyphs.size()) {
      Glyph head = glyphs.get(i);
      StringBuilder run = new StringBuilder();
      int j = i;
      float runWidth = 0;
      while (j < glyphs.size() && glyphs.get(j).font() == head.font()
          && (head.font() != fonts.cjk() || Math.abs(glyphs.get(j).natural() - head.natural()) < 0.01f)) {
        run.append(glyphs.get(j).text());
        runWidth += (glyphs.get(j).width() + extra) * scale;
        j++;
      }
      float spacing = head.font() == fonts.cjk() ? head.width() - head.natural() + extra : extra;
      out.beginText();
      out.setFont(head.font(), style.size());
      out.setNonStrokingColor(style.color());
      if (style.heavy()) {
        out.setRenderingMode(RenderingMode.FILL_STROKE);
        out.setStrokingColor(style.color());
        out.setLineWidth(style.size() * 0.035f);
      } else {
        out.setRenderingMode(RenderingMode.FILL);
      }
      out.setHorizontalScaling(scale * 100);
      out.setCharacterSpacing(spacing);
      out.newLineAtOffset(at, PAGE_H - baseline);
      out.showText(run.toString());
      out.endText();
      at += runWidth;
      i = j;
    }
  }

  /** The baseline of a line of {@code size} points centred in a line box of {@code height} starting at {@code top}. */
  private static float baseline(float top, float height, float size) {
    return top + (height - size) / 2 + size * 0.86f;
  }
}
