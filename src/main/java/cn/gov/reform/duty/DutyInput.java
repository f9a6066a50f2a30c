package cn.gov.reform.duty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import cn.gov.reform.approval.CountyTownships;
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
  private final CountyTownships townships;

  DutyInput(Validator validator, RegionDirectory regions, CountyTownships townships) {
    this.validator = validator;
    this.regions = regions;
    this.townships = townships;
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
        errors.addAll(townships.check(request.countyCode(), request.townshipCodes(), "townshipCodes"));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldError::field));
      throw new DutyInputException(errors);
    }
    return county;
  }
}
