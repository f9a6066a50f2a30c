package cn.gov.reform.document;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Chinese line breaking for the PDF ({@link PdfLayout}): greedy lines by width, closing marks kept off a line's start
 * (避头: squeezed into the line before, or carried down with the word they close), opening marks off its end (避尾),
 * numbers and Latin words whole; full lines justified to the edge.
 */
final class PdfLines {

  /** Not at the start of a line (避头) / not at its end (避尾). */
  private static final String NO_START = "，。、：；？！）》〕】」』”’…—%,.;:?!)]";
  private static final String NO_END = "（《〔【「『“‘([";

  private PdfLines() {}

  /** One character with the font that has it, its own advance and the width it takes on the line. */
  record Glyph(String text, PDType0Font font, float natural, float width) {}

  /**
   * Greedy lines of at most {@code first} (then {@code rest}) wide, keeping closing marks off a line's start
   * (squeezed into the line before), opening marks off its end, and numbers and Latin words whole.
   */
  static List<List<Glyph>> breakLines(List<Glyph> glyphs, float first, float rest, float cell) {
    List<List<Glyph>> lines = new ArrayList<>();
    List<Glyph> line = new ArrayList<>();
    float used = 0;
    for (int i = 0; i < glyphs.size(); i++) {
      Glyph g = glyphs.get(i);
      float max = lines.isEmpty() ? first : rest;
      if (used + g.width() > max + 0.01f && !line.isEmpty()) {
        if (NO_START.contains(g.text()) && used + g.width() <= max + Math.min(g.width(), cell)) {
          line.add(g); // squeezed in: the line is compressed when justified
          used += g.width();
          continue;
        }
        List<Glyph> carried = new ArrayList<>();
        if (NO_START.contains(g.text())) { // no room to squeeze it in: its word goes down with it
          while (line.size() > 1 && NO_START.contains(last(line).text())) {
            carried.add(0, line.remove(line.size() - 1));
          }
          if (line.size() > 1) {
            boolean inWord = word(last(line));
            do {
              carried.add(0, line.remove(line.size() - 1));
            } while (inWord && line.size() > 1 && word(last(line)) && carried.size() < 12);
          }
        } else if (word(g)) { // a number or Latin word goes to the next line whole
          int k = line.size();
          while (k > 0 && word(line.get(k - 1))) {
            k--;
          }
          if (k > 0 && line.size() - k <= 12) {
            carried = new ArrayList<>(line.subList(k, line.size()));
            line = new ArrayList<>(line.subList(0, k));
          }
        }
        while (line.size() > 1 && NO_END.contains(last(line).text())) {
          carried.add(0, line.remove(line.size() - 1));
        }
        lines.add(line);
        line = carried;
        used = sum(line);
      }
      line.add(g);
      used += g.width();
    }
    lines.add(line);
    return lines;
  }

  private static boolean word(Glyph g) {
    int cp = g.text().codePointAt(0);
    return cp < 0x80 && Character.isLetterOrDigit(cp) || cp == '.';
  }

  private static Glyph last(List<Glyph> line) {
    return line.get(line.size() - 1);
  }

  /** Extra space after each character that makes a full line end at the right edge (negative to squeeze one in). */
  static float spread(List<Glyph> line, float available, boolean lastLine, float cell) {
    float free = available - sum(line);
    if (line.size() < 2 || lastLine && free >= 0 || free > 3 * cell) {
      return 0;
    }
    return free / (line.size() - 1);
  }

  static float sum(List<Glyph> glyphs) {
    float s = 0;
    for (Glyph g : glyphs) {
      s += g.width();
    }
    return s;
  }
}
