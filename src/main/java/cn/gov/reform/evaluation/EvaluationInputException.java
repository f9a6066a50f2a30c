package cn.gov.reform.evaluation;

import java.util.List;

import cn.gov.reform.engine.InputRefusedException;
import cn.gov.reform.web.FieldError;

/** Evaluation or application data that cannot be accepted as sent: 400 on {@code /api}, the form's message in Tasklist. */
class EvaluationInputException extends InputRefusedException {

  EvaluationInputException(String title, List<FieldError> errors) {
    super(title, errors, e -> e.field() + " " + e.message());
  }

  EvaluationInputException(List<FieldError> errors) {
    this("评估数据有误", errors);
  }

  EvaluationInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }
}
