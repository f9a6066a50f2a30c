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
 * Every procedure of the app, by process key, and the one rule of who may see an item: the caller's region
 * covers the item's (county, city or province; admin all).
 */
@Component
public class Procedures {

  private final Map<String, Procedure> byKey;

  public Procedures(List<Procedure> procedures) {
    this.byKey = procedures.stream().collect(Collectors.toUnmodifiableMap(Procedure::processKey, Function.identity()));
  }

  public Optional<Procedure> of(String processKey) {
    return Optional.ofNullable(processKey).map(byKey::get);
  }

  /** The item as the caller may see it; empty for an unknown procedure or item, or another region's item. */
  public Optional<Subject> visible(String processKey, String businessKey, Jurisdiction caller) {
    return of(processKey).flatMap(p -> p.subject(businessKey))
        .filter(s -> caller.canSee(s.countyCode(), s.cityCode(), s.provinceCode()));
  }

  public List<Procedure> all() {
    return byKey.values().stream().sorted(Comparator.comparing(Procedure::processKey)).toList();
  }
}
