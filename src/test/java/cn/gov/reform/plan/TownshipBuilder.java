package cn.gov.reform.plan;

import java.util.ArrayList;
import java.util.List;

import cn.gov.reform.plan.PlanRequest.Kind;
import cn.gov.reform.plan.PlanRequest.PlanType;
import cn.gov.reform.plan.PlanRequest.Township;
import cn.gov.reform.plan.PlanRequest.Unit;

/** Townships for rule tests: plausible names and staffing, changed one figure at a time. */
final class TownshipBuilder {

  private static final List<String> BODIES = List.of("党政综合办公室", "党建工作办公室", "社会事务办公室", "应急管理办公室",
      "综合行政执法办公室", "社会治理办公室", "规划建设办公室", "农业农村办公室", "民生保障办公室", "退役军人服务办公室");
  private static final List<String> INSTITUTIONS = List.of("便民服务中心", "农业综合服务中心", "财经服务中心", "公共文化服务中心",
      "民生发展服务中心", "资产资源运营中心", "社会治安综合治理中心", "退役军人服务中心");

  private final String code;
  private final String name;
  private Kind kind = Kind.TOWN;
  private Integer category;
  private Long population;
  private final List<Unit> bodies = new ArrayList<>();
  private final List<Unit> institutions = new ArrayList<>();
  private Integer administrativeStaff;
  private Integer institutionalStaff;
  private Integer leadership = 9;
  private Integer currentLeadership = 9;

  private TownshipBuilder(String code, String name) {
    this.code = code;
    this.name = name;
    bodies(6).institutions(4);
  }

  static TownshipBuilder of(String code, String name) {
    return new TownshipBuilder(code, name);
  }

  TownshipBuilder kind(Kind k) {
    kind = k;
    return this;
  }

  TownshipBuilder category(Integer c) {
    category = c;
    return this;
  }

  TownshipBuilder population(Long p) {
    population = p;
    return this;
  }

  /** The first n standard 党政工作机构, 5 staff each. */
  TownshipBuilder bodies(int n) {
    bodies.clear();
    BODIES.stream().limit(n).forEach(b -> bodies.add(new Unit(b, 5)));
    return this;
  }

  /** The first n standard 事业单位 (the first is the 便民服务中心), 10 staff each. */
  TownshipBuilder institutions(int n) {
    institutions.clear();
    INSTITUTIONS.stream().limit(n).forEach(i -> institutions.add(new Unit(i, 10)));
    return this;
  }

  TownshipBuilder body(String unitName, int staff) {
    bodies.add(new Unit(unitName, staff));
    return this;
  }

  TownshipBuilder institution(String unitName, int staff) {
    institutions.add(new Unit(unitName, staff));
    return this;
  }

  /** Drops every unit whose name contains the fragment. */
  TownshipBuilder without(String fragment) {
    bodies.removeIf(u -> u.name().contains(fragment));
    institutions.removeIf(u -> u.name().contains(fragment));
    return this;
  }

  /** Sets every body's staff (e.g. for 济南's ≥ 3 per body). */
  TownshipBuilder bodyStaff(int staff) {
    bodies.replaceAll(u -> new Unit(u.name(), staff));
    return this;
  }

  TownshipBuilder administrativeStaff(int staff) {
    administrativeStaff = staff;
    return this;
  }

  TownshipBuilder institutionalStaff(int staff) {
    institutionalStaff = staff;
    return this;
  }

  TownshipBuilder leadership(Integer planned, Integer current) {
    leadership = planned;
    currentLeadership = current;
    return this;
  }

  Township build() {
    int bodyStaff = bodies.stream().mapToInt(Unit::staff).sum();
    int institutionStaff = institutions.stream().mapToInt(Unit::staff).sum();
    return new Township(code, name, kind, category, population, List.copyOf(bodies), List.copyOf(institutions),
        administrativeStaff == null ? Math.max(bodyStaff, 20) : administrativeStaff,
        institutionalStaff == null ? institutionStaff + 10 : institutionalStaff, leadership, currentLeadership);
  }

  PlanRequest plan(String countyCode, PlanType type) {
    return new PlanRequest("测试方案", type, countyCode, null, List.of(build()));
  }

  @Override
  public String toString() {
    return name;
  }
}
