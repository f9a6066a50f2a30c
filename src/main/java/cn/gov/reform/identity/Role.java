package cn.gov.reform.identity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Roles are Camunda groups named role + 6-digit region code (README "Demo users"),
 * e.g. {@code drafter370921}, {@code reviewer370900}, {@code filer370000}, {@code deptfgw220000}, {@code legal370921}.
 */
public enum Role {
  DRAFTER("drafter", "方案起草"),
  REVIEWER("reviewer", "编办审核"),
  SUBMITTER("submitter", "政府申报"),
  APPROVER("approver", "审批"),
  FILER("filer", "编办备案"),
  SUPERVISOR("supervisor", "督办"),
  DEPARTMENT("dept", "会审部门"),
  /** the county's justice bureau (县司法局): legal review (合法性审查), e.g. of a power catalogue */
  LEGAL("legal", "法律审核"),
  /** the county's party committee and government (县委、县政府) */
  COUNTY_GOVERNMENT("countygov", "县委、县政府审批");

  private static final Pattern GROUP = Pattern.compile("(drafter|reviewer|submitter|approver|filer|supervisor|legal|countygov|dept[a-z]*)([0-9]{6})");

  private final String prefix;
  private final String label;

  Role(String prefix, String label) {
    this.prefix = prefix;
    this.label = label;
  }

  public String label() {
    return label;
  }

  public String group(String regionCode) {
    return prefix + regionCode;
  }

  /** A role group parsed back into role and region, or empty for groups that are not role groups. */
  public record Membership(Role role, String regionCode) {}

  public static Optional<Membership> parse(String groupId) {
    Matcher m = groupId == null ? null : GROUP.matcher(groupId);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    String p = m.group(1);
    Role role = p.startsWith("dept") ? DEPARTMENT
        : java.util.Arrays.stream(values()).filter(r -> r.prefix.equals(p)).findFirst().orElseThrow();
    return Optional.of(new Membership(role, m.group(2)));
  }
}
