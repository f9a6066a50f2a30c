package cn.gov.reform.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.plan.PlanRequest;
import cn.gov.reform.plan.PlanView;
import cn.gov.reform.support.Http;
import cn.gov.reform.support.SampleFiles;
import cn.gov.reform.support.WebappLogin;

/**
 * 宁阳县 attaches files to its plans over {@code /api}: the six allowed types by their content, nothing else whatever
 * its name, up to 20 MB; the city reads them byte for byte, other regions never see them; the county changes them only
 * while the plan is its own, each change in the timeline; a revision keeps the first version's files; the reviewer's
 * form lists them as links.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AttachmentsTest {

  static final int LIMIT = 20 * 1024 * 1024;

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired ProcessEngine engine;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void shouldTakeEveryAllowedTypeByItsContent() {
    PlanView plan = inReview();
    record Sample(String name, byte[] content, String type, String mediaType) {}
    List<Sample> samples = List.of(
        new Sample("磁窑镇机构编制测算说明.pdf", SampleFiles.pdf(), "PDF", "application/pdf"),
        new Sample("方案起草说明.docx", SampleFiles.docx(), "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        new Sample("人员编制测算表.xlsx", SampleFiles.xlsx(), "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        new Sample("县政府常务会议纪要.ofd", SampleFiles.ofd(), "OFD", "application/ofd"),
        new Sample("便民服务中心现场.jpg", SampleFiles.jpg(), "JPG", "image/jpeg"),
        new Sample("磁窑镇区划图.png", SampleFiles.png(), "PNG", "image/png"));
    for (Sample s : samples) {
      Http.Answer added = upload(plan, "ningyang", s.name(), s.content());
      assertThat(added.status()).as(s.name()).isEqualTo(201);
      assertThat(added.json().get("type").asText()).isEqualTo(s.type());
      assertThat(added.json().get("mediaType").asText()).isEqualTo(s.mediaType());
      assertThat(added.json().get("name").asText()).isEqualTo(s.name());
      assertThat(added.json().get("sha256").asText()).isEqualTo(SampleFiles.sha256(s.content()));
      assertThat(added.json().get("size").asLong()).isEqualTo(s.content().length);
      assertThat(added.json().get("version").asInt()).as("submitted with version 1, not yet taken up").isEqualTo(1);
      assertThat(added.header("Location")).isEqualTo(added.json().get("href").asText());
    }
    Http.Answer noExtension = upload(plan, "ningyang", "编制测算", SampleFiles.pdf());
    assertThat(noExtension.json().get("name").asText()).as("offered under its type's extension").isEqualTo("编制测算.pdf");

    JsonNode listing = http.get(base(plan), "taian").json();
    assertThat(listing.get("items")).extracting(i -> i.get("type").asText())
        .containsExactly("PDF", "DOCX", "XLSX", "OFD", "JPG", "PNG", "PDF");
    assertThat(listing.get("items").get(0).get("uploadedByName").asText()).isEqualTo("ningyang 测试");
    assertThat(listing.get("maxSize").asLong()).isEqualTo(LIMIT);
  }

  @Test
  void shouldRefuseARenamedProgramNamingTheFieldAndTheAllowedTypes() {
    PlanView plan = inReview();
    Http.Answer program = upload(plan, "ningyang", "plan.pdf", SampleFiles.windowsProgram());
    assertThat(program.status()).isEqualTo(400);
    assertThat(program.header("Content-Type")).startsWith("application/problem+json");
    assertThat(program.json().get("title").asText()).isEqualTo("附件有误");
    assertThat(program.json().at("/errors/0/field").asText()).isEqualTo("file");
    assertThat(program.json().get("detail").asText()).contains("只能上传 PDF、DOCX、XLSX、OFD、JPG、PNG 文件", "与文件名无关");

    assertThat(upload(plan, "ningyang", "方案.docx", SampleFiles.plainZip()).status()).as("a zip without a document").isEqualTo(400);
    assertThat(http.get(base(plan), "ningyang").json().get("items")).isEmpty();
    assertThat(decisions(plan)).doesNotContain(Attachments.UPLOAD);
  }

  @Test
  void shouldRefuseAFileOneByteOverTheLimitAndStoreNothing() {
    PlanView plan = inReview();
    Http.Answer over = upload(plan, "ningyang", "全县乡镇机构编制台账.pdf", SampleFiles.pdf(LIMIT + 1));
    assertThat(over.status()).isEqualTo(413);
    assertThat(over.header("Content-Type")).startsWith("application/problem+json");
    assertThat(over.json().get("detail").asText()).contains("附件不能超过20MB（20971520字节）", "20971521字节", "未保存");
    assertThat(http.get(base(plan), "ningyang").json().get("items")).isEmpty();
    assertThat(decisions(plan)).doesNotContain(Attachments.UPLOAD);

    byte[] limit = SampleFiles.pdf(LIMIT);
    Http.Answer exactly = upload(plan, "ningyang", "全县乡镇机构编制台账.pdf", limit);
    assertThat(exactly.status()).isEqualTo(201);
    HttpResponse<byte[]> download = http.download(exactly.json().get("href").asText(), "taian");
    assertThat(download.body()).hasSize(LIMIT);
    assertThat(SampleFiles.sha256(download.body())).isEqualTo(SampleFiles.sha256(limit));

    String bigJson = "{\"title\":\"" + "很".repeat(400_000) + "\"}";
    assertThat(http.post("/api/policy/validate", "ningyang", bigJson).status()).as("other bodies stay within 1 MB")
        .isEqualTo(413);
  }

  @Test
  void shouldDownloadTheSameBytesUnderItsChineseName() {
    PlanView plan = inReview();
    byte[] pdf = SampleFiles.pdf();
    JsonNode added = upload(plan, "ningyang", "磁窑镇机构编制测算说明.pdf", pdf).json();

    HttpResponse<byte[]> download = http.download(added.get("href").asText(), "taian");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; ")
        .contains("filename*=UTF-8''" + URLEncoder.encode("磁窑镇机构编制测算说明.pdf", StandardCharsets.UTF_8));
    assertThat(download.body()).isEqualTo(pdf);
    assertThat(SampleFiles.sha256(download.body())).isEqualTo(added.get("sha256").asText()).isEqualTo(SampleFiles.sha256(pdf));

    WebappLogin browser = new WebappLogin(port);
    browser.login("taian", PlanFixtures.PASSWORD);
    assertThat(browser.get(added.get("href").asText()).statusCode()).as("a Tasklist login downloads too").isEqualTo(200);
  }

  @Test
  void shouldHideTheFilesFromOtherRegions() {
    PlanView plan = inReview();
    String href = upload(plan, "ningyang", "磁窑镇机构编制测算说明.pdf", SampleFiles.pdf()).json().get("href").asText();

    for (String foreign : List.of("licheng", "jinan")) {
      assertThat(http.download(href, foreign).statusCode()).as(foreign + " downloads").isEqualTo(404);
      assertThat(http.get(base(plan), foreign).status()).as(foreign + " lists").isEqualTo(404);
      assertThat(upload(plan, foreign, "x.pdf", SampleFiles.pdf()).status()).as(foreign + " uploads").isEqualTo(404);
    }
    assertThat(http.download(href, "taian").statusCode()).isEqualTo(200);
    assertThat(http.download(href, "shandong").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldLetTheCountyChangeFilesOnlyWhileThePlanIsItsOwn() {
    PlanView plan = inReview();
    String first = upload(plan, "ningyang", "磁窑镇机构编制测算说明.pdf", SampleFiles.pdf()).json().get("id").asText();
    assertThat(upload(plan, "taian", "审核意见.pdf", SampleFiles.pdf()).status()).as("not the city's to add").isEqualTo(409);

    engine.getTaskService().claim(support.task(plan.processInstanceId(), "cityReview").getId(), "taian");
    JsonNode taken = http.get(base(plan), "ningyang").json();
    assertThat(taken.get("mayAdd").asBoolean()).isFalse();
    assertThat(taken.get("items").get(0).get("removable").asBoolean()).isFalse();
    Http.Answer refused = http.send("DELETE", base(plan) + "/" + first, "ningyang", null, Map.of());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("detail").asText()).startsWith("现在不能删除附件：宁阳县的起草人员");
    assertThat(upload(plan, "ningyang", "补充.pdf", SampleFiles.pdf()).json().get("detail").asText()).startsWith("现在不能添加附件");

    support.complete("taian", plan.processInstanceId(), "cityReview", Map.of("decision", "RETURN", "opinion", "请补充测算依据"));
    JsonNode added = upload(plan, "ningyang", "测算依据.xlsx", SampleFiles.xlsx()).json();
    assertThat(added.get("version").isNull()).as("waits for the next submission").isTrue();
    assertThat(added.get("removable").asBoolean()).isTrue();
    assertThat(http.send("DELETE", base(plan) + "/" + first, "ningyang", null, Map.of()).json().get("detail").asText())
        .contains("随第1版提交，随该版存档，不能删除");
    assertThat(http.send("DELETE", base(plan) + "/" + added.get("id").asText(), "ningyang", null, Map.of()).status()).isEqualTo(204);

    assertThat(http.get(base(plan), "ningyang").json().get("items")).extracting(i -> i.get("name").asText())
        .containsExactly("磁窑镇机构编制测算说明.pdf");
    List<String> steps = new ArrayList<>();
    http.get("/api/plans/" + plan.id(), "taian").json().get("timeline").forEach(e -> {
      if (e.get("stage").asText().equals("attachment")) {
        steps.add(e.get("decision").asText() + " " + e.get("target").asText() + " " + e.get("actor").asText() + " "
            + e.get("version").asText());
      }
    });
    assertThat(steps).containsExactly("UPLOAD 磁窑镇机构编制测算说明.pdf ningyang 1", "UPLOAD 测算依据.xlsx ningyang null",
        "REMOVE_FILE 测算依据.xlsx ningyang null");
    List<String> recorded = new ArrayList<>();
    http.get("/api/records/reformPlanApproval/" + plan.id(), "taian").json().get("stages").forEach(st -> {
      if (st.get("stage").asText().equals("attachment")) {
        recorded.add(st.get("stageName").asText() + " " + st.get("decisionLabel").asText() + " " + st.get("target").asText());
      }
    });
    assertThat(recorded).as("the record page's stages").containsExactly("附件 上传附件 磁窑镇机构编制测算说明.pdf",
        "附件 上传附件 测算依据.xlsx", "附件 删除附件 测算依据.xlsx");
  }

  @Test
  void shouldKeepTheFirstVersionsFilesAfterARevision() {
    PlanView plan = inReview();
    upload(plan, "ningyang", "磁窑镇机构编制测算说明.pdf", SampleFiles.pdf());
    support.complete("taian", plan.processInstanceId(), "cityReview", Map.of("decision", "RETURN", "opinion", "请补充测算依据"));
    upload(plan, "ningyang", "测算依据.xlsx", SampleFiles.xlsx());

    PlanRequest revised = new PlanRequest("宁阳县乡镇行政管理体制改革方案（修订稿）", PlanRequest.PlanType.TOWNSHIP, "370921", null,
        List.of(PlanFixtures.compliantTownship("370921112", "东庄镇")));
    Http.Answer put = http.send("PUT", "/api/plans/" + plan.id(), "ningyang", Http.json(revised), Map.of());
    assertThat(put.json().get("version").asInt()).isEqualTo(2);
    support.complete("ningyang", plan.processInstanceId(), "draftPlan", Map.of("decision", "SUBMIT"));
    support.runJobs(plan.processInstanceId());

    JsonNode items = http.get(base(plan), "taian").json().get("items");
    assertThat(items).extracting(i -> i.get("name").asText() + " " + i.get("version").asText())
        .containsExactly("磁窑镇机构编制测算说明.pdf 1", "测算依据.xlsx 2");
    String form = (String) engine.getTaskService()
        .getVariableLocal(support.task(plan.processInstanceId(), "cityReview").getId(), Attachments.FORM_TEXT);
    assertThat(form).contains("第1版", "第2版", "测算依据\\.xlsx](" + items.get(1).get("href").asText() + ")");
  }

  @Test
  void shouldListTheFilesAsLinksInTheReviewersForm() {
    PlanView plan = inReview();
    String taskId = support.task(plan.processInstanceId(), "cityReview").getId();
    assertThat(engine.getTaskService().getVariableLocal(taskId, Attachments.FORM_TEXT)).isEqualTo("**附件**：暂无");

    JsonNode added = upload(plan, "ningyang", "测算[终稿].pdf", SampleFiles.pdf()).json();
    String form = (String) engine.getTaskService().getVariableLocal(taskId, Attachments.FORM_TEXT);
    assertThat(form).startsWith("**附件**（1个，点击文件名下载）")
        .contains("- [测算\\[终稿\\]\\.pdf](/api/records/reformPlanApproval/" + plan.id() + "/attachments/"
            + added.get("id").asText() + ") · PDF · ")
        .contains("第1版 · ningyang 测试上传");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(plan.processInstanceId())
        .variableName(Attachments.FORM_TEXT).count()).as("a copy, kept out of history").isZero();
  }

  @Test
  void shouldStoreAnUploadOnceForTheSameIdempotencyKey() {
    PlanView plan = inReview();
    Map<String, String> key = Map.of("Idempotency-Key", "ningyang-attach-" + plan.id());
    Http.Answer first = http.upload(base(plan), "ningyang", "file", "磁窑镇机构编制测算说明.pdf", SampleFiles.pdf(), key);
    Http.Answer again = http.upload(base(plan), "ningyang", "file", "磁窑镇机构编制测算说明.pdf", SampleFiles.pdf(), key);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
    assertThat(http.upload(base(plan), "ningyang", "file", "另一文件.png", SampleFiles.png(), key).status()).isEqualTo(409);
    assertThat(http.get(base(plan), "ningyang").json().get("items")).hasSize(1);
  }

  /** A 宁阳县 plan within the limits, at 市编办审核 and not yet claimed: the county may still add its files. */
  private PlanView inReview() {
    PlanView plan = support.create("ningyang", PlanFixtures.ningyangPlan());
    support.runJobs(plan.processInstanceId());
    assertThat(support.task(plan.processInstanceId(), "cityReview")).isNotNull();
    return plan;
  }

  private static String base(PlanView plan) {
    return "/api/records/reformPlanApproval/" + plan.id() + "/attachments";
  }

  private Http.Answer upload(PlanView plan, String user, String name, byte[] content) {
    return http.upload(base(plan), user, "file", name, content, Map.of());
  }

  private List<String> decisions(PlanView plan) {
    List<String> decisions = new ArrayList<>();
    http.get("/api/plans/" + plan.id(), "taian").json().get("timeline").forEach(e -> decisions.add(e.get("decision").asText()));
    return decisions;
  }
}
