package cn.gov.reform.plan;

import java.util.List;
import java.util.function.Function;

import cn.gov.reform.engine.InputRefusedException;
import cn.gov.reform.web.FieldError;

/**
 * A plan that cannot be accepted as sent. A form-field validation failure to the engine, so that engine
 * REST and Tasklist answer 400 with the message when it is raised inside the engine (start form, draft form).
 */
public class PlanInputException extends InputRefusedException {

  public PlanInputException(List<FieldError> errors) {
    this(errors, e -> e.field() + " " + e.message());
  }

  /** The same errors, the message naming each field as {@code describe} says (a form's label instead of its key). */
  public PlanInputException(List<FieldError> errors, Function<FieldError, String> describe) {
    super("方案数据有误", errors, describe);
  }

  public PlanInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }
}
