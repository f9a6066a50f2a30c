package cn.gov.reform.approval;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * How large a multipart upload to {@code /api} may be: the file (up to {@code app.attachments.max-size}) and the
 * form around it. Every other request body stays limited to 1 MB by the body size filter, which reads this bean's
 * request limit for the attachment uploads; the file's own limit is checked by {@link Attachments}, so the answer
 * can say how large the file was. Replaces Spring Boot's {@code spring.servlet.multipart.*}.
 */
@Configuration
class AttachmentUploads {

  /** Room for the multipart boundaries and part headers around the file. */
  static final DataSize FORM_OVERHEAD = DataSize.ofKilobytes(64);

  @Bean
  MultipartConfigElement multipartConfigElement(AttachmentProperties properties) {
    MultipartConfigFactory factory = new MultipartConfigFactory();
    factory.setMaxFileSize(DataSize.ofBytes(-1));
    factory.setMaxRequestSize(DataSize.ofBytes(properties.maxSize().toBytes() + FORM_OVERHEAD.toBytes()));
    return factory.createMultipartConfig();
  }
}
