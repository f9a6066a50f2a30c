package cn.gov.reform.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * What a caller may see and do, derived from their Camunda groups: a county sees its plans,
 * a city the plans of its counties, a province its province's plans; camunda-admin sees all.
 */
public record Jurisdiction(String userId, boolean admin, Set<String> provinces, Set<String> cities,
    Set<String> counties, Set<String> draftingCounties) {

  public static Jurisdiction of(String userId, List<String> groupIds) {
    boolean admin = groupIds.contains(Groups.CAMUNDA_ADMIN);
    Set<String> provinces = new HashSet<>();
    Set<String> cities = new HashSet<>();
    Set<String> counties = new HashSet<>();
    Set<String> drafting = new HashSet<>();
    for (String g : groupIds) {
      Role.parse(g).ifPresent(m -> {
        String code = m.regionCode();
        if (code.endsWith("0000")) {
          provinces.add(code);
        } else if (code.endsWith("00")) {
          cities.add(code);
        } else {
          counties.add(code);
        }
        if (m.role() == Role.DRAFTER) {
          drafting.add(code);
        }
      });
    }
    return new Jurisdiction(userId, admin, provinces, cities, counties, drafting);
  }

  public boolean canSee(String countyCode, String cityCode, String provinceCode) {
    return admin || counties.contains(countyCode) || cities.contains(cityCode) || provinces.contains(provinceCode);
  }

  public boolean canDraftFor(String countyCode) {
    return admin || draftingCounties.contains(countyCode);
  }

  /**
   * The same rule as {@link #canSee} as an SQL condition over a table with {@code county_code}, {@code city_code}
   * and {@code province_code} columns (every procedure's item table has them), for lists and statistics;
   * its values are added to {@code args}. Null when the caller may see nothing.
   */
  public String sqlScope(String tableAlias, List<Object> args) {
    if (admin) {
      return "1=1";
    }
    String prefix = tableAlias == null ? "" : tableAlias + ".";
    List<String> ors = new ArrayList<>();
    in(ors, args, prefix + "county_code", counties);
    in(ors, args, prefix + "city_code", cities);
    in(ors, args, prefix + "province_code", provinces);
    return ors.isEmpty() ? null : "(" + String.join(" or ", ors) + ")";
  }

  private static void in(List<String> ors, List<Object> args, String column, Set<String> values) {
    if (!values.isEmpty()) {
      ors.add(column + " in (" + String.join(",", values.stream().map(v -> "?").toList()) + ")");
      args.addAll(values.stream().sorted().toList());
    }
  }
}
