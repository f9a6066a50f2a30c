package cn.gov.reform.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.support.Browser;
import cn.gov.reform.support.Http;

/**
 * In a real browser, a catalogue from the start form to the public page: 新泰市's drafter drafts one for 谷里镇 in Tasklist's
 * start form, the county justice bureau reviews it and the county government approves it in Tasklist's review form, and
 * anybody, without a login, finds it on /public/catalogues by region and power, reads its editions and prints it; every
 * step is in the catalogue's timeline.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogueE2ETest {

  private static final String TITLE = "新泰市向谷里镇赋权事项目录";
  private static final String TOWNSHIP = "370982113";
  private static final String ITEMS = String.join("\n",
      "乡村建设规划许可｜行政许可｜赋权｜新泰市自然资源和规划局｜《中华人民共和国城乡规划法》第四十一条",
      "公共场所卫生许可｜行政许可｜委托｜新泰市卫生健康局｜《公共场所卫生管理条例》第八条");

  @LocalServerPort int port;
  @Autowired CatalogueFixtures support;

  @Test
  void shouldDraftReviewApproveAndPublishACatalogueThroughTasklistForEverybodyToRead() {
    Http http = new Http(port);
    try (Browser browser = new Browser(port)) {
      browser.steps("catalogue-start", () -> {
        browser.logInToTasklist("xintai");
        browser.click(By.xpath("//a[contains(normalize-space(.),'发起流程') or contains(normalize-space(.),'Start process')]"));
        browser.click(By.xpath("//a[contains(normalize-space(.),'放权赋权目录审批')]"));
        browser.visible(Browser.formField("目录标题", "input"));
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("乡镇（街道）代码", "乡镇类型", "事项（每行一项")
            .doesNotContain("合法性校验结果", "处理决定");
        browser.type(Map.of(Browser.formField("目录标题", "input"), TITLE, Browser.formField("乡镇（街道）代码", "input"), TOWNSHIP,
            Browser.formField("事项（每行一项", "textarea"), ITEMS));
        browser.screenshot("41-catalogue-start-form");
        browser.click(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(@class,'btn-primary')]"));
        browser.until(d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty());
      });
    }
    JsonNode listed = http.get("/api/catalogues?townshipCode=" + TOWNSHIP, "xintai").json();
    assertThat(listed.get("items")).hasSize(1);
    String id = listed.get("items").get(0).get("id").asText();
    String pi = http.get("/api/catalogues/" + id, "xintai").json().get("processInstanceId").asText();
    support.runJobs(pi);

    decide("xintailegal", support.task(pi, CatalogueKeys.LEGAL_REVIEW).getId(), "审查通过", "42-legal-review-form",
        List.of("目录概要", "合法性校验结果", "审查意见"));
    decide("xintaigov", support.task(pi, CatalogueKeys.COUNTY_APPROVAL).getId(), "批准", "43-county-approval-form",
        List.of("目录概要", "历次审核意见", "审批意见", "不予批准"));

    JsonNode published = http.get("/api/catalogues/" + id, "xintai").json();
    assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
    String number = published.get("approvalNumber").asText();
    assertThat(published.get("timeline")).extracting(e -> e.get("stage").asText() + ":" + e.get("decision").asText() + ":"
        + e.get("actor").asText()).containsExactly("catalogueStarted:SUBMIT:xintai", "determineCatalogueRoute:ROUTED:system",
        "checkCatalogue:PASSED:system", "legalReview:APPROVE:xintailegal", "countyApproval:APPROVE:xintaigov",
        "officialDocument:DOCUMENT:system", "publishCatalogue:PUBLISHED:system");

    try (Browser reader = new Browser(port)) {
      reader.steps("catalogue-public", () -> {
        reader.open("/public/catalogues");
        reader.visible(By.xpath("//h1[contains(.,'乡镇放权赋权目录')]"));
        reader.fill(Map.of(By.name("region"), "新泰市", By.name("item"), "卫生"));
        reader.click(By.xpath("//form[@class='search']//button[@type='submit']"));
        reader.until(d -> d.getCurrentUrl().contains("region="));
        WebElement section = reader.visible(By.id("t" + TOWNSHIP));
        assertThat(section.getText()).contains("山东省 · 泰安市 · 新泰市 · 谷里镇", TITLE, "第1版", "现行", number, "乡村建设规划许可",
            "《中华人民共和国城乡规划法》第四十一条", "委托");
        assertThat(section.findElements(By.cssSelector("tr.match"))).as("the power searched for").singleElement()
            .satisfies(row -> assertThat(row.getText()).contains("公共场所卫生许可"));
        reader.screenshot("44-public-search");

        section.findElement(By.linkText("历次版本")).click();
        reader.until(d -> d.getCurrentUrl().endsWith("/public/catalogues/" + TOWNSHIP));
        assertThat(reader.visible(By.tagName("h1")).getText()).contains("谷里镇");
        // printed, the page is the catalogue: no search form, no buttons or links
        ((ChromeDriver) reader.driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(reader.driver.findElements(By.cssSelector(".no-print")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        assertThat(reader.driver.findElement(By.cssSelector("table")).isDisplayed()).isTrue();
        reader.screenshot("45-public-township-print");
      });
    }
  }

  /** The official claims the task in Tasklist, reads the form, chooses the decision and completes it. */
  private void decide(String official, String taskId, String decision, String screenshot, List<String> formTexts) {
    try (Browser browser = new Browser(port)) {
      browser.steps(screenshot, () -> {
        browser.logInToTasklist(official);
        browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
        browser.click(By.cssSelector("button.claim"));
        browser.visible(By.xpath("//label[contains(.,'目录概要')]"));
        browser.until(d -> browser.textareaValues().contains("谷里镇"));
        String form = browser.driver.findElement(By.tagName("body")).getText() + "\n" + browser.textareaValues();
        assertThat(form).contains(formTexts.toArray(String[]::new)).contains("乡村建设规划许可");
        browser.click(By.xpath("//label[normalize-space(.)='" + decision + "']"));
        browser.screenshot(screenshot);
        browser.click(By.cssSelector("button[ng-click='complete()']"));
        browser.until(d -> d.findElements(By.cssSelector("h4.task a[href*='" + taskId + "']")).isEmpty());
      });
    }
  }
}
