package cn.gov.reform.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.identity.RegionDirectory.Region;
import cn.gov.reform.identity.Role;

/**
 * Which work a campaign gives whom: each task of the list becomes work for each of its responsible units in each region of
 * the unit's level that covers or lies in the campaign's region — a city's bodies (市编办) for the city, "各区县党委、政府"
 * for each of its counties, "各乡镇党委和人民政府" for each township — and, for a yearly task, once per year from its first
 * year to the list's last. The group of a unit in a region is {@code unit<key><region6>} ({@link Role#UNIT}); a township's
 * is its party committee's group {@code township<township9>} ({@link Role#TOWNSHIP}).
 */
@Component
class WorkPlanner {

  /** One piece of work: a task for a unit in a region (and a year, for a yearly task). */
  record WorkSpec(String taskNo, Integer roundYear, String unitKey, String group, String groupName, String unitName,
      String regionCode, String regionName, String countyCode, String cityCode, String provinceCode, String townshipCode,
      LocalDate deadline) {}

  private final RegionDirectory regions;

  WorkPlanner(RegionDirectory regions) {
    this.regions = regions;
  }

  /** The work of the campaign's start: every one-off task, and the rounds of yearly tasks up to {@code currentYear}. */
  List<WorkSpec> initial(TaskList list, String regionCode, Set<String> taskNos, int currentYear) {
    List<WorkSpec> work = new ArrayList<>();
    for (TaskList.Item task : tasks(list, taskNos)) {
      if (task.recurring() == null) {
        work.addAll(forTask(list, regionCode, task, null, task.deadline()));
      } else {
        IntStream.rangeClosed(task.recurring().from(), Math.min(currentYear, list.endYear()))
            .forEach(year -> work.addAll(forTask(list, regionCode, task, year, task.deadlineIn(year))));
      }
    }
    return work;
  }

  /** The work of a yearly round: each yearly task running in {@code year}. */
  List<WorkSpec> round(TaskList list, String regionCode, Set<String> taskNos, int year) {
    List<WorkSpec> work = new ArrayList<>();
    for (TaskList.Item task : tasks(list, taskNos)) {
      if (task.recurring() != null && task.recurring().from() <= year && year <= list.endYear()) {
        work.addAll(forTask(list, regionCode, task, year, task.deadlineIn(year)));
      }
    }
    return work;
  }

  /** The next year after {@code after} in which a yearly task of the campaign runs; empty when none does. */
  OptionalInt nextRound(TaskList list, Set<String> taskNos, int after) {
    return tasks(list, taskNos).stream().filter(t -> t.recurring() != null)
        .mapToInt(t -> Math.max(t.recurring().from(), after + 1)).filter(y -> y <= list.endYear()).min();
  }

  private static List<TaskList.Item> tasks(TaskList list, Set<String> taskNos) {
    return list.tasks().stream().filter(t -> taskNos.contains(t.no())).toList();
  }

  private List<WorkSpec> forTask(TaskList list, String regionCode, TaskList.Item task, Integer year, LocalDate deadline) {
    List<WorkSpec> work = new ArrayList<>();
    for (String key : task.units()) {
      TaskList.Unit unit = list.unit(key).orElseThrow();
      for (Place place : places(unit.level(), regionCode, list.excludeRegions())) {
        String group = unit.level() == TaskList.Level.TOWNSHIP ? Role.TOWNSHIP.group(place.code())
            : Role.UNIT.group(unit.key() + place.code());
        work.add(new WorkSpec(task.no(), year, key, group, unit.nameIn(place.prefix() + place.name()) + "（督查责任单位）",
            unit.nameIn(place.name()), place.code(), place.fullName(), place.county(), place.city(), place.province(),
            place.township(), deadline));
      }
    }
    return work;
  }

  /** A region a unit works in: its code and names, and the county, city, province (and township) it lies in. */
  record Place(String code, String name, String prefix, String fullName, String county, String city, String province,
      String township) {}

  /** The regions of {@code level} that cover or lie in the campaign's region. */
  List<Place> places(TaskList.Level level, String regionCode, List<String> excluded) {
    Optional<Region> county = regions.county(regionCode);
    Optional<Region> city = regions.city(regionCode);
    List<Place> places = new ArrayList<>();
    switch (level) {
      case PROVINCE -> places.add(province(provinceOf(regionCode)));
      case CITY -> {
        if (county.isPresent()) {
          places.add(city(county.get().cityCode()));
        } else if (city.isPresent()) {
          places.add(city(regionCode));
        } else {
          regions.cities().stream().filter(c -> c.provinceCode().equals(regionCode)).forEach(c -> places.add(city(c.code())));
        }
      }
      case COUNTY -> counties(regionCode).forEach(c -> places.add(county(c)));
      case TOWNSHIP -> counties(regionCode).forEach(c -> regions.townshipsOf(c.code()).forEach(t -> places.add(township(c, t))));
    }
    return places.stream().filter(p -> !excluded.contains(p.code()) && (p.county() == null || !excluded.contains(p.county())))
        .toList();
  }

  private List<Region> counties(String regionCode) {
    Optional<Region> county = regions.county(regionCode);
    if (county.isPresent()) {
      return List.of(county.get());
    }
    return regions.counties().stream().filter(c -> c.cityCode().equals(regionCode) || c.provinceCode().equals(regionCode))
        .sorted(java.util.Comparator.comparing(Region::code)).toList();
  }

  private String provinceOf(String code) {
    return code.substring(0, 2) + "0000";
  }

  private Place province(String code) {
    String name = regions.province(code).map(Region::name).orElse(code);
    return new Place(code, name, "", name, null, null, code, null);
  }

  private Place city(String code) {
    Region c = regions.city(code).orElseThrow();
    String province = regions.province(c.provinceCode()).map(Region::name).orElse("");
    return new Place(code, c.name(), "", province + " · " + c.name(), null, code, c.provinceCode(), null);
  }

  private Place county(Region c) {
    String city = regions.city(c.cityCode()).map(Region::name).orElse("");
    return new Place(c.code(), c.name(), city, regions.describeCounty(c.code()), c.code(), c.cityCode(), c.provinceCode(), null);
  }

  private Place township(Region county, String code) {
    String name = regions.townshipName(code).orElse(code);
    String city = regions.city(county.cityCode()).map(Region::name).orElse("");
    return new Place(code, name, city + county.name(), regions.describeCounty(county.code()) + " · " + name, county.code(),
        county.cityCode(), county.provinceCode(), code);
  }
}
