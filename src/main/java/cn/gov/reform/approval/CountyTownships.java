package cn.gov.reform.approval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.web.FieldError;

/**
 * The townships a county's request names (职责准入, 考核事项 …): each a known township of that county (regions/streets.csv),
 * each named once. One error per code at fault, named {@code field[i]}.
 */
@Component
public class CountyTownships {

  private final RegionDirectory regions;

  public CountyTownships(RegionDirectory regions) {
    this.regions = regions;
  }

  public List<FieldError> check(String countyCode, List<String> codes, String field) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      String at = field + "[" + i + "]";
      if (!seen.add(code)) {
        errors.add(new FieldError(at, "乡镇（街道）" + code + " 重复列出"));
      } else if (regions.townshipName(code).isEmpty()) {
        errors.add(new FieldError(at, "未知的乡镇（街道）代码 " + code));
      } else if (!countyCode.equals(regions.countyOfTownship(code).orElse(null))) {
        errors.add(new FieldError(at, regions.townshipName(code).get() + "（" + code + "）不属于" + regions.describeCounty(countyCode)));
      }
    }
    return errors;
  }
}
