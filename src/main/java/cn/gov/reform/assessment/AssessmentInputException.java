package cn.gov.reform.assessment;

import java.util.List;
import java.util.function.Function;

import cn.gov.reform.engine.InputRefusedException;
import cn.gov.reform.web.FieldError;

/** An assessment-item request that cannot be accepted as sent: 400 on {@code /api}, the form's message in Tasklist. */
class AssessmentInputException extends InputRefusedException {

  AssessmentInputException(String title, List<FieldError> errors) {
    this(title, errors, e -> e.field() + "：" + e.message());
  }

  AssessmentInputException(String title, List<FieldError> errors, Function<FieldError, String> describe) {
    super(title, errors, describe);
  }

  AssessmentInputException(List<FieldError> errors) {
    this("考核事项申请有误", errors);
  }

  AssessmentInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  /** Refused by the rules of the documents (no cited basis for 一票否决, more than one item, a duty not on a list). */
  static AssessmentInputException byRules(List<FieldError> errors) {
    return new AssessmentInputException("考核事项不符合规定", errors, FieldError::message);
  }
}
