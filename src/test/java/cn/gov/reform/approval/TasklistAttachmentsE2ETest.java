package cn.gov.reform.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.plan.PlanView;
import cn.gov.reform.support.Browser;
import cn.gov.reform.support.Http;
import cn.gov.reform.support.SampleFiles;

/**
 * In a real browser: 宁阳县's drafter, with the plan back at 起草或修改方案, attaches a PDF in the task's tab 附件 (a renamed
 * program is refused there in Chinese); after the resubmission the 泰安 reviewer finds it as a link in the 市编办审核 form,
 * in the tab and on the plan's record page, and the download, with the reviewer's login, is the very file (same SHA-256).
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistAttachmentsE2ETest {

  static final String NAME = "磁窑镇机构编制测算说明.pdf";
  static final By TAB = By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='附件']");

  @LocalServerPort int port;
  @Autowired PlanFixtures support;

  @Test
  void shouldLetTheCountyAttachAPdfThatTheReviewerOpensFromTheForm() throws IOException {
    PlanView plan = support.create("ningyang", PlanFixtures.ningyangPlan());
    String pi = plan.processInstanceId();
    support.runJobs(pi);
    support.complete("taian", pi, "cityReview", Map.of("decision", "RETURN", "opinion", "请附机构编制测算说明"));
    String draftTaskId = support.task(pi, "draftPlan").getId();
    byte[] pdf = SampleFiles.pdf(40_000);
    Path folder = Files.createTempDirectory("e2e-attachments-");
    Path file = Files.write(folder.resolve(NAME), pdf);
    Path program = Files.write(folder.resolve("plan.pdf"), SampleFiles.windowsProgram());

    try (Browser browser = new Browser(port)) {
      browser.steps("attachments-county", () -> {
        browser.logInToTasklist("ningyang");
        browser.open("/camunda/app/tasklist/default/#/?task=" + draftTaskId);
        browser.click(TAB);
        WebElement input = browser.visible(By.cssSelector(".task-attachments input[type='file']"));
        assertThat(browser.driver.findElement(By.cssSelector(".task-attachments")).getText())
            .contains("暂无附件", "可上传 PDF、DOCX、XLSX、OFD、JPG、PNG 文件", "单个文件不超过20MB");

        input.sendKeys(program.toAbsolutePath().toString());
        browser.click(By.xpath("//div[contains(@class,'task-attachments')]//button[normalize-space(.)='上传']"));
        browser.until(d -> d.findElement(By.cssSelector(".task-attachments .attachments-message.text-danger")).getText()
            .contains("只能上传 PDF、DOCX、XLSX、OFD、JPG、PNG 文件"));
        browser.screenshot("attachments-01-refused");

        browser.visible(By.cssSelector(".task-attachments input[type='file']")).sendKeys(file.toAbsolutePath().toString());
        browser.click(By.xpath("//div[contains(@class,'task-attachments')]//button[normalize-space(.)='上传']"));
        browser.until(d -> d.findElement(By.cssSelector(".task-attachments .attachments-message")).getText()
            .equals("已上传：" + NAME));
        WebElement row = browser.visible(By.xpath("//table[contains(@class,'attachments-list')]//tr[.//a[normalize-space(.)='"
            + NAME + "']]"));
        assertThat(row.getText()).contains("PDF", "39.1KB", "尚未提交", "ningyang 测试");
        assertThat(row.findElements(By.xpath(".//button[normalize-space(.)='删除']"))).hasSize(1);
        browser.screenshot("attachments-02-uploaded");
      });
    }

    support.complete("ningyang", pi, "draftPlan", Map.of("decision", "SUBMIT"));
    support.runJobs(pi);
    String reviewTaskId = support.task(pi, "cityReview").getId();

    try (Browser browser = new Browser(port)) {
      browser.steps("attachments-reviewer", () -> {
        browser.logInToTasklist("taian");
        browser.open("/camunda/app/tasklist/default/#/?task=" + reviewTaskId);
        WebElement link = browser.visible(By.xpath("//*[contains(@class,'fjs-container')]//a[normalize-space(.)='" + NAME + "']"));
        assertThat(link.findElement(By.xpath("ancestor::*[contains(@class,'fjs-form-field')][1]")).getText())
            .contains("附件", "PDF", "第1版", "ningyang 测试上传");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", link);
        browser.screenshot("attachments-03-review-form");
        List<Object> fetched = download(browser, link.getAttribute("href"));
        assertThat(fetched).containsExactly(200L, SampleFiles.sha256(pdf));

        browser.click(TAB);
        WebElement row = browser.visible(By.xpath("//table[contains(@class,'attachments-list')]//tr[.//a[normalize-space(.)='"
            + NAME + "']]"));
        assertThat(row.getText()).contains("第1版", SampleFiles.sha256(pdf).substring(0, 12));
        assertThat(browser.driver.findElements(By.cssSelector(".task-attachments input[type='file']"))).isEmpty();
        assertThat(browser.driver.findElement(By.cssSelector(".task-attachments")).getText()).contains("宁阳县的起草人员");
        browser.screenshot("attachments-04-review-tab");
        assertThat(download(browser, row.findElement(By.tagName("a")).getAttribute("href")))
            .containsExactly(200L, SampleFiles.sha256(pdf));

        browser.open("/dashboard/record.html?process=reformPlanApproval&id=" + plan.id());
        browser.until(d -> d.findElement(By.id("stages")).getText().contains("上传附件 " + NAME));
        WebElement onRecord = browser.visible(By.xpath("//table[@id='attachments']//tr[.//a[normalize-space(.)='" + NAME + "']]"));
        assertThat(onRecord.getText()).contains("PDF", "第1版", "ningyang 测试", SampleFiles.sha256(pdf));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", onRecord);
        browser.screenshot("attachments-05-record-page");
        assertThat(download(browser, onRecord.findElement(By.tagName("a")).getAttribute("href")))
            .containsExactly(200L, SampleFiles.sha256(pdf));
      });
    }

    assertThat(new Http(port).get("/api/plans/" + plan.id(), "taian").json().get("timeline").toString())
        .contains("\"decision\":\"UPLOAD\"", "\"target\":\"" + NAME + "\"");
    try {
      Files.delete(file);
      Files.delete(program);
      Files.delete(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The link followed with the browser's own login: its status and the SHA-256 of what came. */
  @SuppressWarnings("unchecked")
  private static List<Object> download(Browser browser, String href) {
    return (List<Object>) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
          const digest = await crypto.subtle.digest('SHA-256', await r.arrayBuffer());
          done([r.status, Array.from(new Uint8Array(digest)).map(b => b.toString(16).padStart(2, '0')).join('')]);
        }).catch(e => done([0, String(e)]));""", href);
  }
}
