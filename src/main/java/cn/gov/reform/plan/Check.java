package cn.gov.reform.plan;

import java.util.ArrayList;
import java.util.List;

import cn.gov.reform.plan.PlanRequest.Township;
import cn.gov.reform.plan.PlanRequest.Unit;

/**
 * What a limit row of a rule-set table measures (the {@code check} output). The numbers, names and
 * severities are data in the DMN rows; a new kind of measurement is added here.
 */
public enum Check {
  /** number of 党政工作机构 within [min, max] */
  BODY_COUNT(Shape.RANGE, "党政工作机构", "个"),
  /** number of 事业单位 within [min, max] */
  INSTITUTION_COUNT(Shape.RANGE, "事业单位", "个"),
  /** 党政工作机构 and 事业单位 together (吉林 "职能机构") within [min, max] */
  UNIT_COUNT(Shape.RANGE, "职能机构（党政工作机构和事业单位合计）", "个"),
  /** 行政编制 within [min, max] */
  ADMINISTRATIVE_STAFF(Shape.RANGE, "行政编制", "名"),
  /** every 党政工作机构 has at least min staff */
  BODY_STAFF(Shape.EACH_BODY, "党政工作机构编制", "名"),
  /** built-up-area resident population at least min; a missing figure is itself a finding */
  POPULATION(Shape.RANGE, "建成区常住人口", "人"),
  /** the township's class (乡镇类别) is given and within [min, max] */
  CATEGORY(Shape.RANGE, "乡镇类别", "类"),
  /** planned leadership positions do not exceed the current total; both figures must be given */
  LEADERSHIP(Shape.LEADERSHIP, "领导职数", "名"),
  /** a 党政工作机构 whose name contains one of the row's names */
  REQUIRED_BODY(Shape.REQUIRED, "党政工作机构", null),
  /** a 事业单位 whose name contains one of the row's names */
  REQUIRED_INSTITUTION(Shape.REQUIRED, "事业单位", null),
  /** a 党政工作机构 or 事业单位 whose name contains one of the row's names */
  REQUIRED_UNIT(Shape.REQUIRED, "机构", null),
  /** no 党政工作机构 or 事业单位 whose name contains one of the row's names */
  FORBIDDEN_UNIT(Shape.FORBIDDEN, "机构", null);

  enum Shape { RANGE, EACH_BODY, LEADERSHIP, REQUIRED, FORBIDDEN }

  private final Shape shape;
  private final String noun;
  private final String measureWord;

  Check(Shape shape, String noun, String measureWord) {
    this.shape = shape;
    this.noun = noun;
    this.measureWord = measureWord;
  }

  Shape shape() {
    return shape;
  }

  String noun() {
    return noun;
  }

  String measureWord() {
    return measureWord;
  }

  /** The measured figure of a RANGE check, or null where the plan does not give it. */
  Long measure(Township t) {
    return switch (this) {
      case BODY_COUNT -> (long) t.bodies().size();
      case INSTITUTION_COUNT -> (long) t.institutions().size();
      case UNIT_COUNT -> (long) t.bodies().size() + t.institutions().size();
      case ADMINISTRATIVE_STAFF -> t.administrativeStaff() == null ? null : t.administrativeStaff().longValue();
      case POPULATION -> t.builtUpPopulation();
      case CATEGORY -> t.category() == null ? null : t.category().longValue();
      default -> throw new IllegalStateException(name() + " is not a range check");
    };
  }

  /** The units a name check looks at. */
  List<Unit> units(Township t) {
    return switch (this) {
      case REQUIRED_BODY -> t.bodies();
      case REQUIRED_INSTITUTION -> t.institutions();
      default -> {
        List<Unit> all = new ArrayList<>(t.bodies());
        all.addAll(t.institutions());
        yield all;
      }
    };
  }
}
