package cn.gov.reform.catalogue;

import java.util.List;
import java.util.function.Function;

import cn.gov.reform.engine.InputRefusedException;
import cn.gov.reform.web.FieldError;

/** A catalogue that cannot be accepted as sent: 400 on {@code /api}, the form's message in Tasklist. */
class CatalogueInputException extends InputRefusedException {

  CatalogueInputException(List<FieldError> errors) {
    this(errors, e -> e.field() + " " + e.message());
  }

  CatalogueInputException(List<FieldError> errors, Function<FieldError, String> describe) {
    super("目录数据有误", errors, describe);
  }

  CatalogueInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }
}
