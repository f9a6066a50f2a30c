package cn.gov.reform.approval;

import java.util.List;

import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.InvalidFields;

/** An approval operation asked with a bad field (nobody chosen, a user outside the role, no reason): 400, nothing changed. */
public class OperationInputException extends RuntimeException implements InvalidFields {

  private final transient List<FieldError> errors;

  public OperationInputException(List<FieldError> errors) {
    super(errors.size() == 1 ? errors.get(0).message()
        : String.join("；", errors.stream().map(FieldError::message).toList()));
    this.errors = List.copyOf(errors);
  }

  public OperationInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  @Override
  public String problemTitle() {
    return "审批操作有误";
  }

  @Override
  public List<FieldError> errors() {
    return errors;
  }
}
