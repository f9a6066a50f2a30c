package cn.gov.reform.approval;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** How an attachment's name, size and hash are kept and shown. */
public final class AttachmentTexts {

  static final int MAX_NAME = 200;

  private AttachmentTexts() {}

  /** A size as officials read it: 860字节, 12.5KB, 3.2MB. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + "字节";
    }
    if (bytes < 1024 * 1024) {
      return trim(bytes / 1024.0) + "KB";
    }
    return trim(bytes / (1024.0 * 1024)) + "MB";
  }

  private static String trim(double value) {
    String text = String.format(Locale.ROOT, "%.1f", value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }

  /**
   * The name as sent without any folder part a browser may add, without control characters, at most {@value #MAX_NAME}
   * characters (the end, with its extension, kept); 附件 when nothing is left.
   */
  static String cleanName(String sent) {
    String name = sent == null ? "" : sent;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.codePoints().filter(c -> c >= 0x20 && c != 0x7F && !Character.isISOControl(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return "附件";
    }
    int room = MAX_NAME - 10; // leaves room for an extension the type may add
    if (name.length() <= room) {
      return name;
    }
    int start = name.length() - room;
    return name.substring(Character.isLowSurrogate(name.charAt(start)) ? start + 1 : start);
  }

  /** Markdown's punctuation in a name or person, taken literally. */
  /** Text as form-js markdown shows it literally (its markup characters escaped). */
  public static String escape(String text) {
    StringBuilder b = new StringBuilder();
    text.chars().forEach(c -> {
      if ("\\`*_{}[]()#+-.!<>|~&\"'".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append((char) c);
    });
    return b.toString();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
