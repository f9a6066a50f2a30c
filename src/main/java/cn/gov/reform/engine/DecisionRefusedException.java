package cn.gov.reform.engine;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.InvalidFields;

/**
 * A task completion that breaks the contract's rules (wrong decision, missing opinion, ...).
 * The message starts with the variable's name. It is a form-field validation failure to the engine, so
 * engine REST and Tasklist answer 400 with the message; the transaction rolls back and the task stays open.
 */
public class DecisionRefusedException extends FormFieldValidationException implements InvalidFields {

  private final String variable;

  public DecisionRefusedException(String variable, String message) {
    super(variable, variable + "：" + message);
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }

  @Override
  public String problemTitle() {
    return "处理决定不符合要求";
  }

  @Override
  public List<FieldError> errors() {
    return List.of(new FieldError(variable, getMessage()));
  }
}
