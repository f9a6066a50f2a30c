package cn.gov.reform.approval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code app.attachments}: the largest file an item may carry (20 MB unless configured). */
@ConfigurationProperties("app.attachments")
public record AttachmentProperties(DataSize maxSize) {

  public AttachmentProperties {
    maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
  }

  /** The limit as officials read it: 20MB, 512KB, 100字节. */
  public String maxSizeText() {
    return AttachmentTexts.size(maxSize.toBytes());
  }
}
