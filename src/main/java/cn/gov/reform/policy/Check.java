package cn.gov.reform.policy;

import java.util.List;

import cn.gov.reform.plan.PlanRequest.Township;
import cn.gov.reform.plan.PlanRequest.Unit;

/** What a limit row of the DMN table measures. New kinds of limits are added here, their numbers in DMN. */
public enum Check {
  /** number of 党政工作机构 within [min, max] */
  BODY_COUNT("党政工作机构") {
    @Override
    long measure(Township t) {
      return t.bodies().size();
    }
  },
  /** number of 事业单位 within [min, max] */
  INSTITUTION_COUNT("事业单位") {
    @Override
    long measure(Township t) {
      return t.institutions().size();
    }
  },
  /** an 事业单位 whose name contains the row's unit name must exist */
  REQUIRED_INSTITUTION("事业单位") {
    @Override
    List<Unit> units(Township t) {
      return t.institutions();
    }
  },
  /** a 党政工作机构 whose name contains one of the row's unit names (separated by |) must exist */
  REQUIRED_BODY("党政工作机构") {
    @Override
    List<Unit> units(Township t) {
      return t.bodies();
    }
  };

  private final String noun;

  Check(String noun) {
    this.noun = noun;
  }

  String noun() {
    return noun;
  }

  long measure(Township t) {
    throw new UnsupportedOperationException(name() + " is not a count");
  }

  List<Unit> units(Township t) {
    throw new UnsupportedOperationException(name() + " is not a required-unit check");
  }
}
