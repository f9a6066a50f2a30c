package cn.gov.reform.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Departments taking part in a province's joint review (会同相关部门审核), by province code:
 * abbreviation → Chinese name. Jilin's default follows 吉办发 (001) 三(一); see application.yml.
 */
@ConfigurationProperties("app.joint-review")
public record JointReviewProperties(Map<String, Map<String, String>> departments) {

  private static final Pattern GROUP = Pattern.compile("dept([a-z]+)([0-9]{6})");

  public JointReviewProperties {
    departments = departments == null ? Map.of() : departments;
  }

  public Map<String, String> departmentsOf(String provinceCode) {
    return departments.getOrDefault(provinceCode, new LinkedHashMap<>());
  }

  /** The departments' role groups, e.g. {@code deptfgw220000}, in configured order. */
  public List<String> groupsOf(String provinceCode) {
    return departmentsOf(provinceCode).keySet().stream().map(abbr -> group(abbr, provinceCode)).toList();
  }

  /** The Chinese name of a department's group ({@code deptczt220000} → 省财政厅), or the group id if unknown. */
  public String nameOf(String group) {
    Matcher m = GROUP.matcher(group);
    return m.matches() ? departmentsOf(m.group(2)).getOrDefault(m.group(1), group) : group;
  }

  public static String group(String abbreviation, String provinceCode) {
    return Role.DEPARTMENT.group(abbreviation + provinceCode);
  }
}
