package cn.gov.reform.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Departments taking part in a province's joint review (会同相关部门审核), by province code:
 * abbreviation → Chinese name. Jilin's default follows 吉办发 (001) 三(一); see application.yml.
 */
@ConfigurationProperties("app.joint-review")
public record JointReviewProperties(Map<String, Map<String, String>> departments) {

  public JointReviewProperties {
    departments = departments == null ? Map.of() : departments;
  }

  public Map<String, String> departmentsOf(String provinceCode) {
    return departments.getOrDefault(provinceCode, new LinkedHashMap<>());
  }
}
