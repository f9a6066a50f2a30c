package cn.gov.reform.plan;

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
 * Whether a plan can be accepted at all: the shape of every field, and that the county and each
 * township exist and belong together. Policy limits are not checked here (see PolicyValidator):
 * a plan that breaks them is stored and sent back to the county with the findings.
 */
@Component
public class PlanInputChecker {

  private final Validator validator;
  private final RegionDirectory regions;

  public PlanInputChecker(Validator validator, RegionDirectory regions) {
    this.validator = validator;
    this.regions = regions;
  }

  public void check(PlanRequest plan) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<PlanRequest> v : validator.validate(plan)) {
      errors.add(new FieldError(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()));
    }
    if (errors.isEmpty()) {
      if (regions.county(plan.countyCode()).isEmpty()) {
        errors.add(new FieldError("countyCode", "未知的县级行政区划代码 " + plan.countyCode()));
      } else {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < plan.townships().size(); i++) {
          String code = plan.townships().get(i).code();
          String county = regions.countyOfTownship(code).orElse(null);
          if (county == null) {
            errors.add(new FieldError("townships[" + i + "].code", "未知的乡镇（街道）代码 " + code));
          } else if (!county.equals(plan.countyCode())) {
            errors.add(new FieldError("townships[" + i + "].code",
                "乡镇（街道）" + code + " 不属于 " + regions.describeCounty(plan.countyCode())));
          }
          if (!seen.add(code)) {
            errors.add(new FieldError("townships[" + i + "].code", "乡镇（街道）" + code + " 在方案中重复出现"));
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldError::field));
      throw new PlanInputException(errors);
    }
  }
}
