package cn.gov.reform.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.plan.PlanView;
import cn.gov.reform.support.Browser;
import cn.gov.reform.support.Http;

/**
 * In a real browser: the 泰安 reviewer claims a plan's 市编办审核 and transfers it (转办) to a colleague in the tab
 * 审批操作; the colleague finds it in 我的待办 under the plan's name and decides it; the timeline says who did what.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistOperationsE2ETest {

  static final String COLLEAGUE = "taianreviewer3";

  @LocalServerPort int port;
  @Autowired PlanFixtures support;

  @Test
  void shouldTransferATaskToAColleagueWhoFindsItAndDecidesIt() {
    support.ensureUsers(Map.of(COLLEAGUE, "reviewer370900"));
    PlanView created = support.create("ningyang", PlanFixtures.ningyangPlan());
    support.runJobs(created.processInstanceId());
    String taskId = support.task(created.processInstanceId(), "cityReview").getId();

    try (Browser browser = new Browser(port)) {
      browser.steps("tasklist-transfer", () -> {
        browser.logInToTasklist("taian");
        browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
        browser.click(By.cssSelector("button.claim"));
        browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='审批操作']"));
        WebElement transfer = browser.visible(By.cssSelector(".approval-op[data-operation='转办']"));
        assertThat(browser.driver.findElement(By.cssSelector(".approval-operations")).getText())
            .contains("宁阳县乡镇行政管理体制改革方案", "委派", "加签", "退回到指定环节", "抄送").doesNotContain("催办");
        browser.until(d -> !transfer.findElements(By.cssSelector("option[value='" + COLLEAGUE + "']")).isEmpty());
        new Select(transfer.findElement(By.tagName("select"))).selectByValue(COLLEAGUE);
        transfer.findElement(By.tagName("input")).sendKeys("出差，请代为审核");
        browser.screenshot("01-transfer");
        transfer.findElement(By.tagName("button")).click();
        browser.until(d -> d.findElement(By.cssSelector(".approval-operations")).getText().contains("转办给 " + COLLEAGUE));
        browser.screenshot("02-transferred");
      });
    }

    try (Browser browser = new Browser(port)) {
      browser.steps("tasklist-transferred", () -> {
        browser.logInToTasklist(COLLEAGUE);
        browser.click(By.xpath("//*[contains(@class,'task-filter')][.//a[contains(normalize-space(.),'我的待办')]]//a"));
        WebElement task = browser.clickable(By.cssSelector("h4.task a[href*='" + taskId + "']"));
        WebElement item = task.findElement(By.xpath("ancestor::li[1]"));
        browser.until(d -> item.getText().contains("办理事项") && item.getText().contains("宁阳县 · 东庄镇"));
        browser.screenshot("03-colleague-list");
        task.click();
        browser.visible(By.xpath("//label[contains(.,'方案概要')]"));
        browser.click(By.xpath("//label[contains(normalize-space(.),'审核通过')]"));
        browser.click(By.cssSelector("button[ng-click='complete()']"));
        browser.until(d -> d.findElements(By.cssSelector("h4.task a[href*='" + taskId + "']")).isEmpty());
        browser.screenshot("04-decided");
      });
    }

    JsonNode timeline = new Http(port).get("/api/plans/" + created.id(), "taian").json().get("timeline");
    JsonNode transferred = timeline.get(timeline.size() - 2);
    JsonNode decided = timeline.get(timeline.size() - 1);
    assertThat(transferred.get("decision").asText()).isEqualTo("TRANSFER");
    assertThat(transferred.get("actor").asText()).isEqualTo("taian");
    assertThat(transferred.get("opinion").asText()).isEqualTo("出差，请代为审核");
    assertThat(decided.get("decision").asText()).isEqualTo("APPROVE");
    assertThat(decided.get("actor").asText()).isEqualTo(COLLEAGUE);
  }
}
