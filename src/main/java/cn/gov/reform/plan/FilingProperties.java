package cn.gov.reform.plan;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Filing-number format and the provinces' one-character names (简称), from application.yml. */
@ConfigurationProperties("app.filing")
public record FilingProperties(String numberPattern, Map<String, String> abbreviations) {

  public FilingProperties {
    numberPattern = numberPattern == null ? "{abbr}编备〔{year}〕{n}号" : numberPattern;
    abbreviations = abbreviations == null ? Map.of() : abbreviations;
  }
}
