package cn.gov.reform.document;

import java.util.List;

/**
 * A body that issues official documents, as its documents name it: {@code key} (role and region, e.g.
 * {@code approver:370900}) keys its number sequence; {@code names} its 发文机关标志 and 署名 (two for a joint document of
 * 市委 and 市政府); {@code abbreviation} the 机关代字 of its 发文字号 (泰发); {@code printer} the 印发机关.
 */
public record IssuingBody(String key, List<String> names, String abbreviation, String printer, String source) {

  public IssuingBody {
    names = List.copyOf(names);
  }

  /** The names as a title or a list joins them: 中共泰安市委 泰安市人民政府. */
  public String name() {
    return String.join(" ", names);
  }
}
