package cn.gov.reform.approval;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The entry names of a zip file (DOCX, XLSX and OFD are zips), read from its central directory without inflating
 * anything: a crafted upload (a zip bomb) costs no more than reading its directory. Anything that is not a readable
 * zip directory answers no names.
 */
final class ZipDirectory {

  private static final int END_SIGNATURE = 0x06054b50;
  private static final int ENTRY_SIGNATURE = 0x02014b50;
  private static final int END_SIZE = 22;
  private static final int ENTRY_SIZE = 46;
  private static final int MAX_COMMENT = 0xFFFF;
  private static final int MAX_ENTRIES = 50_000;

  private ZipDirectory() {}

  static Set<String> names(byte[] zip) {
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    int end = -1;
    for (int at = zip.length - END_SIZE; at >= 0 && at >= zip.length - END_SIZE - MAX_COMMENT; at--) {
      if (b.getInt(at) == END_SIGNATURE) {
        end = at;
        break;
      }
    }
    Set<String> names = new HashSet<>();
    if (end < 0) {
      return names;
    }
    int entries = Short.toUnsignedInt(b.getShort(end + 10));
    long offset = Integer.toUnsignedLong(b.getInt(end + 16));
    if (entries > MAX_ENTRIES || offset >= zip.length) {
      return Set.of();
    }
    int at = (int) offset;
    for (int i = 0; i < entries; i++) {
      if (at + ENTRY_SIZE > zip.length || b.getInt(at) != ENTRY_SIGNATURE) {
        return Set.of();
      }
      int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
      int extraLength = Short.toUnsignedInt(b.getShort(at + 30));
      int commentLength = Short.toUnsignedInt(b.getShort(at + 32));
      if (at + ENTRY_SIZE + nameLength > zip.length) {
        return Set.of();
      }
      names.add(new String(zip, at + ENTRY_SIZE, nameLength, StandardCharsets.UTF_8));
      at += ENTRY_SIZE + nameLength + extraLength + commentLength;
    }
    return names;
  }
}
