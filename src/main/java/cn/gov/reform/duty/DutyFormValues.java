package cn.gov.reform.duty;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gov.reform.approval.CitedDocument;
import cn.gov.reform.duty.DutyRequest.ShiftedForm;
import cn.gov.reform.web.FieldError;

/**
 * Tasklist's view of a duty-access request (dutyStart.form, at the start and at reviseDutyRequest): flat fields — the
 * townships as codes separated by commas or lines, the banned forms as three checkboxes, the cited document as three
 * fields. Converts both ways; a refusal names the form's label.
 */
final class DutyFormValues {

  static final List<String> KEYS = List.of("title", "countyCode", "department", "townshipCodes", "goal", "content", "authority",
      "division", "deadline", "staff", "funds", "training", "formPledge", "formQuota", "formAcceptance", "basisName",
      "basisNumber", "basisIssuer");
  /** The form's labels, so a refusal names what the official sees. */
  static final Map<String, String> LABELS = Map.ofEntries(Map.entry("title", "事项名称"), Map.entry("countyCode", "县（市、区）代码"),
      Map.entry("department", "申请部门"), Map.entry("townshipCodes", "涉及的乡镇（街道）"), Map.entry("goal", "工作目标"),
      Map.entry("content", "工作内容"), Map.entry("authority", "权限"), Map.entry("division", "分工"), Map.entry("deadline", "期限"),
      Map.entry("staff", "人员保障"), Map.entry("funds", "经费保障"), Map.entry("training", "业务培训"),
      Map.entry("forms", "承担形式"), Map.entry("basisName", "所依据文件名称"), Map.entry("basisNumber", "文号"),
      Map.entry("basisIssuer", "发文机关"));
  private static final Map<ShiftedForm, String> FORM_KEYS = Map.of(ShiftedForm.RESPONSIBILITY_PLEDGE, "formPledge",
      ShiftedForm.QUOTA_BREAKDOWN, "formQuota", ShiftedForm.ACCEPTANCE_CHECK, "formAcceptance");

  private DutyFormValues() {}

  /** Values to prefill the revision form with (task-local variables). */
  static Map<String, Object> of(DutyRequest r) {
    Map<String, Object> v = new HashMap<>();
    v.put("title", r.title());
    v.put("countyCode", r.countyCode());
    v.put("department", r.department());
    v.put("townshipCodes", String.join("，", r.townshipCodes()));
    v.put("goal", r.goal());
    v.put("content", r.content());
    v.put("authority", r.authority());
    v.put("division", r.division());
    v.put("deadline", r.deadline() == null ? null : r.deadline().toString());
    v.put("staff", r.staff());
    v.put("funds", r.funds());
    v.put("training", r.training());
    FORM_KEYS.forEach((form, key) -> v.put(key, r.forms().contains(form)));
    v.put("basisName", r.basis() == null ? null : r.basis().name());
    v.put("basisNumber", r.basis() == null ? null : r.basis().number());
    v.put("basisIssuer", r.basis() == null || r.basis().issuer() == null ? null : r.basis().issuer().name());
    return v;
  }

  /** True when the variables carry a form-edited request. */
  static boolean present(Map<String, Object> vars) {
    return vars.get("title") != null && vars.get("townshipCodes") != null;
  }

  /** The request the form describes; refuses what cannot be read (a date, an issuer) naming the form's field. */
  static DutyRequest toRequest(Map<String, Object> vars) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate deadline = null;
    String day = text(vars, "deadline");
    if (day != null) {
      try {
        deadline = LocalDate.parse(day.length() > 10 ? day.substring(0, 10) : day);
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("deadline", "应为日期，如 2027-06-30"));
      }
    }
    CitedDocument.Issuer issuer = null;
    String issuerText = text(vars, "basisIssuer");
    if (issuerText != null) {
      issuer = Arrays.stream(CitedDocument.Issuer.values()).filter(i -> i.name().equals(issuerText) || i.label().equals(issuerText))
          .findFirst().orElse(null);
      if (issuer == null) {
        errors.add(new FieldError("basisIssuer", "应为 CENTRAL（党中央、国务院）或 PROVINCIAL（省委、省政府）"));
      }
    }
    if (!errors.isEmpty()) {
      throw inFormTerms(new DutyInputException(errors));
    }
    String townships = text(vars, "townshipCodes");
    List<String> codes = townships == null ? List.of()
        : Arrays.stream(townships.split("[,，、;；\\s]+")).filter(s -> !s.isBlank()).toList();
    List<ShiftedForm> forms = FORM_KEYS.entrySet().stream().filter(e -> Boolean.TRUE.equals(vars.get(e.getValue())))
        .map(Map.Entry::getKey).sorted().toList();
    String name = text(vars, "basisName");
    String number = text(vars, "basisNumber");
    CitedDocument basis = name == null && number == null && issuer == null ? null : new CitedDocument(name, number, issuer);
    return new DutyRequest(text(vars, "title"), text(vars, "countyCode"), text(vars, "department"), codes, text(vars, "goal"),
        text(vars, "content"), text(vars, "authority"), text(vars, "division"), deadline, text(vars, "staff"), text(vars, "funds"),
        text(vars, "training"), forms, basis);
  }

  /** The errors of a request the form made, in the form's terms: its keys in {@code errors}, its labels in the message. */
  static DutyInputException inFormTerms(DutyInputException e) {
    List<FieldError> errors = e.errors().stream().map(f -> new FieldError(formKey(f.field()), f.message())).toList();
    return new DutyInputException(e.problemTitle(), errors, f -> "“" + LABELS.getOrDefault(f.field(), f.field()) + "”" + f.message());
  }

  private static String formKey(String field) {
    if (field.startsWith("townshipCodes")) {
      return "townshipCodes";
    }
    if (field.startsWith("forms")) {
      return "forms";
    }
    return switch (field) {
      case "basis", "basis.name" -> "basisName";
      case "basis.number" -> "basisNumber";
      case "basis.issuer" -> "basisIssuer";
      default -> field;
    };
  }

  private static String text(Map<String, Object> vars, String key) {
    Object v = vars.get(key);
    return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).strip();
  }
}
