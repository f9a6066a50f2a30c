package cn.gov.reform.approval;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.gov.reform.identity.Jurisdiction;

/**
 * Every procedure of the app, by process key, and the one rule of who may read an item: the caller's region
 * covers the item's (county, city or province; admin all), or the item was copied to the caller (抄送).
 */
@Component
public class Procedures {

  private final Map<String, Procedure> byKey;
  private final Copies copies;

  public Procedures(List<Procedure> procedures, Copies copies) {
    this.copies = copies;
    this.byKey = procedures.stream().collect(Collectors.toUnmodifiableMap(Procedure::processKey, Function.identity()));
  }

  public Optional<Procedure> of(String processKey) {
    return Optional.ofNullable(processKey).map(byKey::get);
  }

  /**
   * The item as the caller may see it: their region covers its region, or it was copied to them (抄送); empty
   * for an unknown procedure or item, or another region's item.
   */
  public Optional<Subject> visible(String processKey, String businessKey, Jurisdiction caller) {
    return of(processKey).flatMap(p -> p.subject(businessKey)).filter(s -> mayRead(s, caller));
  }

  /** The one rule of who may read an item, for procedures that read their own rows. */
  public boolean mayRead(String processKey, String businessKey, String countyCode, String cityCode, String provinceCode,
      Jurisdiction caller) {
    return caller.canSee(countyCode, cityCode, provinceCode) || copies.received(processKey, businessKey, caller.userId());
  }

  /** {@link #mayRead} for an item that names townships: their officials may read it too. */
  public boolean mayRead(String processKey, String businessKey, java.util.Collection<String> townshipCodes, String countyCode,
      String cityCode, String provinceCode, Jurisdiction caller) {
    return caller.canSeeTownship(townshipCodes, countyCode, cityCode, provinceCode)
        || copies.received(processKey, businessKey, caller.userId());
  }

  private boolean mayRead(Subject s, Jurisdiction caller) {
    return mayRead(s.processKey(), s.businessKey(), s.townshipCodes(), s.countyCode(), s.cityCode(), s.provinceCode(), caller);
  }

  public List<Procedure> all() {
    return byKey.values().stream().sorted(Comparator.comparing(Procedure::processKey)).toList();
  }
}
