package cn.gov.reform.engine;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.InvalidFields;

/**
 * An item (a plan, a catalogue …) that cannot be accepted as sent, field by field; each procedure names it (方案数据有误,
 * 目录数据有误). A form-field validation failure to the engine, so that engine REST and Tasklist answer 400 with the
 * message when it is raised inside the engine (a start form, a draft form); {@code /api} answers it like any
 * {@link InvalidFields}.
 */
public class InputRefusedException extends FormFieldValidationException implements InvalidFields {

  private final String title;
  private final transient List<FieldError> errors;

  /** The errors under {@code title}, the message naming each field as {@code describe} says (a form's label instead of its key). */
  public InputRefusedException(String title, List<FieldError> errors, Function<FieldError, String> describe) {
    super(errors.isEmpty() ? null : errors.get(0).field(),
        title + "：" + errors.stream().map(describe).collect(Collectors.joining("；")));
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  @Override
  public String problemTitle() {
    return title;
  }

  @Override
  public List<FieldError> errors() {
    return errors;
  }
}
