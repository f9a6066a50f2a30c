package cn.gov.reform.secondment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gov.reform.web.FieldError;

/**
 * Tasklist's view of a request (secondmentStart.form, at the start and at reviseSecondment): flat fields with dates as
 * form-js writes them (2027-03-01). Converts both ways; a bad field is refused naming it by its label.
 */
final class SecondmentFormValues {

  /** Form field keys the start and revise forms submit. */
  static final List<String> KEYS = List.of("personId", "personName", "townshipCode", "startedInTownship", "requestingBody", "reason",
      "startDate", "endDate", "specialJustification");

  /** The form's labels, so a refusal names what the official sees. */
  static final Map<String, String> LABELS = Map.of("personId", "人员编号", "personName", "姓名", "townshipCode", "所在乡镇（街道）代码",
      "startedInTownship", "到乡镇工作的日期", "requestingBody", "借调单位", "reason", "借调事由", "startDate", "借调开始日期",
      "endDate", "借调结束日期", "specialJustification", "书面特殊理由");

  private SecondmentFormValues() {}

  /** Values to prefill the revise form with (task-local variables). */
  static Map<String, Object> of(Secondment s) {
    Map<String, Object> v = new HashMap<>();
    v.put("personId", s.personId());
    v.put("personName", s.personName());
    v.put("townshipCode", s.townshipCode());
    v.put("startedInTownship", s.startedInTownship().toString());
    v.put("requestingBody", s.requestingBody());
    v.put("reason", s.reason());
    v.put("startDate", s.startDate().toString());
    v.put("endDate", s.endDate().toString());
    v.put("specialJustification", s.specialJustification());
    return v;
  }

  /** True when the variables carry a form-edited request. */
  static boolean present(Map<String, Object> vars) {
    return vars.get("personId") != null && vars.get("startDate") != null;
  }

  /** The request the form describes; refuses unreadable dates naming the field. */
  static SecondmentRequest toRequest(Map<String, Object> vars) {
    List<FieldError> errors = new ArrayList<>();
    SecondmentRequest r = new SecondmentRequest(text(vars, "personId"), text(vars, "personName"), text(vars, "townshipCode"),
        date(vars, "startedInTownship", errors), text(vars, "requestingBody"), text(vars, "reason"), date(vars, "startDate", errors),
        date(vars, "endDate", errors), text(vars, "specialJustification"));
    if (!errors.isEmpty()) {
      throw inFormTerms(new SecondmentInputException(errors));
    }
    return r;
  }

  /** The errors in the form's terms: its labels in the message. */
  static SecondmentInputException inFormTerms(SecondmentInputException e) {
    return new SecondmentInputException(e.errors(), f -> "“" + LABELS.getOrDefault(f.field(), f.field()) + "”" + f.message());
  }

  private static LocalDate date(Map<String, Object> vars, String key, List<FieldError> errors) {
    String text = text(vars, key);
    if (text == null) {
      return null;
    }
    try {
      // form-js writes a date as 2027-03-01; a date-time's date part is taken too
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(key, "不是有效的日期（应为 年-月-日，如 2027-03-01），收到“" + (text.length() > 20 ? text.substring(0, 20) + "…" : text)
          + "”"));
      return null;
    }
  }

  private static String text(Map<String, Object> vars, String key) {
    Object v = vars.get(key);
    return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v);
  }
}
