package cn.gov.reform.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
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
import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.plan.PlanView;
import cn.gov.reform.support.Browser;

/**
 * In a real browser, finished work stays visible: the 河北 supervisor (河北: no other browser test uses it, so the
 * dashboard's figures of the other tests stay theirs) opens a filed plan from the dashboard's status chart and reads
 * its record — the way it took marked on the diagram, every stage with who, when, what and in how many working days,
 * its versions; the record page sends a visitor without a login to the login and back; Cockpit's 已办结 tab lists the
 * filed plan and 方案一览 the running one, the instance's 审批记录 tab and Tasklist's lead to the record page.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordE2ETest {

  private static final String SUPERVISOR = "hebeisupervisor";
  private static final By TAKEN = By.cssSelector("#diagram .djs-element.record-taken");

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired HistoryService history;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant()));
  }

  @Test
  void shouldShowAFiledPlansRecordFromTheDashboardCockpitAndTasklist() {
    support.ensureUsers(Map.of(SUPERVISOR, "supervisor130000"));
    at("2026-03-02T09:00"); // Monday
    PlanView filed = support.create("zhengding", PlanFixtures.zhengdingPlan());
    support.runJobs(filed.processInstanceId());
    at("2026-03-04T10:00"); // two working days at the city 编办
    support.complete("shijiazhuang", filed.processInstanceId(), "cityReview", Map.of("decision", "APPROVE"));
    at("2026-03-05T10:00");
    support.complete("shijiazhuangapprover", filed.processInstanceId(), "cityApproval", Map.of("decision", "APPROVE"));
    at("2026-03-09T10:00"); // Thursday to Monday: 2 working days
    support.complete("hebei", filed.processInstanceId(), "provinceFiling", Map.of("decision", "FILE"));
    PlanView running = support.create("zhengding", PlanFixtures.zhengdingPlan());
    support.runJobs(running.processInstanceId());
    ClockUtil.reset();
    String record = "/dashboard/record.html?process=reformPlanApproval&id=" + filed.id();
    String definition = history.createHistoricProcessInstanceQuery().processInstanceId(filed.processInstanceId()).singleResult()
        .getProcessDefinitionId();

    try (Browser browser = new Browser(port)) {
      browser.steps("record", () -> {
        // not logged in: the record page sends the visitor to the login and, logged in, back to the record
        browser.open(record);
        browser.until(d -> d.getCurrentUrl().contains("/dashboard/login.html?next="));
        browser.fill(Map.of(By.id("username"), SUPERVISOR, By.id("password"), PlanFixtures.PASSWORD));
        browser.click(By.id("submit"));
        recordShown(browser, filed);
        browser.screenshot("31-record-after-login");

        // from the dashboard: the status chart's 已备案 segment of 石家庄市 lists the plan, its view leads to the record
        browser.open("/dashboard");
        browser.until(d -> Integer.parseInt(d.findElement(By.id("byStatusChart")).getAttribute("data-points")) > 0);
        browser.script("var c = echarts.getInstanceByDom(document.getElementById('byStatusChart')); var o = c.getOption();"
            + "c.trigger('click', {seriesIndex: o.series.map(function (s) { return s.name; }).indexOf('已备案'),"
            + " dataIndex: o.xAxis[0].data.indexOf('河北省·石家庄市')});");
        browser.click(By.cssSelector("#planList a[href='#plan/" + filed.id() + "']"));
        browser.until(d -> d.findElement(By.id("planFacts")).getText().contains("已备案"));
        assertThat(browser.driver.findElement(By.id("planCockpit")).isDisplayed())
            .as("Cockpit shows running instances only: no link for a filed plan").isFalse();
        assertThat(browser.visible(By.id("planRecord")).getText()).startsWith("审批记录");
        browser.screenshot("32-dashboard-filed-plan");
        browser.click(By.id("planRecord"));
        recordShown(browser, filed);

        // the way taken, marked on the diagram; nothing is open any more
        List<String> taken = browser.driver.findElements(TAKEN).stream().map(e -> e.getAttribute("data-element-id")).toList();
        assertThat(taken).contains("planStarted", "determineRoute", "validatePlan", "nextStage", "toCityReview", "cityReview",
            "stageOutcome", "cityApproval", "provinceFiling", "recordFiling", "planFiled")
            .doesNotContain("citySubmission", "provinceApproval", "draftPlan", "planApproved", "withdrawPlan");
        assertThat(browser.driver.findElements(By.cssSelector("#diagram .djs-element.record-open"))).isEmpty();
        assertThat(browser.visible(By.id("recordFacts")).getText()).contains("河北省 · 石家庄市 · 正定县", "已备案");

        // every stage: 环节, 办理人, 时间, 决定, 意见, 用时（工作日）
        String stages = browser.visible(By.id("stages")).getText();
        assertThat(stages).contains("环节 办理人 时间 决定 意见 用时（工作日）");
        assertThat(row(browser, "cityReview")).startsWith("市编办审核 shijiazhuang 测试 2026/3/4 10:00:00 审核通过").endsWith(" 2");
        assertThat(row(browser, "cityApproval")).contains("shijiazhuangapprover 测试", "批准").endsWith(" 1");
        assertThat(row(browser, "provinceFiling")).contains("hebei 测试", "2026/3/9 10:00:00", "予以备案").endsWith(" 2");
        assertThat(row(browser, "validatePlan")).contains("政策校验 系统", "通过");
        // the plan's own sections: its facts with the filing number, its versions, its findings
        String sections = browser.visible(By.id("sections")).getText();
        assertThat(sections).contains("方案信息", "备案编号", "冀编备", "方案版本", "第1版", "zhengding 测试", "政策校验结果（第1版）");
        browser.screenshot("33-record");
        browser.script("document.getElementById('stages').scrollIntoView();");
        browser.screenshot("33-record-stages");
        // 公文: the city's 批复 and the province's 备案通知, each with its DOCX and PDF
        String documents = browser.visible(By.id("documentList")).getText();
        assertThat(documents).contains("发文字号", "石家庄发〔2026〕", "批复", "中共石家庄市委 石家庄市人民政府", "冀编备〔2026〕", "备案通知",
            "DOCX · PDF");
        assertThat(browser.driver.findElement(By.cssSelector("#documentList a[href$='.pdf']")).getAttribute("href"))
            .contains("/api/records/reformPlanApproval/" + filed.id() + "/documents/");
        browser.script("document.getElementById('documents').scrollIntoView();");
        browser.screenshot("33-record-documents");

        // an unknown plan, or one the viewer may not see, is not there
        browser.open("/dashboard/record.html?process=reformPlanApproval&id=no-such-plan");
        browser.until(d -> d.findElement(By.id("error")).getText().equals("方案不存在或无权查看"));
        assertThat(browser.driver.findElement(By.id("record")).isDisplayed()).isFalse();

        // Cockpit: 已办结 on the definition lists the filed plan with its outcome and a link to its record
        browser.open("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
        browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='已办结']"));
        WebElement finished = browser.until(d -> d.findElements(By.cssSelector("table.records-finished tbody tr")).stream()
            .filter(r -> r.getText().contains(filed.id())).findFirst().orElse(null));
        assertThat(finished.getText()).contains("正定县乡镇行政管理体制改革方案", "河北省 · 石家庄市 · 正定县", "已备案", "2026-03-09 10:00");
        assertThat(finished.findElement(By.linkText("审批记录")).getAttribute("href")).endsWith(record);
        assertThat(browser.visible(By.cssSelector(".records-page")).getText()).isEqualTo("第 1 / 1 页，共 1 件");
        browser.screenshot("34-cockpit-finished");

        // 方案一览: the running plan by its title and stage, next to its instance id
        browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='方案一览']"));
        WebElement underWay = browser.until(d -> d.findElements(By.cssSelector("table.records-running tbody tr")).stream()
            .filter(r -> r.getText().contains(running.processInstanceId())).findFirst().orElse(null));
        assertThat(underWay.getText()).contains("正定县乡镇行政管理体制改革方案", "市编办审核");
        browser.screenshot("35-cockpit-running");

        // the running instance's 审批记录 tab in Cockpit
        browser.open("/camunda/app/cockpit/default/#/process-instance/" + running.processInstanceId() + "/runtime");
        browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='审批记录']"));
        assertThat(browser.visible(By.cssSelector(".records-instance")).getText()).contains("正定县乡镇行政管理体制改革方案", "市编办审核");
        assertThat(browser.visible(By.cssSelector(".records-instance a")).getAttribute("href"))
            .endsWith("/dashboard/record.html?process=reformPlanApproval&id=" + running.id());
        browser.screenshot("36-cockpit-instance-record");
      });
    }

    // Tasklist: the city reviewer's task has a 审批记录 tab with the stages so far and the link
    String taskId = support.task(running.processInstanceId(), "cityReview").getId();
    try (Browser browser = new Browser(port)) {
      browser.steps("task-record", () -> {
        browser.logInToTasklist("shijiazhuang");
        browser.until(d -> d.getTitle().contains("待办任务"));
        browser.open("/camunda/app/tasklist/default/#/?task=" + taskId + "&detailsTab=task-record");
        WebElement tab = browser.visible(By.cssSelector(".task-record a"));
        assertThat(tab.getText()).startsWith("查看审批记录");
        assertThat(tab.getAttribute("href")).endsWith("/dashboard/record.html?process=reformPlanApproval&id=" + running.id());
        assertThat(browser.visible(By.cssSelector(".task-record")).getText()).contains("提交方案", "市编办审核", "办理中");
        browser.screenshot("37-tasklist-task-record");
      });
    }
  }

  @Test
  void shouldLetTheSenderRecallFromTheRecordPageWhileTheNextStageIsUntouched() {
    PlanView plan = support.create("zhengding", PlanFixtures.zhengdingPlan());
    support.runJobs(plan.processInstanceId());
    support.complete("shijiazhuang", plan.processInstanceId(), "cityReview", Map.of("decision", "APPROVE"));
    assertThat(support.task(plan.processInstanceId(), "cityReview")).as("answered").isNull();

    try (Browser browser = new Browser(port)) {
      browser.steps("record-recall", () -> {
        browser.open("/dashboard/record.html?process=reformPlanApproval&id=" + plan.id());
        browser.until(d -> d.getCurrentUrl().contains("/dashboard/login.html?next="));
        browser.fill(Map.of(By.id("username"), "shijiazhuang", By.id("password"), PlanFixtures.PASSWORD));
        browser.click(By.id("submit"));
        WebElement reason = browser.visible(By.id("recallReason"));
        browser.click(By.id("recallButton"));
        browser.until(d -> d.findElement(By.id("recallMessage")).getText().contains("请填写理由"));
        reason.sendKeys("审核意见需要补充");
        browser.click(By.id("recallButton"));
        browser.until(d -> d.findElement(By.id("recallMessage")).getText().contains("已撤回"));
        browser.screenshot("40-record-recalled");
      });
    }
    assertThat(support.task(plan.processInstanceId(), "cityReview").getAssignee()).isEqualTo("shijiazhuang");
  }

  private static void recordShown(Browser browser, PlanView plan) {
    browser.until(d -> d.getCurrentUrl().endsWith("/dashboard/record.html?process=reformPlanApproval&id=" + plan.id()));
    browser.until(d -> "true".equals(d.findElement(By.id("diagram")).getAttribute("data-ready")));
    browser.until(d -> !d.findElements(TAKEN).isEmpty());
    assertThat(browser.visible(By.id("recordTitle")).getText()).isEqualTo("正定县乡镇行政管理体制改革方案");
  }

  /** The stage table's row of a stage as the reader sees it. */
  private static String row(Browser browser, String stage) {
    return browser.visible(By.cssSelector("#stages tr[data-stage='" + stage + "']")).getText();
  }
}
