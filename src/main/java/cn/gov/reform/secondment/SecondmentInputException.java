package cn.gov.reform.secondment;

import java.util.List;
import java.util.function.Function;

import cn.gov.reform.engine.InputRefusedException;
import cn.gov.reform.web.FieldError;

/** A request that cannot be accepted as sent: 400 on {@code /api}, the form's message in Tasklist. */
class SecondmentInputException extends InputRefusedException {

  SecondmentInputException(List<FieldError> errors) {
    this(errors, e -> e.field() + " " + e.message());
  }

  SecondmentInputException(List<FieldError> errors, Function<FieldError, String> describe) {
    super("借调申请数据有误", errors, describe);
  }

  SecondmentInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }
}
