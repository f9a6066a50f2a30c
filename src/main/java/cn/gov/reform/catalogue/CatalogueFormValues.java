package cn.gov.reform.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.gov.reform.catalogue.CatalogueRequest.Item;
import cn.gov.reform.catalogue.CatalogueRequest.LegalBasis;
import cn.gov.reform.catalogue.CatalogueRequest.Mode;
import cn.gov.reform.catalogue.CatalogueRequest.PowerKind;
import cn.gov.reform.catalogue.CatalogueRequest.TakenBack;
import cn.gov.reform.catalogue.CatalogueRequest.TownshipType;
import cn.gov.reform.web.FieldError;

/**
 * Tasklist's view of a catalogue (catalogueStart.form, at the start and at draftCatalogue): flat fields, the powers as
 * lines of "名称｜类别｜方式｜现行使部门｜法律依据｜指导目录条目｜调整理由" and the powers taken back as "名称｜理由", in the words
 * officials use (行政许可, 委托 …). Converts both ways; a bad line is refused naming the field by its label and the line.
 */
final class CatalogueFormValues {

  /** Form field keys the start and draft forms submit. */
  static final List<String> KEYS = List.of("title", "townshipCode", "townshipType", "itemsText", "takenBackText");

  /** The form's labels (catalogueStart.form), so a refusal names what the official sees. */
  static final Map<String, String> LABELS = Map.of("title", "目录标题", "townshipCode", "乡镇（街道）代码", "townshipType", "乡镇类型",
      "itemsText", "事项", "takenBackText", "收回的事项");
  private static final Map<String, String> ITEM_FIELDS = Map.of("name", "名称", "kind", "类别", "mode", "方式", "department", "现行使部门",
      "legalBasis.law", "法律依据", "legalBasis.article", "法律依据的条款", "guidanceEntry", "指导目录条目", "reason", "调整理由");
  /** Longer texts do not fit a form variable (4,000 characters): such a catalogue is revised over the API. */
  static final int MAX_TEXT = 3_900;
  private static final Pattern SEPARATOR = Pattern.compile("[|｜]");
  private static final Pattern BASIS = Pattern.compile("^《?([^》]+?)》?\\s*(第\\S+)?$");
  private static final Pattern FIELD = Pattern.compile("^(items|takenBack)(?:\\[(\\d+)\\])?(?:\\.(.+))?$");

  private CatalogueFormValues() {}

  /** Values to prefill the draft form with (task-local variables). */
  static Map<String, Object> of(CatalogueRequest content, int version) {
    String items = content.items().stream().map(CatalogueFormValues::line).collect(Collectors.joining("\n"));
    String back = content.takenBack().stream().map(t -> t.name() + "｜" + t.reason()).collect(Collectors.joining("\n"));
    boolean fits = items.length() <= MAX_TEXT && back.length() <= MAX_TEXT;
    Map<String, Object> v = new HashMap<>();
    v.put(CatalogueKeys.FORM_EDITABLE, fits);
    v.put(CatalogueKeys.FORM_EDIT_HINT, fits
        ? "可直接修改下方内容后选择“提交审查”；当前为第" + version + "版，提交后保存为新版本。"
        : "本目录共" + content.items().size() + "项，超出表单容量，请通过接口 PUT /api/catalogues/{id} 修订后再提交；当前为第" + version + "版。");
    v.put("title", content.title());
    v.put("itemsText", fits ? items : null);
    v.put("takenBackText", fits ? back : null);
    return v;
  }

  /** True when the variables carry a form-edited catalogue. */
  static boolean present(Map<String, Object> vars) {
    return vars.get("itemsText") != null;
  }

  /** The catalogue the form describes; {@code base} gives what the draft form does not edit (township, type), null at the start. */
  static CatalogueRequest toRequest(Map<String, Object> vars, CatalogueRequest base) {
    List<FieldError> errors = new ArrayList<>();
    String township = base != null ? base.townshipCode() : text(vars, "townshipCode");
    TownshipType type = base != null ? base.townshipType() : townshipType(text(vars, "townshipType"), errors);
    List<Item> items = new ArrayList<>();
    List<TakenBack> back = new ArrayList<>();
    lines(text(vars, "itemsText"), (n, cells) -> item(n, cells, errors).ifPresent(items::add));
    lines(text(vars, "takenBackText"), (n, cells) -> {
      if (cells.length != 2) {
        errors.add(new FieldError("takenBackText", "第" + n + "行应为“名称｜理由”"));
      } else {
        back.add(new TakenBack(cells[0], cells[1]));
      }
    });
    if (!errors.isEmpty()) {
      throw new CatalogueInputException(errors, CatalogueFormValues::describe);
    }
    return new CatalogueRequest(text(vars, "title"), township, type, items, back);
  }

  /** The errors of a request the form made, in the form's terms: its keys in {@code errors}, its labels and lines in the message. */
  static CatalogueInputException inFormTerms(CatalogueInputException e) {
    return new CatalogueInputException(e.errors().stream().map(CatalogueFormValues::formError).toList(),
        CatalogueFormValues::describe);
  }

  private static FieldError formError(FieldError f) {
    Matcher m = FIELD.matcher(f.field());
    if (!m.matches()) {
      return f;
    }
    String key = m.group(1).equals("items") ? "itemsText" : "takenBackText";
    String where = (m.group(2) == null ? "" : "第" + (Integer.parseInt(m.group(2)) + 1) + "行")
        + (m.group(3) == null ? "" : "的" + ITEM_FIELDS.getOrDefault(m.group(3), m.group(3)));
    return new FieldError(key, where.isEmpty() ? f.message() : where + "：" + f.message());
  }

  private static String describe(FieldError f) {
    return "“" + LABELS.getOrDefault(f.field(), f.field()) + "”" + f.message();
  }

  private static String line(Item it) {
    return String.join("｜", it.name(), it.kind().label(), it.mode().label(), it.department(),
        it.legalBasis() == null ? "" : it.legalBasis().text(), blank(it.guidanceEntry()), blank(it.reason()));
  }

  private interface Line {
    void accept(int number, String[] cells);
  }

  private static void lines(String text, Line each) {
    if (text == null) {
      return;
    }
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        each.accept(i + 1, Arrays.stream(SEPARATOR.split(lines[i].strip(), -1)).map(String::strip).toArray(String[]::new));
      }
    }
  }

  private static java.util.Optional<Item> item(int n, String[] cells, List<FieldError> errors) {
    if (cells.length < 4 || cells.length > 7) {
      errors.add(new FieldError("itemsText", "第" + n + "行应为“名称｜类别｜方式｜现行使部门｜法律依据｜指导目录条目｜调整理由”（后三项可空），现有"
          + cells.length + "项"));
      return java.util.Optional.empty();
    }
    PowerKind kind = Arrays.stream(PowerKind.values()).filter(k -> k.label().equals(cells[1]) || k.name().equals(cells[1]))
        .findFirst().orElse(null);
    Mode mode = Arrays.stream(Mode.values())
        .filter(m -> m.label().equals(cells[2]) || m.name().equals(cells[2]) || m == Mode.CONCENTRATED && "相对集中".equals(cells[2]))
        .findFirst().orElse(null);
    if (kind == null) {
      errors.add(new FieldError("itemsText", "第" + n + "行的类别“" + cells[1] + "”应为 " + Arrays.stream(PowerKind.values())
          .map(PowerKind::label).collect(Collectors.joining("、"))));
    }
    if (mode == null) {
      errors.add(new FieldError("itemsText", "第" + n + "行的方式“" + cells[2] + "”应为 " + Arrays.stream(Mode.values())
          .map(Mode::label).collect(Collectors.joining("、"))));
    }
    if (kind == null || mode == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Item(cells[0], kind, mode, cells[3], basis(cell(cells, 4)), cell(cells, 5), cell(cells, 6)));
  }

  /** 《城市市容和环境卫生管理条例》第十一条 → the law and its article; a text without an article is a law without one. */
  static LegalBasis basis(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = BASIS.matcher(text);
    return m.matches() ? new LegalBasis(m.group(1).strip(), m.group(2)) : new LegalBasis(text, null);
  }

  private static String cell(String[] cells, int i) {
    return i < cells.length && !cells[i].isEmpty() ? cells[i] : null;
  }

  private static String blank(String s) {
    return s == null ? "" : s;
  }

  private static TownshipType townshipType(String value, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    return Arrays.stream(TownshipType.values()).filter(t -> t.name().equals(value)).findFirst().orElseGet(() -> {
      errors.add(new FieldError("townshipType", "取值无效，应为 TOWNSHIP 或 DEVELOPED_TOWN"));
      return null;
    });
  }

  private static String text(Map<String, Object> vars, String key) {
    Object v = vars.get(key);
    return v == null ? null : String.valueOf(v);
  }
}
