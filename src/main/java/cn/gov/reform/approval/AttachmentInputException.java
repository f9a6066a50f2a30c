package cn.gov.reform.approval;

import java.util.List;

import cn.gov.reform.web.FieldError;
import cn.gov.reform.web.InvalidFields;

/** An upload that cannot be taken (no file, a type that is not allowed): 400 naming the field, nothing stored. */
public class AttachmentInputException extends RuntimeException implements InvalidFields {

  private final transient List<FieldError> errors;

  public AttachmentInputException(String field, String message) {
    super(message);
    this.errors = List.of(new FieldError(field, message));
  }

  @Override
  public String problemTitle() {
    return "附件有误";
  }

  @Override
  public List<FieldError> errors() {
    return errors;
  }
}
