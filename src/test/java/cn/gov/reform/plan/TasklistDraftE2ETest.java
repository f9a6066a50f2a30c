package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.support.Browser;
import cn.gov.reform.support.Http;

/**
 * In a real browser, the one drafting form ({@code planStart.form}) in both its uses: the 宁阳县 drafter
 * starts a plan for 磁窑镇 from Tasklist's 发起流程 with more bodies than the limit allows, the policy check
 * sends it back, and in the draftPlan task the same form shows the findings and the plan's fields filled in
 * (without county and type, which a revision cannot change); the drafter removes two bodies and submits,
 * and the plan, now version 2, goes to the city's review.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistDraftE2ETest {

  private static final String TITLE = "磁窑镇行政管理体制改革方案（表单起草）";
  private static final String EIGHT_BODIES = String.join("\n", "党政办公室 8", "党群工作办公室 6", "经济发展办公室 6",
      "规划建设和生态环境办公室 6", "社会事务办公室 6", "应急管理办公室 6", "便民服务局 6", "综合行政执法局 6");
  private static final String SIX_BODIES = String.join("\n", "党政办公室 8", "党群工作办公室 6", "经济发展办公室 6",
      "规划建设和生态环境办公室 6", "社会事务办公室 6", "综合行政执法局 6");

  private static final String INSTITUTIONS = String.join("\n", "便民服务中心 20", "农业综合服务中心 20", "财经服务中心 20",
      "公共文化服务中心 20");

  @LocalServerPort int port;
  @Autowired PlanFixtures support;

  private static By field(String label, String tag) {
    return Browser.formField(label, tag);
  }

  private static void type(Browser browser, Map<By, String> fields) {
    browser.type(fields);
  }

  @Test
  void shouldStartAPlanFromTheStartFormAndReviseItInTheSameFormAtDraftPlan() {
    Http http = new Http(port);
    try (Browser browser = new Browser(port)) {
      browser.steps("tasklist-draft", () -> {
        browser.logInToTasklist("ningyang");

        browser.click(By.xpath("//a[contains(normalize-space(.),'发起流程') or contains(normalize-space(.),'Start process')]"));
        browser.click(By.xpath("//a[contains(normalize-space(.),'乡镇行政管理体制改革方案审批')]"));
        browser.visible(field("方案标题", "input"));
        String start = browser.driver.findElement(By.tagName("body")).getText();
        assertThat(start).contains("方案类型", "县（市、区）代码", "党政工作机构").doesNotContain("政策校验结果", "处理决定");
        browser.until(d -> "月/日/年，如 03/31/2027".equals(browser.visible(By.cssSelector("input[placeholder*='月/日/年']"))
            .getAttribute("placeholder")));
        type(browser, Map.of(field("方案标题", "input"), TITLE, field("县（市、区）代码", "input"), "370921",
            field("乡镇（街道）代码", "input"), "370921109", field("乡镇（街道）名称", "input"), "磁窑镇",
            field("行政编制", "input"), "50", field("事业编制", "input"), "178",
            field("党政工作机构", "textarea"), EIGHT_BODIES, field("事业单位", "textarea"), INSTITUTIONS));
        browser.screenshot("11-start-form-filled");
        browser.click(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(@class,'btn-primary')]"));
        browser.until(d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty());
      });

      JsonNode listed = http.get("/api/plans?countyCode=370921&size=50", "ningyang").json();
      JsonNode plan = null;
      for (JsonNode p : listed.get("items")) {
        if (TITLE.equals(p.get("title").asText())) {
          plan = p;
        }
      }
      assertThat(plan).as("the plan started from the form").isNotNull();
      String planId = plan.get("id").asText();
      String pi = http.get("/api/plans/" + planId, "ningyang").json().get("processInstanceId").asText();
      support.runJobs(pi);
      String taskId = support.task(pi, ProcessKeys.DRAFT_PLAN).getId();

      browser.steps("tasklist-draft", () -> {
        browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
        browser.click(By.cssSelector("button.claim"));
        browser.visible(By.xpath("//label[contains(.,'政策校验结果')]"));
        browser.until(d -> TITLE.equals(browser.script("return arguments[0].value;", browser.visible(field("方案标题", "input")))));
        String draft = browser.driver.findElement(By.tagName("body")).getText();
        assertThat(draft).contains("政策校验结果", "处理决定", "提交审核", "撤回方案").doesNotContain("县（市、区）代码", "方案类型");
        type(browser, Map.of(field("党政工作机构", "textarea"), SIX_BODIES));
        browser.click(By.xpath("//label[contains(normalize-space(.),'提交审核')]"));
        browser.screenshot("12-draft-form-revised");
        browser.click(By.cssSelector("button[ng-click='complete()']"));
        browser.until(d -> d.findElements(By.cssSelector("h4.task a[href*='" + taskId + "']")).isEmpty());
      });
      support.runJobs(pi);
      JsonNode after = http.get("/api/plans/" + planId, "ningyang").json();
      assertThat(after.get("version").asInt()).isEqualTo(2);
      assertThat(after.get("stages").toString()).as("findings %s", after.get("findings")).isEqualTo("[\"cityReview\"]");
      assertThat(after.get("townships").get(0).get("bodies")).hasSize(6);
    }
  }

  @Test
  void shouldExplainAMalformedLineInChineseByTheFieldsLabelNextToTheStartButton() {
    try (Browser browser = new Browser(port)) {
      browser.steps("tasklist-start-refused", () -> {
        browser.logInToTasklist("ningyang");
        browser.click(By.xpath("//a[contains(normalize-space(.),'发起流程') or contains(normalize-space(.),'Start process')]"));
        browser.click(By.xpath("//a[contains(normalize-space(.),'乡镇行政管理体制改革方案审批')]"));
        type(browser, Map.of(field("方案标题", "input"), "格式有误的方案", field("县（市、区）代码", "input"), "370921",
            field("乡镇（街道）代码", "input"), "370921109", field("乡镇（街道）名称", "input"), "磁窑镇",
            field("行政编制", "input"), "50", field("事业编制", "input"), "178",
            field("党政工作机构", "textarea"), "党政办公室", field("事业单位", "textarea"), INSTITUTIONS));
        By start = By.xpath("//div[contains(@class,'modal-footer')]//button[contains(@class,'btn-primary')]");
        browser.click(start);
        WebElement message = browser.visible(By.cssSelector(".modal-body .notifications .alert-danger"));
        browser.screenshot("13-start-refused");
        assertThat(message.getText()).contains("方案数据有误", "“党政工作机构”第1行").doesNotContain("Cannot instantiate",
            "reformPlanApproval:", "bodiesText");
        // where the user is: on screen at the end of the form, right above the 启动 button they pressed
        Object near = browser.script("""
            const m = arguments[0].getBoundingClientRect(), b = arguments[1].getBoundingClientRect();
            return m.top >= 0 && m.bottom <= window.innerHeight && b.top - m.bottom >= 0 && b.top - m.bottom < 150;""",
            message, browser.driver.findElement(start));
        assertThat(near).as("the refusal stands on screen right above the 启动 button").isEqualTo(true);
      });
    }
  }
}
