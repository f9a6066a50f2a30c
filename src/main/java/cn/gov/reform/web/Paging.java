package cn.gov.reform.web;

import java.util.ArrayList;
import java.util.List;

/** The one rule for a page of a list over {@code /api}: page 0—100000, size 1—max; each broken bound names its field. */
public final class Paging {

  public static final int MAX_PAGE = 100_000;

  private Paging() {}

  /** The errors of {@code page} and {@code size} (empty when both are fine), for the caller to add its own filters' to. */
  public static List<FieldError> errors(int page, int size, int maxSize) {
    List<FieldError> errors = new ArrayList<>();
    if (page < 0 || page > MAX_PAGE) {
      errors.add(new FieldError("page", "应为0—" + MAX_PAGE));
    }
    if (size < 1 || size > maxSize) {
      errors.add(new FieldError("size", "应为1—" + maxSize));
    }
    return errors;
  }
}
