package cn.gov.reform.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The administrative divisions of the PRC (GB/T 2260 style codes, see NOTICE): 31 provinces,
 * 342 prefecture-level units, 2,978 county-level units and 41,352 township-level units.
 * The project speaks 6-digit codes for province, city and county and 9-digit codes for townships.
 */
@Component
public class RegionDirectory {

  public record Region(String code, String name, String cityCode, String provinceCode) {}

  private final Map<String, Region> provinces = new LinkedHashMap<>();
  private final Map<String, Region> cities = new LinkedHashMap<>();
  private final Map<String, Region> counties = new LinkedHashMap<>();
  /** township code → county code and name; kept compact because there are 41k of them. */
  private final Map<String, String[]> townships = new HashMap<>(60_000);

  public RegionDirectory() {
    read("regions/provinces.csv", f -> provinces.put(pad(f[0], 6), new Region(pad(f[0], 6), f[1], null, pad(f[0], 6))));
    read("regions/cities.csv", f -> cities.put(pad(f[0], 6), new Region(pad(f[0], 6), f[1], pad(f[0], 6), pad(f[2], 6))));
    read("regions/areas.csv", f -> counties.put(f[0], new Region(f[0], f[1], pad(f[2], 6), pad(f[3], 6))));
    read("regions/streets.csv", f -> townships.put(f[0], new String[] {f[2], f[1]}));
  }

  public Optional<Region> province(String code) {
    return Optional.ofNullable(code == null ? null : provinces.get(code));
  }

  public Optional<Region> city(String code) {
    return Optional.ofNullable(code == null ? null : cities.get(code));
  }

  public Optional<Region> county(String code) {
    return Optional.ofNullable(code == null ? null : counties.get(code));
  }

  /** The county a township belongs to, if the township code is known. */
  public Optional<String> countyOfTownship(String townshipCode) {
    String[] t = townshipCode == null ? null : townships.get(townshipCode);
    return Optional.ofNullable(t == null ? null : t[0]);
  }

  public Optional<String> townshipName(String townshipCode) {
    String[] t = townshipCode == null ? null : townships.get(townshipCode);
    return Optional.ofNullable(t == null ? null : t[1]);
  }

  /** The codes of a county's townships (乡镇、街道), in code order. */
  public java.util.List<String> townshipsOf(String countyCode) {
    return townships.entrySet().stream().filter(e -> e.getValue()[0].equals(countyCode)).map(Map.Entry::getKey).sorted()
        .toList();
  }

  public Collection<Region> provinces() {
    return Collections.unmodifiableCollection(provinces.values());
  }

  public Collection<Region> cities() {
    return Collections.unmodifiableCollection(cities.values());
  }

  public Collection<Region> counties() {
    return Collections.unmodifiableCollection(counties.values());
  }

  /** 山东省 · 泰安市 · 宁阳县 */
  public String describeCounty(String countyCode) {
    return county(countyCode)
        .map(c -> province(c.provinceCode()).map(Region::name).orElse("")
            + " · " + city(c.cityCode()).map(Region::name).orElse("")
            + " · " + c.name())
        .orElse(countyCode);
  }

  private static String pad(String code, int length) {
    StringBuilder b = new StringBuilder(code);
    while (b.length() < length) {
      b.append('0');
    }
    return b.toString();
  }

  private static void read(String path, Consumer<String[]> row) {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
      in.readLine(); // header
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          row.accept(line.replace("\"", "").split(",", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read region data " + path, e);
    }
  }
}
