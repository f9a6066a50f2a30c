package cn.gov.reform.plan;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.InvalidFields;

/**
 * A plan that cannot be accepted as sent. A form-field validation failure to the engine, so that engine
 * REST and Tasklist answer 400 with the message when it is raised inside the engine (start form, draft form).
 */
public class PlanInputException extends FormFieldValidationException implements InvalidFields {

  private final transient List<FieldError> errors;

  public PlanInputException(List<FieldError> errors) {
    this(errors, e -> e.field() + " " + e.message());
  }

  /** The same errors, the message naming each field as {@code describe} says (a form's label instead of its key). */
  public PlanInputException(List<FieldError> errors, Function<FieldError, String> describe) {
    super(errors.isEmpty() ? null : errors.get(0).field(),
        "方案数据有误：" + errors.stream().map(describe).collect(Collectors.joining("；")));
    this.errors = List.copyOf(errors);
  }

  public PlanInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  @Override
  public String problemTitle() {
    return "方案数据有误";
  }

  @Override
  public List<FieldError> errors() {
    return errors;
  }
}
