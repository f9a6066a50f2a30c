package cn.gov.reform.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.web.FieldError;

/**
 * Whether a catalogue can be accepted at all: the shape of every field (plain text, the limits of {@link CatalogueRequest})
 * and that the township exists. The legal rules are not checked here ({@link CatalogueRules}): a catalogue breaking them is
 * stored and sent back to the county with the findings.
 */
@Component
class CatalogueInput {

  private final Validator validator;
  private final RegionDirectory regions;

  CatalogueInput(Validator validator, RegionDirectory regions) {
    this.validator = validator;
    this.regions = regions;
  }

  /** The township's county; refuses the catalogue with every field at fault. */
  RegionDirectory.Region check(CatalogueRequest request) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<CatalogueRequest> v : validator.validate(request)) {
      errors.add(new FieldError(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()));
    }
    RegionDirectory.Region county = null;
    if (errors.isEmpty()) {
      county = regions.countyOfTownship(request.townshipCode()).flatMap(regions::county).orElse(null);
      if (county == null) {
        errors.add(new FieldError("townshipCode", "未知的乡镇（街道）代码 " + request.townshipCode()));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldError::field));
      throw new CatalogueInputException(errors);
    }
    return county;
  }
}
