package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.plan.PlanRequest.Township;
import cn.gov.reform.support.Browser;
import cn.gov.reform.support.Http;

/**
 * In a real browser: the 泰安 city reviewer logs in to Tasklist, opens a plan's 市编办审核 task from 我的待办,
 * reads the plan summary and the policy findings in the Chinese form, returns the plan with an opinion,
 * and the plan is back with the county. Buttons are found by their place in the page, so Tasklist in
 * English or in Chinese both work.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistReviewE2ETest {

  /** The form field of what changed (form-js gives each input an id ending in the component's id). */
  private static final String CHANGES_FIELD = "textarea[id$='changesField']";

  @LocalServerPort int port;
  @Autowired PlanFixtures support;

  /** 磁窑镇 as a developed town, but with 60,000 residents: a warning (new developed towns need 80,000), no error. */
  static PlanRequest ciyaoBelowPopulation() {
    Township c = PlanFixtures.ciyaoAsDeveloped();
    return new PlanRequest("关于深化磁窑镇行政管理体制改革方案", PlanRequest.PlanType.DEVELOPED_TOWN, "370921", null,
        List.of(new Township(c.code(), c.name(), c.kind(), c.category(), 60_000L, c.bodies(), c.institutions(),
            c.administrativeStaff(), c.institutionalStaff(), c.leadershipPositions(), c.currentLeadershipPositions())));
  }

  @Test
  void shouldLetTheCityReviewerReturnAPlanToTheCountyInTasklist() {
    PlanView created = support.create("ningyang", ciyaoBelowPopulation());
    support.runJobs(created.processInstanceId());
    String taskId = support.task(created.processInstanceId(), "cityReview").getId();
    Http http = new Http(port);
    JsonNode plan = http.get("/api/plans/" + created.id(), "taian").json();
    assertThat(plan.get("findings")).isNotEmpty();
    String finding = plan.get("findings").get(0).get("message").asText();

    try (Browser browser = new Browser(port)) {
      browser.steps("tasklist-review", () -> {
        browser.open("/camunda/app/tasklist/default/");
        browser.fill(java.util.Map.of(By.cssSelector("input[ng-model='username']"), "taian",
            By.cssSelector("input[ng-model='password']"), PlanFixtures.PASSWORD));
        browser.screenshot("01-tasklist-login");
        browser.click(By.cssSelector("form button[type='submit']"));

        // the shared filter 我的待办, then this plan's task in it
        browser.click(By.xpath("//*[contains(@class,'task-filter')][.//a[contains(normalize-space(.),'我的待办')]]//a"));
        WebElement task = browser.clickable(By.cssSelector("h4.task a[href*='" + taskId + "']"));
        assertThat(task.getText()).contains("市编办审核");
        // which plan it is, under the stage's name; the most urgent first
        WebElement item = task.findElement(By.xpath("ancestor::li[1]"));
        browser.until(d -> item.getText().contains("办理事项") && item.getText().contains("宁阳县 · 磁窑镇"));
        assertThat(browser.driver.getCurrentUrl()).contains("sorting=").contains("dueDate");
        browser.screenshot("02-tasklist-my-tasks");
        browser.click(By.cssSelector("h4.task a[href*='" + taskId + "']"));

        // Tasklist shows the form read-only until the reviewer claims the task
        browser.click(By.cssSelector("button.claim"));
        browser.visible(By.xpath("//label[contains(.,'方案概要')]"));
        browser.until(d -> textareaValues(browser).contains("磁窑镇"));
        String form = browser.driver.findElement(By.tagName("body")).getText() + "\n" + textareaValues(browser);
        assertThat(form).contains("方案概要", "政策校验结果", "审核意见", "审核通过", "退回修改");
        assertThat(form).contains("关于深化磁窑镇行政管理体制改革方案", finding);
        assertThat(browser.driver.findElements(By.cssSelector(CHANGES_FIELD)))
            .as("a first review has no earlier version to compare with: no field for the changes").isEmpty();
        browser.screenshot("03-city-review-form");

        browser.click(By.xpath("//label[contains(normalize-space(.),'退回修改')][not(contains(.,'须'))]"));
        WebElement opinion = browser.visible(By.xpath("//label[contains(.,'审核意见说明')]/following::textarea[1]"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", opinion);
        opinion.sendKeys("建成区常住人口不足8万人，请补充说明后重新报送。");
        browser.screenshot("04-city-review-returned");
        browser.click(By.cssSelector("button[ng-click='complete()']"));

        // the task leaves the list and the plan is back with the county
        browser.until(d -> d.findElements(By.cssSelector("h4.task a[href*='" + taskId + "']")).isEmpty());
        browser.screenshot("05-tasklist-after-return");
      });
    }
    support.runJobs(created.processInstanceId());
    JsonNode after = http.get("/api/plans/" + created.id(), "taian").json();
    assertThat(after.get("status").asText()).isEqualTo("DRAFT");
    assertThat(after.get("stages").toString()).isEqualTo("[\"draftPlan\"]");
    JsonNode last = after.get("timeline").get(after.get("timeline").size() - 1);
    assertThat(last.get("decision").asText()).isEqualTo("RETURN");
    assertThat(last.get("opinion").asText()).isEqualTo("建成区常住人口不足8万人，请补充说明后重新报送。");
    assertThat(last.get("actor").asText()).isEqualTo("taian");
  }

  @Test
  void shouldSayInChineseThatTheDecisionIsMissing() {
    PlanView created = support.create("ningyang", ciyaoBelowPopulation());
    support.runJobs(created.processInstanceId());
    String taskId = support.task(created.processInstanceId(), "cityReview").getId();
    try (Browser browser = new Browser(port)) {
      browser.steps("tasklist-missing-decision", () -> {
        browser.logInToTasklist("taian");
        browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
        browser.click(By.cssSelector("button.claim"));
        browser.visible(By.xpath("//label[contains(.,'方案概要')]"));
        browser.click(By.cssSelector("button[ng-click='complete()']"));
        WebElement error = browser.visible(By.cssSelector(".fjs-form-field-error li"));
        browser.until(d -> error.getText().contains("此项为必填项"));
        browser.screenshot("06-missing-decision");
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain("Field is required")
            .as("no 新建任务: standalone tasks are off").doesNotContain("新建任务");
        assertThat(browser.driver.findElement(By.cssSelector(".task-card header")).getText()).as("no bare tenant code")
            .doesNotContain("370000");
      });
    }
    assertThat(support.task(created.processInstanceId(), "cityReview")).as("the task stays open").isNotNull();
  }

  @Test
  void shouldShowTheReviewerWhatChangedSinceItReturnedThePlan() {
    PlanView created = support.create("ningyang", PlanFixtures.ningyangPlan());
    String pi = created.processInstanceId();
    support.runJobs(pi);
    support.complete("taian", pi, "cityReview", java.util.Map.of("decision", "RETURN", "opinion", "请核减行政编制"));
    support.runJobs(pi);
    Township t = PlanFixtures.compliantTownship("370921112", "东庄镇");
    Http http = new Http(port);
    assertThat(http.send("PUT", "/api/plans/" + created.id(), "ningyang", Http.json(PlanFixtures.ningyangPlan(new Township(
        t.code(), t.name(), t.kind(), t.category(), t.builtUpPopulation(), t.bodies(), t.institutions(), 38,
        t.institutionalStaff(), t.leadershipPositions(), t.currentLeadershipPositions()))), java.util.Map.of()).status())
        .isEqualTo(200);
    support.complete("ningyang", pi, "draftPlan", java.util.Map.of("decision", "SUBMIT"));
    support.runJobs(pi);
    String taskId = support.task(pi, "cityReview").getId();

    try (Browser browser = new Browser(port)) {
      browser.steps("tasklist-changes", () -> {
        browser.logInToTasklist("taian");
        browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
        browser.click(By.cssSelector("button.claim"));
        browser.visible(By.xpath("//label[contains(.,'与第1版（上次审核时）相比的变化')]"));
        browser.visible(By.cssSelector(CHANGES_FIELD));
        browser.until(d -> textareaValues(browser).contains("东庄镇：行政编制 40 → 38"));
        browser.screenshot("07-city-review-changes");
      });
    }
  }

  private static String textareaValues(Browser browser) {
    return browser.textareaValues();
  }
}
