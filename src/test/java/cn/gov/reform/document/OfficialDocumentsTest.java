package cn.gov.reform.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.engine.EngineClock;
import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.plan.PlanRequest;
import cn.gov.reform.plan.PlanView;
import cn.gov.reform.support.Http;

/**
 * 公文 on the plan's final decisions (README "公文 / Official documents"): the 批复 of 中共泰安市委 泰安市人民政府 when
 * 市委、市政府 approve a 宁阳县 plan, the 备案通知 of 山东省编办 under the filing number, the 批复 of the provincial
 * government for a developed town and of 中共定西市委 in Gansu; numbers per issuing body and year, unique when officials
 * decide at once; the files as an official opens them, the same at every download, for the plan's readers only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfficialDocumentsTest {

  private static final String RECORDS = "/api/records/reformPlanApproval/";

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  Http http;
  int year;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    year = EngineClock.now().atZone(WorkingDayCalendar.ZONE).getYear();
  }

  private PlanView atCityApproval(PlanRequest request) {
    PlanView plan = support.create("ningyang", request);
    support.runJobs(plan.processInstanceId());
    support.complete("taian", plan.processInstanceId(), "cityReview", Map.of("decision", "APPROVE"));
    return plan;
  }

  private JsonNode documents(PlanView plan, String user) {
    Http.Answer a = http.get(RECORDS + plan.id() + "/documents", user);
    assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
    return a.json();
  }

  private byte[] download(JsonNode document, String format, String user) {
    HttpResponse<byte[]> file = http.download(document.get(format + "Url").asText(), user);
    assertThat(file.statusCode()).isEqualTo(200);
    return file.body();
  }

  @Test
  void shouldIssueTheCitysReplyOnApprovalAndTheFilingNoticeUnderTheFilingNumber() throws Exception {
    PlanRequest request = PlanFixtures.ningyangPlan(PlanFixtures.compliantTownship("370921107", "蒋集镇"),
        PlanFixtures.compliantTownship("370921112", "东庄镇"));
    PlanView plan = atCityApproval(request);
    assertThat(documents(plan, "taian")).as("nothing before the approval").isEmpty();

    support.complete("taianapprover", plan.processInstanceId(), "cityApproval",
        Map.of("decision", "APPROVE", "opinion", "同意。请抓紧组织实施"));

    JsonNode list = documents(plan, "taian");
    assertThat(list).hasSize(1);
    JsonNode reply = list.get(0);
    assertThat(reply.get("kind").asText()).isEqualTo("批复");
    assertThat(reply.get("number").asText()).matches("泰发〔" + year + "〕[1-9]\\d*号");
    assertThat(reply.get("issuer").asText()).isEqualTo("中共泰安市委 泰安市人民政府");
    assertThat(reply.get("title").asText()).isEqualTo("中共泰安市委 泰安市人民政府关于宁阳县乡镇行政管理体制改革方案的批复");
    assertThat(reply.get("stage").asText()).isEqualTo("cityApproval");
    assertThat(reply.get("decision").asText()).isEqualTo("APPROVE");
    assertThat(reply.get("issuedOn").asText()).isEqualTo(EngineClock.now().atZone(WorkingDayCalendar.ZONE).toLocalDate().toString());
    String number = reply.get("number").asText();

    // the DOCX as Word opens it: GB/T 9704 page set-up, the official fonts, number, title, 主送机关 and the table
    byte[] docx = download(reply, "docx", "taian");
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      var margins = doc.getDocument().getBody().getSectPr().getPgMar();
      assertThat(margins.getTop().toString()).as("top 37 mm").isEqualTo("2098");
      assertThat(margins.getLeft().toString()).as("left 28 mm").isEqualTo("1588");
      String text = new XWPFWordExtractor(doc).getText();
      assertThat(text).contains(number, reply.get("title").asText(), "中共宁阳县委、宁阳县人民政府：",
          "原则同意《宁阳县乡镇行政管理体制改革方案》（第1版）", "同意。请抓紧组织实施。", "此复。", "蒋集镇", "东庄镇",
          "抄送：泰安市机构编制委员会办公室，山东省机构编制委员会办公室。", "中共泰安市委办公室");
      List<String> fonts = new ArrayList<>();
      for (XWPFParagraph p : doc.getParagraphs()) {
        for (XWPFRun r : p.getRuns()) {
          fonts.add(r.getFontFamily(XWPFRun.FontCharRange.eastAsia));
        }
      }
      assertThat(fonts).contains("仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312");
      XWPFTable units = doc.getTables().stream().filter(t -> t.getText().contains("党政工作机构（编制）")).findFirst().orElseThrow();
      assertThat(units.getRow(1).getCell(0).getText()).isEqualTo("蒋集镇");
      assertThat(units.getRow(1).getCell(1).getText()).startsWith("党政综合办公室（6）、党建工作办公室（5）");
    }

    // the PDF: its text holds the body and the number; every font is embedded
    byte[] pdf = download(reply, "pdf", "taian");
    String pdfText = pdfText(pdf);
    assertThat(pdfText).contains(number, "中共宁阳县委、宁阳县人民政府：", "经研究，现批复如下：", "— 1 —");
    assertThat(pdfText.replaceAll("\\s", "")).contains("原则同意《宁阳县乡镇行政管理体制改革方案》（第1版）。");
    save("sample-reply.pdf", pdf);

    // the timeline: a step for the document, on the approval's task, naming its number
    JsonNode timeline = http.get("/api/plans/" + plan.id(), "taian").json().get("timeline");
    JsonNode approval = find(timeline, "cityApproval", "APPROVE");
    JsonNode step = find(timeline, "officialDocument", "DOCUMENT");
    assertThat(step.get("target").asText()).isEqualTo(number);
    assertThat(step.get("taskId").asText()).isEqualTo(approval.get("taskId").asText());
    assertThat(step.get("stageName").asText()).isEqualTo("印发批复");

    // a decision whose 批复 is out is not taken back
    Http.Answer recall = http.post(RECORDS + plan.id() + "/recall", "taianapprover", "{\"reason\":\"意见需要补充\"}");
    assertThat(recall.status()).isEqualTo(409);
    assertThat(recall.json().get("detail").asText()).contains("已印发公文（" + number + "）");

    // the filing officer's form links the 批复's files
    String filingTask = support.task(plan.processInstanceId(), "provinceFiling").getId();
    String formText = (String) engine.getTaskService().getVariableLocal(filingTask, OfficialDocuments.FORM_TEXT);
    assertThat(formText).contains(number, "批复", "/api/records/reformPlanApproval/" + plan.id() + "/documents/")
        .contains(".docx)", ".pdf)");

    // filing: the 备案通知 of 山东省编办, numbered with the filing number, citing the 批复
    support.complete("shandong", plan.processInstanceId(), "provinceFiling", Map.of("decision", "FILE"));
    String filingNumber = http.get("/api/plans/" + plan.id(), "taian").json().get("filingNumber").asText();
    assertThat(filingNumber).matches("鲁编备〔" + year + "〕[1-9]\\d*号");
    list = documents(plan, "shandong");
    assertThat(list).hasSize(2);
    JsonNode notice = list.get(1);
    assertThat(notice.get("number").asText()).isEqualTo(filingNumber);
    assertThat(notice.get("kind").asText()).isEqualTo("备案通知");
    assertThat(notice.get("issuer").asText()).isEqualTo("山东省机构编制委员会办公室");
    assertThat(notice.get("title").asText()).isEqualTo("山东省机构编制委员会办公室关于宁阳县乡镇行政管理体制改革方案予以备案的通知");
    assertThat(notice.get("stage").asText()).isEqualTo("provinceFiling");
    assertThat(notice.get("decision").asText()).isEqualTo("FILE");
    byte[] noticePdf = download(notice, "pdf", "shandong");
    String noticeText = pdfText(noticePdf).replaceAll("\\s", "");
    assertThat(noticeText).contains(filingNumber, "泰安市机构编制委员会办公室：", "已经中共泰安市委、泰安市人民政府批准（" + number + "）",
        "予以备案，备案编号为" + filingNumber, "特此通知。");
    save("sample-filing-notice.pdf", noticePdf);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(download(notice, "docx", "shandong")))) {
      assertThat(new XWPFWordExtractor(doc).getText()).contains(filingNumber, "泰安市机构编制委员会办公室：");
    }
  }

  @Test
  void shouldServeTheSameBytesAtEveryDownloadToThePlansReadersOnly() throws Exception {
    PlanView plan = atCityApproval(PlanFixtures.ningyangPlan(PlanFixtures.compliantTownship("370921113", "鹤山镇")));
    support.complete("taianapprover", plan.processInstanceId(), "cityApproval", Map.of("decision", "APPROVE"));
    JsonNode reply = documents(plan, "ningyang").get(0);

    for (String format : List.of("docx", "pdf")) {
      HttpResponse<byte[]> first = http.download(reply.get(format + "Url").asText(), "ningyang");
      HttpResponse<byte[]> second = http.download(reply.get(format + "Url").asText(), "shandongsupervisor");
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(second.body()).as("the stored file, not a new one").isEqualTo(first.body());
      assertThat(sha256(first.body())).isEqualTo(reply.get(format + "Sha256").asText());
      assertThat(first.headers().firstValue("ETag").orElse("")).isEqualTo("\"" + reply.get(format + "Sha256").asText() + "\"");
      assertThat(first.headers().firstValue("Content-Type").orElse("")).isEqualTo(format.equals("pdf") ? "application/pdf"
          : "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      String disposition = first.headers().firstValue("Content-Disposition").orElse("");
      assertThat(disposition).startsWith("attachment; filename=\"document-" + reply.get("id").asText() + "." + format + "\"")
          .contains("filename*=UTF-8''" + java.net.URLEncoder.encode(reply.get("number").asText(), "UTF-8"))
          .endsWith("." + format);
    }

    // another county, another province: as if the plan did not exist
    for (String outsider : List.of("licheng", "jilinreviewer")) {
      for (String path : List.of(RECORDS + plan.id() + "/documents", reply.get("pdfUrl").asText(), reply.get("docxUrl").asText())) {
        Http.Answer refused = http.get(path, outsider);
        assertThat(refused.status()).as(outsider + " " + path).isEqualTo(404);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      }
    }
    assertThat(http.get(RECORDS + plan.id() + "/documents/no-such-document.pdf", "ningyang").status()).isEqualTo(404);
    assertThat(http.get(reply.get("pdfUrl").asText(), null).status()).isEqualTo(401);
  }

  @Test
  void shouldNumberRepliesOfOneBodyOnceEachWhenOfficialsApproveAtOnce() throws Exception {
    int callers = 4;
    List<PlanView> plans = new ArrayList<>();
    List<String> tasks = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      PlanView plan = atCityApproval(PlanFixtures.ningyangPlan());
      plans.add(plan);
      tasks.add(support.task(plan.processInstanceId(), "cityApproval").getId());
    }
    String approve = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}";
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CyclicBarrier start = new CyclicBarrier(callers);
      List<Future<Http.Answer>> answers = new ArrayList<>();
      for (String task : tasks) {
        Callable<Http.Answer> call = () -> {
          start.await();
          return http.post("/engine-rest/task/" + task + "/complete", "taianapprover", approve);
        };
        answers.add(pool.submit(call));
      }
      for (Future<Http.Answer> a : answers) {
        assertThat(a.get().status()).as(a.get().raw().body()).isEqualTo(204);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Integer> numbers = new ArrayList<>();
    Pattern form = Pattern.compile("泰发〔" + year + "〕([1-9]\\d*)号");
    for (PlanView plan : plans) {
      JsonNode list = documents(plan, "taian");
      assertThat(list).hasSize(1);
      Matcher m = form.matcher(list.get(0).get("number").asText());
      assertThat(m.matches()).as(list.get(0).get("number").asText()).isTrue();
      numbers.add(Integer.parseInt(m.group(1)));
    }
    assertThat(numbers).doesNotHaveDuplicates();
    assertThat(numbers.stream().mapToInt(Integer::intValue).max().getAsInt()
        - numbers.stream().mapToInt(Integer::intValue).min().getAsInt()).as("one after the other, no gaps").isEqualTo(callers - 1);
  }

  @Test
  void shouldIssueTheProvincialReplyForADevelopedTownAndNothingOnTheCitysSubmission() throws Exception {
    PlanView plan = atCityApproval(PlanFixtures.ningyangDevelopedTown());
    support.complete("taianapprover", plan.processInstanceId(), "cityApproval", Map.of("decision", "APPROVE"));
    assertThat(documents(plan, "taian")).as("市政府研究报批 is not the approval").isEmpty();

    support.complete("shandongapprover", plan.processInstanceId(), "provinceApproval", Map.of("decision", "APPROVE"));
    JsonNode list = documents(plan, "taian");
    assertThat(list).hasSize(1);
    JsonNode reply = list.get(0);
    assertThat(reply.get("number").asText()).matches("鲁政字〔" + year + "〕[1-9]\\d*号");
    assertThat(reply.get("issuer").asText()).isEqualTo("山东省人民政府");
    assertThat(reply.get("title").asText()).isEqualTo("山东省人民政府关于深化磁窑镇行政管理体制改革方案的批复");
    String text = pdfText(download(reply, "pdf", "taian")).replaceAll("\\s", "");
    assertThat(text).contains("泰安市人民政府：", "批准《关于深化磁窑镇行政管理体制改革方案》（第1版），同意磁窑镇按照方案实施行政管理体制改革。",
        "党政办公室（政协委员联络室）（8）");
  }

  @Test
  void shouldIssueTheReplyOfTheCityPartyCommitteeInGansu() throws Exception {
    PlanView plan = support.create("tongwei", PlanFixtures.tongweiPlan());
    support.runJobs(plan.processInstanceId());
    support.complete("dingxiapprover", plan.processInstanceId(), "cityApproval", Map.of("decision", "APPROVE"));

    JsonNode reply = documents(plan, "tongwei").get(0);
    assertThat(reply.get("number").asText()).matches("定发〔" + year + "〕[1-9]\\d*号");
    assertThat(reply.get("issuer").asText()).isEqualTo("中共定西市委");
    assertThat(reply.get("stageName").asText()).isEqualTo("市委审批");
    String text = pdfText(download(reply, "pdf", "tongwei")).replaceAll("\\s", "");
    assertThat(text).contains("中共定西市委文件", "中共通渭县委、通渭县人民政府：", "按照通办发〔2020〕6号二(一)1的规定");
  }

  private static JsonNode find(JsonNode timeline, String stage, String decision) {
    for (JsonNode e : timeline) {
      if (stage.equals(e.get("stage").asText()) && decision.equals(e.get("decision").asText())) {
        return e;
      }
    }
    throw new AssertionError("no " + stage + " " + decision + " in " + timeline);
  }

  /** The PDF's text as a reader's copy-and-paste gives it, after checking that every font is embedded. */
  private static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
        }
      }
      return new PDFTextStripper().getText(doc);
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** The samples README "公文" points to: target/official-documents/ (copied to docs/ by hand). */
  private static void save(String name, byte[] bytes) throws IOException {
    Path dir = Path.of("target", "official-documents");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), bytes);
  }
}
