package cn.gov.reform.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.reform.calendar.CalendarNotices;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.plan.CurrentCaller;
import cn.gov.reform.plan.PlanForbiddenException;

/**
 * The working-day calendar: anyone signed in may read a year; administrators load a new year's
 * State Council holiday notice without a rebuild.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  private final CalendarNotices notices;
  private final CurrentCaller caller;

  CalendarController(CalendarNotices notices, CurrentCaller caller) {
    this.notices = notices;
    this.caller = caller;
  }

  @GetMapping("/{year}")
  CalendarNotices.Year year(@PathVariable int year) {
    caller.jurisdiction();
    return notices.year(year);
  }

  @PutMapping("/{year}")
  CalendarNotices.Year load(@PathVariable int year, @RequestBody CalendarNotices.Notice notice) {
    Jurisdiction who = caller.jurisdiction();
    if (!who.admin()) {
      throw new PlanForbiddenException("只有系统管理员（camunda-admin）可以导入节假日安排");
    }
    return notices.load(year, notice, who.userId());
  }
}
