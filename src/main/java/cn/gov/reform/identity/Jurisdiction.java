package cn.gov.reform.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * What a caller may see and do, derived from their Camunda groups: a county sees its plans,
 * a city the plans of its counties, a province its province's plans; camunda-admin sees all. A township's officials
 * ({@link Role.Level#TOWNSHIP} groups) see only the items that name their township ({@link #canSeeTownship}).
 */
public record Jurisdiction(String userId, boolean admin, Set<String> provinces, Set<String> cities,
    Set<String> counties, Set<String> draftingCounties, Set<String> townships) {

  public static Jurisdiction of(String userId, List<String> groupIds) {
    boolean admin = groupIds.contains(Groups.CAMUNDA_ADMIN);
    Set<String> provinces = new HashSet<>();
    Set<String> cities = new HashSet<>();
    Set<String> counties = new HashSet<>();
    Set<String> drafting = new HashSet<>();
    Set<String> townships = new HashSet<>();
    for (String g : groupIds) {
      Role.parse(g).ifPresent(m -> {
        String code = m.regionCode();
        if (m.role().level() == Role.Level.TOWNSHIP) {
          townships.add(code);
        } else if (code.endsWith("0000")) {
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
    return new Jurisdiction(userId, admin, provinces, cities, counties, drafting, townships);
  }

  public boolean canSee(String countyCode, String cityCode, String provinceCode) {
    return admin || counties.contains(countyCode) || cities.contains(cityCode) || provinces.contains(provinceCode);
  }

  /**
   * {@link #canSee} for an item that names townships (e.g. a secondment's township, a duty's affected townships):
   * also true for the officials of one of those townships.
   */
  public boolean canSeeTownship(java.util.Collection<String> townshipCodes, String countyCode, String cityCode,
      String provinceCode) {
    return canSee(countyCode, cityCode, provinceCode) || townshipCodes.stream().anyMatch(townships::contains);
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
    return sqlScope(tableAlias, args, null);
  }

  /**
   * {@link #sqlScope(String, List)} that also lets a township's officials see the rows whose {@code townshipCondition}
   * holds for their township: an SQL condition with one {@code ?} for the township code, e.g.
   * {@code "s.township_code = ?"} or {@code "exists (select 1 from app_duty_township t where t.duty_id = d.id and
   * t.township_code = ?)"}; null for tables without townships.
   */
  public String sqlScope(String tableAlias, List<Object> args, String townshipCondition) {
    if (admin) {
      return "1=1";
    }
    String prefix = tableAlias == null ? "" : tableAlias + ".";
    List<String> ors = new ArrayList<>();
    in(ors, args, prefix + "county_code", counties);
    in(ors, args, prefix + "city_code", cities);
    in(ors, args, prefix + "province_code", provinces);
    if (townshipCondition != null) {
      for (String township : townships.stream().sorted().toList()) {
        ors.add(townshipCondition);
        args.add(township);
      }
    }
    return ors.isEmpty() ? null : "(" + String.join(" or ", ors) + ")";
  }

  private static void in(List<String> ors, List<Object> args, String column, Set<String> values) {
    if (!values.isEmpty()) {
      ors.add(column + " in (" + String.join(",", values.stream().map(v -> "?").toList()) + ")");
      args.addAll(values.stream().sorted().toList());
    }
  }
}
