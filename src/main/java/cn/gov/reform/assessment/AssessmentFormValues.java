package cn.gov.reform.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gov.reform.approval.CitedDocument;
import cn.gov.reform.web.FieldError;

/**
 * Tasklist's start form of an assessment item (assessmentStart.form): flat fields — the townships as codes separated by
 * commas or spaces, one assessed item (duty and indicator; several items: over {@code /api}), the cited document as three
 * fields. A refusal names the form's label.
 */
final class AssessmentFormValues {

  static final List<String> KEYS = List.of("title", "countyCode", "department", "kind", "townshipCodes", "dutyId", "indicator",
      "reason", "basisName", "basisNumber", "basisIssuer");
  static final Map<String, String> LABELS = Map.ofEntries(Map.entry("title", "考核事项名称"), Map.entry("countyCode", "县（市、区）代码"),
      Map.entry("department", "申请部门"), Map.entry("kind", "类别"), Map.entry("townshipCodes", "考核的乡镇（街道）"),
      Map.entry("dutyId", "所考核的职责编号"), Map.entry("indicator", "考核内容或指标"), Map.entry("reason", "确需设置的理由"),
      Map.entry("basisName", "所依据文件名称"), Map.entry("basisNumber", "文号"), Map.entry("basisIssuer", "发文机关"));

  private AssessmentFormValues() {}

  /** Values to prefill the revision form with (task-local variables): the first item (the others are kept as they are). */
  static Map<String, Object> of(AssessmentRequest r) {
    Map<String, Object> v = new HashMap<>();
    v.put("title", r.title());
    v.put("countyCode", r.countyCode());
    v.put("department", r.department());
    v.put("kind", r.kind().name());
    v.put("townshipCodes", String.join("，", r.townshipCodes()));
    v.put("dutyId", r.items().get(0).dutyId());
    v.put("indicator", r.items().get(0).indicator());
    v.put("reason", r.reason());
    v.put("basisName", r.basis() == null ? null : r.basis().name());
    v.put("basisNumber", r.basis() == null ? null : r.basis().number());
    v.put("basisIssuer", r.basis() == null || r.basis().issuer() == null ? null : r.basis().issuer().name());
    return v;
  }

  /** True when the variables carry a form-edited request. */
  static boolean present(Map<String, Object> vars) {
    return vars.get("title") != null && vars.get("townshipCodes") != null && vars.get("dutyId") != null;
  }

  /** The edited form as a revision of {@code current}: its first item replaced, the others kept. */
  static AssessmentRequest revision(Map<String, Object> vars, AssessmentRequest current) {
    AssessmentRequest edited = toRequest(vars);
    List<AssessmentRequest.Item> items = new ArrayList<>(edited.items());
    items.addAll(current.items().subList(1, current.items().size()));
    return new AssessmentRequest(edited.title(), edited.countyCode(), edited.department(), edited.kind(), edited.townshipCodes(), items,
        edited.reason(), edited.basis());
  }

  static AssessmentRequest toRequest(Map<String, Object> vars) {
    List<FieldError> errors = new ArrayList<>();
    AssessmentKind kind = null;
    String kindText = text(vars, "kind");
    if (kindText != null) {
      kind = Arrays.stream(AssessmentKind.values()).filter(k -> k.name().equals(kindText) || k.label().equals(kindText)).findFirst()
          .orElse(null);
      if (kind == null) {
        errors.add(new FieldError("kind", "应为 VETO（一票否决）、DIRECT_ASSESSMENT（直接考核）或 RANKING（评比达标、示范创建）"));
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
      throw inFormTerms(new AssessmentInputException(errors));
    }
    String townships = text(vars, "townshipCodes");
    List<String> codes = townships == null ? List.of()
        : Arrays.stream(townships.split("[,，、;；\\s]+")).filter(s -> !s.isBlank()).toList();
    String name = text(vars, "basisName");
    String number = text(vars, "basisNumber");
    CitedDocument basis = name == null && number == null && issuer == null ? null : new CitedDocument(name, number, issuer);
    return new AssessmentRequest(text(vars, "title"), text(vars, "countyCode"), text(vars, "department"), kind, codes,
        List.of(new AssessmentRequest.Item(text(vars, "dutyId"), text(vars, "indicator"))), text(vars, "reason"), basis);
  }

  /** The errors of a request the form made, in the form's terms: its keys in {@code errors}, its labels in the message. */
  static AssessmentInputException inFormTerms(AssessmentInputException e) {
    List<FieldError> errors = e.errors().stream().map(f -> new FieldError(formKey(f.field()), f.message())).toList();
    return new AssessmentInputException(e.problemTitle(), errors, f -> "“" + LABELS.getOrDefault(f.field(), f.field()) + "”" + f.message());
  }

  private static String formKey(String field) {
    if (field.startsWith("townshipCodes")) {
      return "townshipCodes";
    }
    if (field.startsWith("items") && field.endsWith("dutyId")) {
      return "dutyId";
    }
    if (field.startsWith("items") && field.endsWith("indicator")) {
      return "indicator";
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
