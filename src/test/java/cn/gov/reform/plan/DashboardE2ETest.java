package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.support.Browser;

/**
 * In a real browser: the 山东 supervisor logs in on the dashboard's login page, sees the campaign's
 * charts filled (status per city, overdue by city, working days per stage) and the deadline list,
 * drills down from a chart to the plans, from a plan to its record, and jumps to Cockpit. Tasklist's,
 * Cockpit's and the welcome page's headers lead back to the dashboard, and its 退出登录 ends the session.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardE2ETest {

  /** 管理驾驶舱 in a webapp's header. */
  private static final By DASHBOARD_LINK = By.cssSelector("[cam-widget-header] a[href='/dashboard']");

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired WorkingDayCalendar calendar;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(WorkingDayCalendar.ZONE).toInstant()));
  }

  private PlanView plan(LocalDate deadline) {
    PlanRequest p = PlanFixtures.ningyangPlan();
    PlanView created = support.create("ningyang", new PlanRequest(p.title(), p.planType(), p.countyCode(), deadline, p.townships()));
    support.runJobs(created.processInstanceId());
    return created;
  }

  @Test
  void shouldShowTheCampaignToTheProvinceWithDrillDownToThePlanAndCockpit() {
    LocalDate today = calendar.today();
    PlanView dueSoon = plan(calendar.plus(today, 7).day());
    PlanView late = plan(today.plusDays(1));
    // two working days later the city 编办 approves the first plan; the second one's deadline has passed
    at(calendar.plus(today, 2).day());
    support.complete("taian", dueSoon.processInstanceId(), "cityReview", Map.of("decision", "APPROVE"));
    at(today.plusDays(3));
    support.runJobs(late.processInstanceId());
    ClockUtil.reset();
    // 济南 has a plan in review but none in draft, unlike 泰安: an empty segment in 济南's stacked bar
    support.runJobs(support.create("licheng", PlanFixtures.lichengPlan()).processInstanceId());
    support.runJobs(support.create("ningyang", PlanFixtures.ningyangPlan(PlanFixtures.ciyaoAsDeveloped())).processInstanceId());

    try (Browser browser = new Browser(port)) {
      browser.steps("dashboard", () -> {
        browser.open("/dashboard");
        browser.fill(Map.of(By.id("username"), "shandongsupervisor", By.id("password"), PlanFixtures.PASSWORD));
        browser.screenshot("11-dashboard-login");
        browser.click(By.id("submit"));

        for (String chart : new String[] {"byStatusChart", "overdueChart", "stageChart"}) {
          browser.until(d -> Integer.parseInt(d.findElement(By.id(chart)).getAttribute("data-points")) > 0);
          Object points = browser.script("var c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
              + "return c.getOption().series.reduce(function (n, s) { return n + s.data.length; }, 0);", chart);
          assertThat(((Number) points).intValue()).as(chart + " has data").isPositive();
        }
        assertThat(browser.visible(By.id("overdueTitle")).getText()).isEqualTo("逾期未办结方案（按市）");
        assertThat(browser.script("return echarts.getInstanceByDom(document.getElementById('overdueChart')).getOption().xAxis[0].data;")
            .toString()).contains("泰安市");
        assertThat(browser.script("return echarts.getInstanceByDom(document.getElementById('stageChart')).getOption().xAxis[0].data;")
            .toString()).contains("市编办审核");
        assertThat(browser.script("return echarts.getInstanceByDom(document.getElementById('stageChart')).getOption().series[0].data;")
            .toString()).isEqualTo("[2]");
        assertThat(browser.driver.findElements(By.cssSelector("#dueSoon a[href='#plan/" + late.id() + "']")))
            .as("an overdue plan is listed as overdue, not as due soon").isEmpty();
        WebElement row = browser.visible(By.cssSelector("#dueSoon a[href='#plan/" + dueSoon.id() + "']"));
        assertThat(row.getText()).isEqualTo("宁阳县乡镇行政管理体制改革方案");
        assertThat(browser.visible(By.id("summary")).getText()).contains("可见方案", "逾期未办结");

        // every status a city has is labelled with its number on the city's bar; a status it lacks has no "0" there
        List<Long> counts = ((List<?>) browser.script("return echarts.getInstanceByDom(document.getElementById('byStatusChart'))"
            + ".getOption().series.reduce(function (all, s) { return all.concat(s.data); }, []);"))
            .stream().map(n -> ((Number) n).longValue()).toList();
        assertThat(counts).as("济南 has no plan 起草中").contains(0L);
        assertThat(segmentLabels(browser)).doesNotContain("0")
            .containsExactlyInAnyOrderElementsOf(counts.stream().filter(n -> n > 0).map(String::valueOf).toList());

        // the apps by the names they give themselves
        assertThat(browser.visible(By.id("toTasklist")).getText()).isEqualTo("待办任务");
        assertThat(browser.visible(By.id("toCockpit")).getText()).isEqualTo("运行监控");
        assertThat(browser.visible(By.id("logout")).getText()).isEqualTo("退出登录");
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain("Tasklist", "Cockpit");
        browser.screenshot("12-dashboard");

        // a click on the 泰安市 bar of the overdue chart lists its overdue plans
        browser.script("echarts.getInstanceByDom(document.getElementById('overdueChart')).trigger('click',"
            + " {seriesIndex: 0, dataIndex: echarts.getInstanceByDom(document.getElementById('overdueChart'))"
            + ".getOption().xAxis[0].data.indexOf('泰安市')});");
        browser.visible(By.cssSelector("#planList a[href='#plan/" + late.id() + "']"));
        assertThat(browser.visible(By.id("listTitle")).getText()).isEqualTo("泰安市 · 逾期方案");
        browser.screenshot("13-dashboard-overdue-plans");

        browser.click(By.cssSelector("#dueSoon a[href='#plan/" + dueSoon.id() + "']"));
        browser.until(d -> d.findElement(By.id("planTitle")).getText().equals("宁阳县乡镇行政管理体制改革方案"));
        browser.until(d -> d.findElement(By.id("planTimeline")).getText().contains("市编办审核"));
        assertThat(browser.visible(By.id("planFacts")).getText()).contains("市委、市政府审批", "审核中");
        assertThat(browser.driver.findElement(By.id("overview")).isDisplayed()).isFalse();
        assertThat(browser.visible(By.id("planCockpit")).getText()).isEqualTo("在运行监控中查看流程实例");
        String cockpit = browser.visible(By.id("planCockpit")).getAttribute("href");
        assertThat(cockpit).endsWith("/camunda/app/cockpit/default/#/process-instance/" + dueSoon.processInstanceId());
        browser.screenshot("14-dashboard-plan");

        // the same login carries into Cockpit
        browser.driver.get(cockpit);
        browser.until(d -> d.getPageSource().contains(dueSoon.processInstanceId()) && d.getTitle().contains("运行监控"));
        browser.visible(By.cssSelector("[process-diagram], .process-diagram, .diagram-holder, .djs-container"));
        browser.screenshot("15-cockpit-process-instance");

        // the definition's instance list: start times as officials write them, without the ISO "T"
        String definition = support.task(dueSoon.processInstanceId(), ProcessKeys.CITY_APPROVAL).getProcessDefinitionId();
        browser.open("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
        browser.until(d -> d.findElements(By.cssSelector("td.start-time")).stream().anyMatch(WebElement::isDisplayed));
        assertThat(browser.visible(By.cssSelector("td.start-time")).getText().strip())
            .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        browser.screenshot("16-cockpit-instance-list");
      });
    }
  }

  @Test
  void shouldLeadFromTheWebappsHeadersToTheDashboardAndLogOutFromIt() {
    try (Browser browser = new Browser(port)) {
      browser.steps("dashboard-links", () -> {
        browser.logInToTasklist("shandongsupervisor");
        assertThat(browser.visible(DASHBOARD_LINK).getText()).isEqualTo("管理驾驶舱");
        browser.screenshot("21-tasklist-header");
        browser.click(DASHBOARD_LINK);
        dashboardShown(browser);

        browser.click(By.id("toCockpit"));
        browser.until(d -> d.getTitle().contains("运行监控"));
        assertThat(browser.visible(DASHBOARD_LINK).getText()).isEqualTo("管理驾驶舱");
        browser.screenshot("22-cockpit-header");
        browser.click(DASHBOARD_LINK);
        dashboardShown(browser);

        browser.open("/camunda/app/welcome/default/");
        assertThat(browser.visible(DASHBOARD_LINK).getText()).isEqualTo("管理驾驶舱");
        browser.screenshot("23-welcome-header");
        browser.click(DASHBOARD_LINK);
        dashboardShown(browser);

        // 退出登录 ends the session of the dashboard and the webapps alike
        browser.click(By.id("logout"));
        browser.until(d -> d.getCurrentUrl().endsWith("/dashboard/login.html"));
        browser.visible(By.id("username"));
        browser.screenshot("24-dashboard-logged-out");
        browser.open("/dashboard");
        browser.until(d -> d.getCurrentUrl().endsWith("/dashboard/login.html"));
        browser.open("/camunda/app/tasklist/default/");
        browser.visible(By.cssSelector("input[ng-model='username']"));
        assertThat(browser.driver.findElements(DASHBOARD_LINK)).as("no header link before a login").isEmpty();

        // logging in again in the same browser (its session and CSRF token outlive the logout) works at once
        browser.open("/dashboard");
        browser.fill(Map.of(By.id("username"), "shandongsupervisor", By.id("password"), PlanFixtures.PASSWORD));
        browser.click(By.id("submit"));
        dashboardShown(browser);
      });
    }
  }

  private static void dashboardShown(Browser browser) {
    browser.until(d -> d.getCurrentUrl().endsWith("/dashboard") && d.getTitle().contains("管理驾驶舱"));
    browser.until(d -> d.findElement(By.id("summary")).getText().contains("可见方案"));
  }

  /**
   * The numbers written on the status chart's bars: its texts right of the y-axis (the axis's own numbers,
   * 0 among them, are left of it; legend and city names are not numbers).
   */
  private static List<String> segmentLabels(Browser browser) {
    List<?> texts = (List<?>) browser.script("var el = document.getElementById('byStatusChart');"
        + "var axis = el.getBoundingClientRect().left + echarts.getInstanceByDom(el).getOption().grid[0].left;"
        + "return Array.prototype.filter.call(el.querySelectorAll('svg text'), function (t) {"
        + "  return t.getBoundingClientRect().left >= axis && /^\\d+$/.test(t.textContent.trim());"
        + "}).map(function (t) { return t.textContent.trim(); });");
    return texts.stream().map(String::valueOf).toList();
  }
}
