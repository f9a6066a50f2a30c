package cn.gov.reform.identity;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Roles are Camunda groups named role + region code (README "Demo users"), e.g. {@code drafter370921},
 * {@code reviewer370900}, {@code filer370000}, {@code deptfgw220000}, {@code legal370921}, {@code township370921109}.
 * A region code has 6 digits (province, city, county) or, for {@link Level#TOWNSHIP} roles, the 9 digits of a
 * township (乡镇、街道).
 *
 * <p>{@link #seeded()} roles exist for every region of the reference data from the first start (IdentitySeeder);
 * the others are created on demand ({@link RoleGroups#ensure}) — when a procedure first routes work to one, or when an
 * administrator registers its first official — so that 41,352 township groups and the county bodies of the newer
 * procedures do not lengthen the first start.
 */
public enum Role {
  DRAFTER("drafter", "方案起草", Level.REGION, true),
  REVIEWER("reviewer", "编办审核", Level.REGION, true),
  SUBMITTER("submitter", "政府申报", Level.REGION, true),
  APPROVER("approver", "审批", Level.REGION, true),
  FILER("filer", "编办备案", Level.REGION, true),
  SUPERVISOR("supervisor", "督办", Level.REGION, true),
  /** a province's departments in a joint review: {@code dept} + the department's abbreviation + province code */
  DEPARTMENT("dept", "会审部门", Level.REGION, true),
  /** the county's justice bureau (县司法局): legal review (合法性审查), e.g. of a power catalogue */
  LEGAL("legal", "法律审核", Level.REGION, true),
  /** the county's party committee and government (县委、县政府) */
  COUNTY_GOVERNMENT("countygov", "县委、县政府审批", Level.REGION, true),
  /** an upper-level body asking the county for a township official (借调申请单位) */
  REQUESTER("requester", "借调申请", Level.REGION, false),
  /** the county party committee's organisation department (县委组织部) */
  ORGANISATION("orgdept", "县委组织部审批", Level.REGION, false),
  /** the county's human resources and social security bureau (县人力资源和社会保障局) */
  HUMAN_RESOURCES("hrdept", "县人力资源社会保障局审批", Level.REGION, false),
  /** a county department (县直部门) handing work to townships or assessing them */
  COUNTY_DEPARTMENT("countydept", "县直部门申报", Level.REGION, false),
  /** a township's party committee (乡镇党委), by its 9-digit township code */
  TOWNSHIP("township", "乡镇党委", Level.TOWNSHIP, false),
  /**
   * a unit responsible for a supervised key task (督查责任单位): {@code unit} + the unit's abbreviation + region code,
   * e.g. {@code unitbb370100} (济南市编办); named by the procedure that creates it ({@link RoleGroups#ensure(String, String)})
   */
  UNIT("unit", "督查责任单位", Level.REGION, false);

  /** Whether a role's groups are named by a 6-digit region code or a 9-digit township code. */
  public enum Level {
    REGION("[0-9]{6}"), TOWNSHIP("[0-9]{9}");

    private final String digits;

    Level(String digits) {
      this.digits = digits;
    }
  }

  private static final Pattern GROUP = Pattern.compile("(" + Arrays.stream(values())
      .map(r -> r.abbreviated() ? r.prefix + "[a-z]+" : r.prefix).collect(Collectors.joining("|")) + ")([0-9]{6}|[0-9]{9})");

  private final String prefix;
  private final String label;
  private final Level level;
  private final boolean seeded;

  Role(String prefix, String label, Level level, boolean seeded) {
    this.prefix = prefix;
    this.label = label;
    this.level = level;
    this.seeded = seeded;
  }

  public String label() {
    return label;
  }

  public Level level() {
    return level;
  }

  /** True when the role's groups are written for every region at the first start; false when created on demand. */
  public boolean seeded() {
    return seeded;
  }

  /** Whether the role's group names carry an abbreviation between prefix and region code (a department, a unit). */
  public boolean abbreviated() {
    return this == DEPARTMENT || this == UNIT;
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
    String code = m.group(2);
    // a whole prefix, or an abbreviated role's prefix followed by the abbreviation (deptfgw, unitbb)
    Role role = Arrays.stream(values()).filter(r -> r.prefix.equals(p)).findFirst().orElseGet(() -> Arrays.stream(values())
        .filter(r -> r.abbreviated() && p.startsWith(r.prefix)).findFirst().orElseThrow());
    if (!code.matches(role.level.digits)) {
      return Optional.empty();
    }
    return Optional.of(new Membership(role, code));
  }
}
