package cn.gov.reform.web;

import java.util.List;

/**
 * Input that cannot be accepted, field by field. Implemented by the refusals of every procedure (bad item
 * data, a refused decision, a bad calendar notice), which may be raised inside the engine too, so they
 * cannot share a base class; {@code /api} answers them with 400 and their {@link #errors()}.
 */
public interface InvalidFields {

  /** What was wrong, for the problem's title, e.g. 方案数据有误. */
  String problemTitle();

  List<FieldError> errors();
}
