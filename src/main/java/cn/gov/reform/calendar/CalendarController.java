package cn.gov.reform.calendar;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.ProblemResponses;

/**
 * The working-day calendar: anyone signed in may read a year; administrators load a new year's
 * State Council holiday notice without a rebuild.
 */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "工作日", description = "按国务院节假日安排计算办理时限所用的工作日历")
class CalendarController {

  private final CalendarNotices notices;
  private final CurrentCaller caller;

  CalendarController(CalendarNotices notices, CurrentCaller caller) {
    this.notices = notices;
    this.caller = caller;
  }

  @Operation(operationId = "getCalendarYear", summary = "查询一年的工作日安排", description = "该年工作日中的放假日期、调休上班的周末和安排出处；"
      + "尚无该年通知时 known 为 false，时限只按周末推算。")
  @ApiResponse(responseCode = "200", description = "该年的工作日安排")
  @ProblemResponses.BadInput
  @GetMapping("/{year}")
  CalendarNotices.Year year(@Parameter(description = "年份", example = "2027") @PathVariable int year) {
    caller.jurisdiction();
    return notices.year(year);
  }

  @Operation(operationId = "loadCalendarYear", summary = "导入一年的节假日安排", description = "系统管理员（camunda-admin）导入国务院办公厅当年的节假日安排通知，"
      + "替换该年已有的安排，立即生效，重启后仍然有效。",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "节假日安排通知", required = true,
          content = @Content(schema = @Schema(implementation = CalendarNotices.Notice.class))))
  @ApiResponse(responseCode = "200", description = "导入后该年的工作日安排")
  @ProblemResponses.BadInput
  @ProblemResponses.Forbidden
  @PutMapping("/{year}")
  CalendarNotices.Year load(@Parameter(description = "年份（2004—2100）", example = "2027") @PathVariable int year,
      @RequestBody CalendarNotices.Notice notice) {
    Jurisdiction who = caller.jurisdiction();
    if (!who.admin()) {
      throw ApiException.forbidden("只有系统管理员（camunda-admin）可以导入节假日安排");
    }
    return notices.load(year, notice, who.userId());
  }
}
