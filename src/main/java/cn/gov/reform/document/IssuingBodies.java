package cn.gov.reform.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.identity.RegionDirectory.Region;

/**
 * The bodies that issue and receive official documents, by role and region, read from {@link DocumentProperties}:
 * e.g. {@code approver} of 泰安市 (370900) is 中共泰安市委 and 泰安市人民政府, 代字 泰发. A procedure names the role whose
 * decision a document records (the role groups' names: approver, filer, reviewer, drafter); which body that is and
 * how it writes its name is configuration, filled in with the region's names.
 */
@Component
public class IssuingBodies {

  static final String DEFAULT = "default";
  private static final Pattern ETHNIC_GROUPS = Pattern.compile("(?:" + String.join("|", List.of("蒙古", "回", "藏", "维吾尔",
      "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山",
      "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯",
      "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春",
      "赫哲", "门巴", "珞巴", "基诺")) + ")族$");
  private static final Pattern DIVISION = Pattern.compile("(特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|县|区|盟|旗)$");

  private final DocumentProperties properties;
  private final RegionDirectory regions;

  public IssuingBodies(DocumentProperties properties, RegionDirectory regions) {
    this.properties = properties;
    this.regions = regions;
  }

  /** The body of this role in this region (a province, city or county code); refused when none is configured. */
  public IssuingBody of(String role, String regionCode) {
    Place place = place(regionCode);
    Map<String, DocumentProperties.Body> entries = Optional.ofNullable(properties.bodies().get(role))
        .map(levels -> levels.get(place.level())).orElse(Map.of());
    List<DocumentProperties.Body> chain = new ArrayList<>();
    for (String key : place.lookup()) {
      Optional.ofNullable(entries.get(key)).ifPresent(chain::add);
    }
    List<String> names = first(chain, DocumentProperties.Body::names);
    String abbreviation = first(chain, DocumentProperties.Body::abbreviation);
    if (names == null || names.isEmpty() || abbreviation == null) {
      throw new IllegalStateException("app.documents.bodies." + role + "." + place.level() + " 未配置 " + regionCode
          + " 的发文机关名称或机关代字（names、abbreviation，可在 default 中配置）");
    }
    String printer = first(chain, DocumentProperties.Body::printer);
    String source = first(chain, DocumentProperties.Body::source);
    List<String> filled = names.stream().map(n -> fill(n, place)).toList();
    return new IssuingBody(role + ":" + regionCode, filled, fill(abbreviation, place),
        printer == null ? filled.get(0) : fill(printer, place), source);
  }

  /** A region's name without its kind of division: 山东省 → 山东, 延边朝鲜族自治州 → 延边, 宁阳县 → 宁阳. */
  static String shortName(String name) {
    String s = DIVISION.matcher(name).replaceFirst("");
    for (String before = ""; !before.equals(s) && s.length() > 2; ) {
      before = s;
      s = ETHNIC_GROUPS.matcher(s).replaceFirst("");
    }
    return s.isEmpty() ? name : s;
  }

  private record Place(String level, List<String> lookup, String province, String city, String county) {}

  private Place place(String code) {
    Optional<Region> province = regions.province(code);
    if (province.isPresent()) {
      return new Place("province", List.of(code, DEFAULT), province.get().name(), null, null);
    }
    Optional<Region> city = regions.city(code);
    if (city.isPresent()) {
      String provinceName = regions.province(city.get().provinceCode()).map(Region::name).orElse("");
      return new Place("city", List.of(code, city.get().provinceCode(), DEFAULT), provinceName,
          cityName(city.get(), provinceName), null);
    }
    Region county = regions.county(code).orElseThrow(() -> new IllegalArgumentException("未知地区代码 " + code));
    String provinceName = regions.province(county.provinceCode()).map(Region::name).orElse("");
    String cityName = regions.city(county.cityCode()).map(c -> cityName(c, provinceName)).orElse(provinceName);
    return new Place("county", List.of(code, county.cityCode(), county.provinceCode(), DEFAULT), provinceName, cityName,
        county.name());
  }

  /** The municipalities' "cities" are 市辖区 and 县 in the region data: the city is the municipality itself. */
  private static String cityName(Region city, String provinceName) {
    return "市辖区".equals(city.name()) || "县".equals(city.name()) ? provinceName : city.name();
  }

  private static String fill(String text, Place place) {
    String s = text;
    s = s.replace("{provinceShort}", shortName(place.province())).replace("{province}", place.province());
    if (place.city() != null) {
      s = s.replace("{cityShort}", shortName(place.city())).replace("{city}", place.city());
    }
    if (place.county() != null) {
      s = s.replace("{countyShort}", shortName(place.county())).replace("{county}", place.county());
    }
    return s;
  }

  private static <T> T first(List<DocumentProperties.Body> chain, java.util.function.Function<DocumentProperties.Body, T> field) {
    return chain.stream().map(field).filter(v -> v != null).findFirst().orElse(null);
  }
}
