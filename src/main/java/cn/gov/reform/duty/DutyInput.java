package cn.gov.reform.duty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.web.FieldError;

/**
 * Whether a duty-access request can be read at all: the shape of every field, the county, and its townships (known, of
 * that county, each once). The rules of the documents are {@link DutyRules}' (the step 准入规则校验).
 */
@Component
class DutyInput {

  private final Validator validator;
  private final RegionDirectory regions;

  DutyInput(Validator validator, RegionDirectory regions) {
    this.validator = validator;
    this.regions = regions;
  }

  /** The request's county; refuses the request with every field at fault. */
  RegionDirectory.Region check(DutyRequest request) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<DutyRequest> v : validator.validate(request)) {
      errors.add(new FieldError(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()));
    }
    RegionDirectory.Region county = null;
    if (errors.isEmpty()) {
      county = regions.county(request.countyCode()).orElse(null);
      if (county == null) {
        errors.add(new FieldError("countyCode", "未知的县级行政区划代码 " + request.countyCode()));
      } else {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.townshipCodes().size(); i++) {
          String code = request.townshipCodes().get(i);
          String field = "townshipCodes[" + i + "]";
          if (!seen.add(code)) {
            errors.add(new FieldError(field, "乡镇（街道）" + code + " 重复列出"));
          } else if (regions.townshipName(code).isEmpty()) {
            errors.add(new FieldError(field, "未知的乡镇（街道）代码 " + code));
          } else if (!request.countyCode().equals(regions.countyOfTownship(code).orElse(null))) {
            errors.add(new FieldError(field, regions.townshipName(code).get() + "（" + code + "）不属于" + regions.describeCounty(request.countyCode())));
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldError::field));
      throw new DutyInputException(errors);
    }
    return county;
  }
}
