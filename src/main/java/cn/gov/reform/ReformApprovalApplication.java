package cn.gov.reform;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 乡镇改革方案审批: Camunda 7 engine, Tasklist, Cockpit and the domain API in one Spring Boot app. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReformApprovalApplication {

  /** Every date and deadline in this domain is a Beijing-time date. */
  public static final String ZONE = "Asia/Shanghai";

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
    SpringApplication.run(ReformApprovalApplication.class, args);
  }
}
