package cn.gov.reform.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.supervision}: how often a unit reports progress unless the campaign says otherwise (working days), and the
 * range a campaign may set. No document fixes the interval (济南市实施意见 四(三) asks for 督促检查 without one).
 */
@ConfigurationProperties("app.supervision")
record SupervisionProperties(Integer reportEvery, Integer maxReportEvery) {

  SupervisionProperties {
    reportEvery = reportEvery == null ? 20 : reportEvery;
    maxReportEvery = maxReportEvery == null ? 120 : maxReportEvery;
  }
}
