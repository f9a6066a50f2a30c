package cn.gov.reform.duty;

import java.util.List;
import java.util.function.Function;

import cn.gov.reform.engine.InputRefusedException;
import cn.gov.reform.web.FieldError;

/** A duty-access request that cannot be accepted as sent: 400 on {@code /api}, the form's message in Tasklist. */
class DutyInputException extends InputRefusedException {

  DutyInputException(String title, List<FieldError> errors) {
    this(title, errors, e -> e.field() + "：" + e.message());
  }

  DutyInputException(String title, List<FieldError> errors, Function<FieldError, String> describe) {
    super(title, errors, describe);
  }

  DutyInputException(List<FieldError> errors) {
    this("职责准入申请有误", errors);
  }

  DutyInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  /** Refused by the rules of the documents (a missing element, a banned form without its basis). */
  static DutyInputException byRules(List<FieldError> errors) {
    return new DutyInputException("职责准入申请不符合规定", errors, FieldError::message);
  }
}
