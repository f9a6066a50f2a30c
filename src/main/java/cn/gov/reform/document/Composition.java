package cn.gov.reform.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A document ready to be laid out: its issuing body, number, date and content, with what both layouts (DOCX and PDF)
 * compute the same way — heading numbers, the date in Arabic numerals, where 署名 and 成文日期 stand — and the measures
 * of GB/T 9704-2012 (A4, 版心 156 × 225 mm at 37 mm from the top and 28 mm from the left, 22 lines of 28 characters).
 */
record Composition(IssuingBody issuer, String number, LocalDate date, DocumentContent content) {

  static final double PAGE_WIDTH_MM = 210;
  static final double PAGE_HEIGHT_MM = 297;
  static final double TOP_MM = 37;
  static final double LEFT_MM = 28;
  static final double TEXT_WIDTH_MM = 156;
  static final double TEXT_HEIGHT_MM = 225;
  static final int LINES = 22;
  static final int CHARS = 28;
  /** 发文机关标志: its upper edge 35 mm below the top of the 版心 (GB/T 9704-2012 7.2.1). */
  static final double MARK_OFFSET_MM = 35;
  /** 红色分隔线: 4 mm below the 发文字号 (7.2.4). */
  static final double RULE_GAP_MM = 4;
  /** 页码: its 一字线 7 mm below the 版心 (7.5). */
  static final double PAGE_NUMBER_GAP_MM = 7;

  /** 3号 body text, 2号 title, 4号 版记 and page numbers (points). */
  static final int BODY_PT = 16;
  static final int TITLE_PT = 22;
  static final int COLOPHON_PT = 14;
  static final int TABLE_PT = 12;

  /** The official fonts (GB/T 9704-2012 and the usual names Chinese offices install them under). */
  static final String FANGSONG = "仿宋_GB2312";
  static final String XIAOBIAOSONG = "方正小标宋简体";
  static final String HEITI = "黑体";
  static final String KAITI = "楷体_GB2312";
  static final String SONGTI = "宋体";
  static final String RED = "FF0000";

  /** 2026年11月30日: 成文日期 in Arabic numerals, no leading zeros (7.3.5.1). */
  String dateText() {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** 2026年11月30日印发 (7.4.3). */
  String printedText() {
    return dateText() + "印发";
  }

  /** The body's headings numbered by level: 一、 （一） 1. (1), each level counting anew under its parent. */
  List<String> headingNumbers() {
    int[] counters = new int[4];
    List<String> numbers = new ArrayList<>();
    for (DocumentContent.Block block : content.body()) {
      if (block instanceof DocumentContent.Heading h) {
        counters[h.level() - 1]++;
        for (int i = h.level(); i < counters.length; i++) {
          counters[i] = 0;
        }
        int n = counters[h.level() - 1];
        numbers.add(switch (h.level()) {
          case 1 -> chinese(n) + "、";
          case 2 -> "（" + chinese(n) + "）";
          case 3 -> n + ".";
          default -> "(" + n + ")";
        });
      } else {
        numbers.add(null);
      }
    }
    return numbers;
  }

  /** 抄送：a，b，c。 (7.4.2: 机关间用逗号，最后一个后标句号). */
  String copiesText() {
    return content.copiesTo().isEmpty() ? null : "抄送：" + String.join("，", content.copiesTo()) + "。";
  }

  /** 主送机关 followed by the full-width colon (7.3.2). */
  String addresseesText() {
    return content.addressees().isEmpty() ? null : String.join("、", content.addressees()) + "：";
  }

  /**
   * Where 署名 and 成文日期 start, in characters from the left of the 版心, as 7.3.5.2 places them for a document without
   * a seal: 署名 two characters from the right, the date one line below it starting two characters further right; a
   * date longer than that ends two characters from the right and moves the 署名 left with it.
   */
  Signature signature() {
    double sig = issuer.names().stream().mapToDouble(Composition::cells).max().orElse(0);
    double dateCells = cells(dateText());
    double dateRight = sig - dateCells;
    double sigRight = 2;
    if (dateRight < 2) {
      sigRight += 2 - dateRight;
      dateRight = 2;
    }
    return new Signature(CHARS - sigRight - sig, CHARS - dateRight - dateCells);
  }

  record Signature(double namesStart, double dateStart) {}

  /** Width in characters: Chinese characters and full-width marks 1, Arabic numerals and Latin letters ½. */
  static double cells(String text) {
    return text.codePoints().mapToDouble(cp -> cp < 0x2E80 && cp != '—' && cp != '“' && cp != '”' ? 0.5 : 1).sum();
  }

  static String chinese(int n) {
    String digits = "零一二三四五六七八九";
    if (n < 10) {
      return String.valueOf(digits.charAt(n));
    }
    if (n < 100) {
      return (n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10))) + "十" + (n % 10 == 0 ? "" : digits.charAt(n % 10));
    }
    return String.valueOf(n);
  }
}
