package cn.gov.reform.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import cn.gov.reform.identity.Role;
import cn.gov.reform.web.FieldError;

/** The shape of a request (its bean constraints), field by field, and the role checks of this package. */
@Component
class Validation {

  private final Validator validator;

  Validation(Validator validator) {
    this.validator = validator;
  }

  /** The request's broken constraints as field errors ({@code scores[0].note}), sorted by field. */
  <T> List<FieldError> errors(T request) {
    List<FieldError> errors = new ArrayList<>();
    if (request == null) {
      errors.add(new FieldError("body", "请求内容不能为空"));
      return errors;
    }
    for (ConstraintViolation<T> v : validator.validate(request)) {
      errors.add(new FieldError(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()));
    }
    errors.sort(Comparator.comparing(FieldError::field));
    return errors;
  }

  /** Whether the caller's groups hold the role of the region (or the caller is an administrator). */
  static boolean has(List<String> groups, Role role, String regionCode) {
    return groups.contains("camunda-admin") || groups.contains(role.group(regionCode));
  }
}
