package cn.gov.reform.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.gov.reform.plan.PlanRequest.Kind;
import cn.gov.reform.plan.PlanRequest.PlanType;
import cn.gov.reform.plan.PlanRequest.Township;
import cn.gov.reform.plan.PlanRequest.Unit;
import cn.gov.reform.web.FieldError;

/**
 * The Tasklist forms' view of a single-township plan: flat fields, with bodies and institutions as
 * lines of "名称 编制数". Converts both ways; bad lines are reported under the form field's key.
 */
public final class DraftFormValues {

  /** Form field keys the start and draft forms submit. */
  public static final List<String> KEYS = List.of("title", "planType", "countyCode", "deadline", "townshipCode",
      "townshipName", "townshipKind", "townshipCategory", "builtUpPopulation", "administrativeStaff",
      "institutionalStaff", "leadershipPositions", "currentLeadershipPositions", "bodiesText", "institutionsText");

  private static final Pattern LINE = Pattern.compile("^(.+?)[\\s,，:：、]+([0-9]+)\\s*[名人]?$");

  private DraftFormValues() {}

  /** Values to prefill the draftPlan form with (task-local variables). */
  public static Map<String, Object> of(PlanRequest plan, int version) {
    Map<String, Object> v = new HashMap<>();
    boolean single = plan.townships().size() == 1;
    v.put("editableInForm", single);
    v.put("editHint", single
        ? "可直接修改下方内容后选择“提交审核”；当前为第" + version + "版，提交后保存为新版本。"
        : "本方案含" + plan.townships().size() + "个乡镇（街道），请通过接口 PUT /api/plans/{id} 修订后再提交；当前为第" + version + "版。");
    v.put("title", plan.title());
    v.put("deadline", plan.deadline() == null ? null : plan.deadline().toString());
    if (single) {
      Township t = plan.townships().get(0);
      v.put("townshipCode", t.code());
      v.put("townshipName", t.name());
      v.put("townshipKind", t.kind().name());
      v.put("townshipCategory", t.category());
      v.put("builtUpPopulation", t.builtUpPopulation());
      v.put("administrativeStaff", t.administrativeStaff());
      v.put("institutionalStaff", t.institutionalStaff());
      v.put("leadershipPositions", t.leadershipPositions());
      v.put("currentLeadershipPositions", t.currentLeadershipPositions());
      v.put("bodiesText", lines(t.bodies()));
      v.put("institutionsText", lines(t.institutions()));
    }
    return v;
  }

  /** True when the variables carry a form-edited plan (the drafter used the form rather than the API). */
  public static boolean present(Map<String, Object> vars) {
    return vars.get("townshipCode") != null && vars.get("bodiesText") != null;
  }

  /**
   * The plan the form describes. {@code base} supplies what the draft form does not edit (county, type);
   * it is null for the start form.
   */
  public static PlanRequest toRequest(Map<String, Object> vars, PlanRequest base) {
    List<FieldError> errors = new ArrayList<>();
    String county = base != null ? base.countyCode() : text(vars, "countyCode");
    PlanType type = base != null ? base.planType() : enumValue(vars, "planType", PlanType.class, errors);
    Kind kind = enumValue(vars, "townshipKind", Kind.class, errors);
    LocalDate deadline = null;
    String d = text(vars, "deadline");
    if (d != null && !d.isBlank()) {
      try {
        deadline = LocalDate.parse(d.length() > 10 ? d.substring(0, 10) : d);
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("deadline", "日期格式应为 YYYY-MM-DD"));
      }
    } else if (base != null) {
      deadline = base.deadline();
    }
    Township t = new Township(text(vars, "townshipCode"), text(vars, "townshipName"), kind,
        integer(vars, "townshipCategory", errors), longValue(vars, "builtUpPopulation", errors),
        units(vars, "bodiesText", errors), units(vars, "institutionsText", errors),
        integer(vars, "administrativeStaff", errors), integer(vars, "institutionalStaff", errors),
        integer(vars, "leadershipPositions", errors), integer(vars, "currentLeadershipPositions", errors));
    if (!errors.isEmpty()) {
      throw new PlanInputException(errors);
    }
    return new PlanRequest(text(vars, "title"), type, county, deadline, List.of(t));
  }

  /** Renames API field paths (townships[0].bodies[1].staff) to the form's keys (bodiesText). */
  /**
   * The form's labels of its fields (planStart.form; {@code DraftFormLabelsTest} keeps them equal), so a refusal
   * names the field the user sees, e.g. 党政工作机构, not its key.
   */
  static final Map<String, String> LABELS = Map.ofEntries(Map.entry("title", "方案标题"), Map.entry("planType", "方案类型"),
      Map.entry("countyCode", "县（市、区）代码"), Map.entry("deadline", "完成期限"), Map.entry("townshipCode", "乡镇（街道）代码"),
      Map.entry("townshipName", "乡镇（街道）名称"), Map.entry("townshipKind", "类型"), Map.entry("townshipCategory", "乡镇类别"),
      Map.entry("builtUpPopulation", "建成区常住人口"), Map.entry("administrativeStaff", "行政编制"),
      Map.entry("institutionalStaff", "事业编制"), Map.entry("leadershipPositions", "领导职数（方案）"),
      Map.entry("currentLeadershipPositions", "现有领导职数"), Map.entry("bodiesText", "党政工作机构"),
      Map.entry("institutionsText", "事业单位"));

  /** The errors in the form's terms: its keys in {@code errors}, its labels in the message. */
  public static PlanInputException inFormTerms(PlanInputException e) {
    return new PlanInputException(e.errors().stream().map(f -> new FieldError(formKey(f.field()), f.message())).toList(),
        f -> "“" + LABELS.getOrDefault(f.field(), f.field()) + "”" + f.message());
  }

  static String formKey(String field) {
    String f = field.replaceFirst("^townships\\[0\\]\\.?", "");
    if (f.startsWith("bodies")) {
      return "bodiesText";
    }
    if (f.startsWith("institutions")) {
      return "institutionsText";
    }
    return switch (f) {
      case "code" -> "townshipCode";
      case "name" -> "townshipName";
      case "kind" -> "townshipKind";
      case "category" -> "townshipCategory";
      case "" -> "townshipCode";
      default -> f;
    };
  }

  static String lines(List<Unit> units) {
    return units.stream().map(u -> u.name() + " " + u.staff()).collect(Collectors.joining("\n"));
  }

  static List<Unit> units(Map<String, Object> vars, String key, List<FieldError> errors) {
    String text = text(vars, key);
    List<Unit> units = new ArrayList<>();
    if (text == null) {
      return units;
    }
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        errors.add(new FieldError(key, "第" + (i + 1) + "行“" + abbreviate(line) + "”格式应为“名称 编制数”，如“党政办公室 8”"));
        continue;
      }
      try {
        units.add(new Unit(m.group(1).strip(), Integer.valueOf(m.group(2))));
      } catch (NumberFormatException e) {
        errors.add(new FieldError(key, "第" + (i + 1) + "行的编制数不合理"));
      }
    }
    return units;
  }

  private static String abbreviate(String s) {
    return s.length() > 30 ? s.substring(0, 30) + "…" : s;
  }

  private static String text(Map<String, Object> vars, String key) {
    Object v = vars.get(key);
    return v == null ? null : String.valueOf(v);
  }

  private static Integer integer(Map<String, Object> vars, String key, List<FieldError> errors) {
    Long l = longValue(vars, key, errors);
    if (l == null) {
      return null;
    }
    if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
      errors.add(new FieldError(key, "数值不合理"));
      return null;
    }
    return l.intValue();
  }

  private static Long longValue(Map<String, Object> vars, String key, List<FieldError> errors) {
    Object v = vars.get(key);
    if (v == null || (v instanceof String s && s.isBlank())) {
      return null;
    }
    if (v instanceof Number n) {
      double dv = n.doubleValue();
      if (dv != Math.rint(dv) || Double.isInfinite(dv)) {
        errors.add(new FieldError(key, "应为整数"));
        return null;
      }
      return n.longValue();
    }
    try {
      return Long.valueOf(String.valueOf(v).strip());
    } catch (NumberFormatException e) {
      errors.add(new FieldError(key, "应为整数"));
      return null;
    }
  }

  private static <E extends Enum<E>> E enumValue(Map<String, Object> vars, String key, Class<E> type, List<FieldError> errors) {
    String v = text(vars, key);
    if (v == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(key, "取值“" + abbreviate(v) + "”无效"));
      return null;
    }
  }
}
