package cn.gov.reform.supervision;

import java.util.List;

import cn.gov.reform.engine.InputRefusedException;
import cn.gov.reform.web.FieldError;

/** A launch or report that cannot be accepted as sent: 400 on {@code /api}, the form's message in Tasklist. */
class SupervisionInputException extends InputRefusedException {

  SupervisionInputException(List<FieldError> errors) {
    super("督查数据有误", errors, e -> e.field() + " " + e.message());
  }

  SupervisionInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }
}
