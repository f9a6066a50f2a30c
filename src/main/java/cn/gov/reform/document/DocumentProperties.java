package cn.gov.reform.document;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who issues official documents (发文机关) and how their numbers read, from {@code app.documents} in application.yml:
 * data an administrator changes, each entry with its source, no names in code. {@code bodies} is
 * role → level (province, city, county) → region code or {@code default} → entry; a region's entry fills in only
 * what it sets, the rest comes from its province's entry (for a city or county) and then from {@code default}.
 */
@ConfigurationProperties("app.documents")
public record DocumentProperties(String numberPattern, Map<String, Map<String, Map<String, Body>>> bodies) {

  public DocumentProperties {
    numberPattern = numberPattern == null ? "{abbr}〔{year}〕{n}号" : numberPattern;
    bodies = bodies == null ? Map.of() : bodies;
  }

  /**
   * One issuing body, or the pattern of a kind of body: {@code names} as its 发文机关标志 and 署名 show them (two or more
   * for a joint document, the leading body first), {@code abbreviation} its 机关代字 in 发文字号, {@code printer} the
   * 印发机关 of its documents, {@code source} where the name and 代字 come from. Names may hold {province}, {city},
   * {county} (the region's names) and {provinceShort}, {cityShort}, {countyShort} (without 省, 市, 县 …).
   */
  public record Body(List<String> names, String abbreviation, String printer, String source) {}
}
