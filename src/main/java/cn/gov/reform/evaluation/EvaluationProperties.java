package cn.gov.reform.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.evaluations}: how many towns of an evaluation year are drawn for the on-site check when the launch names no
 * number (吉林省实施意见 三(三) 随机抽查), and after how many consecutive FAIL years a town is proposed for leaving its list
 * (济南市实施意见 四(三) 能进能出的动态调整机制).
 */
@ConfigurationProperties("app.evaluations")
record EvaluationProperties(Integer sampleSize, Integer consecutiveFailsToExit) {

  EvaluationProperties {
    sampleSize = sampleSize == null ? 2 : sampleSize;
    consecutiveFailsToExit = consecutiveFailsToExit == null ? 2 : consecutiveFailsToExit;
  }
}
