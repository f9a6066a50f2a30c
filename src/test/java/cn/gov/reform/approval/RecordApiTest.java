package cn.gov.reform.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.plan.PlanRequest;
import cn.gov.reform.support.Http;

/**
 * Finished work stays readable: the record of a filed plan (浙江, which no other test uses) — its stages with who
 * decided what, when and in how many working days, its way through the diagram, its versions — for its city and
 * province and nobody else; and the list of finished plans (江西, likewise unused) shows each official only theirs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordApiTest {

  static final Map<String, String> USERS = Map.ofEntries(
      Map.entry("yuhang", "drafter330110"),           // 杭州市余杭区
      Map.entry("hangzhou", "reviewer330100"),        // 杭州市编办
      Map.entry("hangzhouapprover", "approver330100"),
      Map.entry("zhejiang", "filer330000"),           // 浙江省编办备案
      Map.entry("zhejiangsupervisor", "supervisor330000"),
      Map.entry("ningbo", "reviewer330200"),          // 宁波市编办: the same province, another city
      Map.entry("nanchangxian", "drafter360121"),     // 江西省南昌市南昌县
      Map.entry("nanchang", "reviewer360100"),
      Map.entry("nanchangapprover", "approver360100"),
      Map.entry("jiangxi", "filer360000"),
      Map.entry("jiangxisupervisor", "supervisor360000"),
      Map.entry("wuning", "drafter360423"),           // 江西省九江市武宁县
      Map.entry("jiujiang", "reviewer360400"));

  @LocalServerPort int port;
  @Autowired PlanFixtures support;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    support.ensureUsers(USERS);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant()));
  }

  private JsonNode create(String user, String county, String township, String townshipName) {
    PlanRequest p = new PlanRequest(townshipName + "行政管理体制改革方案", PlanRequest.PlanType.TOWNSHIP, county, null,
        List.of(PlanFixtures.compliantTownship(township, townshipName)));
    Http.Answer a = http.post("/api/plans", user, Http.json(p));
    assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
    support.runJobs(a.json().get("processInstanceId").asText());
    return a.json();
  }

  /** The user completes the plan's open task of this stage over engine REST, as Tasklist would. */
  private void decide(String user, JsonNode plan, String stage, String decision, String opinion) {
    String pi = plan.get("processInstanceId").asText();
    JsonNode tasks = http.get("/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=" + stage + "&maxResults=5", user).json();
    assertThat(tasks).as(user + " sees the plan's " + stage).hasSize(1);
    String vars = opinion == null
        ? "{\"variables\":{\"decision\":{\"value\":\"" + decision + "\"}}}"
        : "{\"variables\":{\"decision\":{\"value\":\"" + decision + "\"},\"opinion\":{\"value\":\"" + opinion + "\"}}}";
    Http.Answer done = http.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete", user, vars);
    assertThat(done.status()).as(done.raw().body()).isEqualTo(204);
    support.runJobs(pi);
  }

  private JsonNode record(JsonNode plan, String user) {
    Http.Answer a = http.get("/api/records/reformPlanApproval/" + plan.get("id").asText(), user);
    assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
    return a.json();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The stage table as a reader sees it: 环节 办理人 决定 意见 用时. */
  private static List<String> rows(JsonNode stages) {
    List<String> out = new ArrayList<>();
    stages.forEach(s -> out.add(String.join(" | ", s.get("stageName").asText(), s.get("actorName").asText(),
        s.get("decisionLabel").asText(), s.path("opinion").asText(""), s.path("workingDays").asText("—"))));
    return out;
  }

  @Test
  void shouldShowTheFiledPlansStagesWayAndVersionsToItsCityAndProvinceOnly() {
    at("2026-03-02T09:00"); // Monday
    JsonNode plan = create("yuhang", "330110", "330110109", "径山镇");
    at("2026-03-04T10:00"); // Wednesday: returned after 2 working days
    decide("hangzhou", plan, "cityReview", "RETURN", "请补充便民服务中心编制说明");
    at("2026-03-06T10:00"); // Friday: revised (version 2) and submitted again
    PlanRequest revised = new PlanRequest("径山镇行政管理体制改革方案（修改稿）", PlanRequest.PlanType.TOWNSHIP, "330110", null,
        List.of(PlanFixtures.compliantTownship("330110109", "径山镇")));
    assertThat(http.send("PUT", "/api/plans/" + plan.get("id").asText(), "yuhang", Http.json(revised), Map.of()).status())
        .isEqualTo(200);
    decide("yuhang", plan, "draftPlan", "SUBMIT", null);
    at("2026-03-09T10:00"); // Monday
    decide("hangzhou", plan, "cityReview", "APPROVE", null);
    at("2026-03-12T10:00"); // Thursday
    decide("hangzhouapprover", plan, "cityApproval", "APPROVE", null);
    at("2026-03-13T10:00"); // Friday
    decide("zhejiang", plan, "provinceFiling", "FILE", null);

    JsonNode record = record(plan, "zhejiangsupervisor");
    JsonNode subject = record.get("subject");
    assertThat(subject.get("title").asText()).isEqualTo("径山镇行政管理体制改革方案（修改稿）");
    assertThat(subject.get("region").asText()).isEqualTo("浙江省 · 杭州市 · 余杭区");
    assertThat(subject.get("status").asText()).isEqualTo("FILED");
    assertThat(subject.get("statusLabel").asText()).isEqualTo("已备案");
    assertThat(record.get("definition").get("key").asText()).isEqualTo("reformPlanApproval");
    assertThat(record.get("endedAt").asText()).startsWith("2026-03-13T10:00");

    JsonNode path = record.get("path");
    assertThat(texts(path.get("activities"))).contains("planStarted", "determineRoute", "validatePlan", "cityReview",
        "draftPlan", "cityApproval", "provinceFiling", "recordFiling", "planFiled")
        .doesNotContain("citySubmission", "provinceApproval", "planApproved", "planWithdrawn");
    assertThat(texts(path.get("open"))).isEmpty();
    assertThat(texts(path.get("gateways"))).contains("nextStage", "stageOutcome", "toDraft").doesNotContain("jointReviewStarted");
    assertThat(texts(path.get("flows"))).contains("toCityReview", "stageReturned", "toCityApproval", "toProvinceFiling",
        "planFiledFlow", "recordToFiled", "submitPlan").doesNotContain("withdrawPlan", "approvedFlow", "cityApprovalRejected");

    String filingNumber = http.get("/api/plans/" + plan.get("id").asText(), "zhejiang").json().get("filingNumber").asText();
    assertThat(rows(record.get("stages"))).containsSubsequence(
        "市编办审核 | hangzhou 测试 | 退回修改 | 请补充便民服务中心编制说明 | 2",
        "修订方案 | yuhang 测试 | 修订 |  | —",
        "县级起草 | yuhang 测试 | 提交审核 |  | 2",
        "政策校验 | 系统 | 通过 | 错误0项，提示1项 | —",
        "市编办审核 | hangzhou 测试 | 审核通过 |  | 1",
        "市委、市政府审批 | hangzhouapprover 测试 | 批准 |  | 3",
        "省编办备案 | zhejiang 测试 | 予以备案 |  | 1",
        "登记备案号 | 系统 | 已备案 | " + filingNumber + " | —",
        "已备案 | 系统 | 已备案 |  | —");
    JsonNode returned = record.get("stages").get(rows(record.get("stages")).indexOf("市编办审核 | hangzhou 测试 | 退回修改 | 请补充便民服务中心编制说明 | 2"));
    assertThat(returned.get("receivedAt").asText()).startsWith("2026-03-02T09:00");
    assertThat(returned.get("at").asText()).startsWith("2026-03-04T10:00");

    JsonNode sections = record.get("sections");
    assertThat(sections.findValuesAsText("title")).containsExactly("方案信息", "方案版本", "政策校验结果（第2版）");
    JsonNode versions = sections.get(1).get("rows");
    assertThat(versions).hasSize(2);
    assertThat(texts(versions.get(0)).subList(0, 3)).containsExactly("第1版", "1", "yuhang 测试");
    assertThat(versions.get(1).get(3).asText()).startsWith("2026-03-06T10:00");
    assertThat(sections.get(0).get("rows").toString()).contains("[\"备案编号\",\"" + filingNumber + "\"]");

    // the city sees it too, by plan or by process instance, with the diagram it ran on
    assertThat(record(plan, "hangzhou").get("subject").get("businessKey").asText()).isEqualTo(plan.get("id").asText());
    Http.Answer byInstance = http.get("/api/records?processInstanceId=" + plan.get("processInstanceId").asText(), "hangzhou");
    assertThat(byInstance.status()).isEqualTo(200);
    assertThat(byInstance.json().get("subject").get("businessKey").asText()).isEqualTo(plan.get("id").asText());
    Http.Answer diagram = http.get("/api/records/reformPlanApproval/" + plan.get("id").asText() + "/diagram", "hangzhou");
    assertThat(diagram.status()).isEqualTo(200);
    assertThat(diagram.header("Content-Type")).startsWith("application/xml");
    assertThat(diagram.raw().body()).contains("id=\"cityReview\"", "id=\"" + record.get("definition").get("key").asText() + "\"");

    // another city of the province, another province: as if the plan did not exist
    for (String outsider : List.of("ningbo", "shandongsupervisor", "jiangxisupervisor")) {
      for (String url : List.of("/api/records/reformPlanApproval/" + plan.get("id").asText(),
          "/api/records/reformPlanApproval/" + plan.get("id").asText() + "/diagram",
          "/api/records?processInstanceId=" + plan.get("processInstanceId").asText())) {
        Http.Answer refused = http.get(url, outsider);
        assertThat(refused.status()).as(outsider + " " + url).isEqualTo(404);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asText()).isEqualTo("事项不存在");
      }
    }
    assertThat(http.get("/api/records/reformPlanApproval/no-such-plan", "zhejiangsupervisor").status()).isEqualTo(404);
    assertThat(http.get("/api/records/reformPlanApproval/" + plan.get("id").asText(), null).status()).isEqualTo(401);
  }

  @Test
  void shouldShowTheRunningStageAsOpenWithTheWorkingDaysSoFar() {
    at("2026-03-16T09:00"); // Monday
    JsonNode plan = create("yuhang", "330110", "330110110", "瓶窑镇");
    at("2026-03-18T15:00"); // Wednesday, still at the city 编办
    JsonNode record = record(plan, "hangzhou");
    assertThat(record.get("endedAt").isNull()).isTrue();
    assertThat(texts(record.get("path").get("open"))).contains("cityReview");
    assertThat(texts(record.get("path").get("activities"))).contains("cityReview").doesNotContain("cityApproval");
    JsonNode last = record.get("stages").get(record.get("stages").size() - 1);
    assertThat(last.get("open").asBoolean()).isTrue();
    assertThat(last.get("stageName").asText()).isEqualTo("市编办审核");
    assertThat(last.get("actorName").asText()).isEqualTo("尚未认领");
    assertThat(last.get("decisionLabel").asText()).isEqualTo("办理中");
    assertThat(last.get("workingDays").asInt()).isEqualTo(2);
  }

  @Test
  void shouldJoinBothBranchesOfTheJointReviewOnTheWay() {
    Http.Answer created = http.post("/api/plans", "nongan", Http.json(PlanFixtures.nonganDevelopedTown()));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    JsonNode plan = created.json();
    support.runJobs(plan.get("processInstanceId").asText());
    decide("changchun", plan, "citySubmission", "APPROVE", null);
    decide("jilinreviewer", plan, "provinceReview", "APPROVE", null);
    for (String department : List.of("jilinfgw", "jilinczt", "jilinrst", "jilinmzt")) {
      decide(department, plan, "departmentReview", "APPROVE", null);
    }
    decide("jilinapprover", plan, "provinceApproval", "APPROVE", null);

    JsonNode record = record(plan, "jilinsupervisor");
    assertThat(record.get("subject").get("statusLabel").asText()).isEqualTo("已批准");
    JsonNode path = record.get("path");
    assertThat(texts(path.get("activities"))).containsOnlyOnce("departmentReview")
        .contains("citySubmission", "provinceReview", "provinceApproval", "planApproved");
    assertThat(texts(path.get("gateways"))).contains("jointReviewStarted", "jointReviewFinished");
    assertThat(texts(path.get("flows"))).contains("toProvinceReview", "startProvinceReview", "startDepartmentReview",
        "provinceReviewAnswered", "departmentsAnswered", "jointReviewDone", "toProvinceApproval", "approvedFlow")
        .doesNotContain("stageReturned", "toCityReview");
    assertThat(rows(record.get("stages"))).filteredOn(r -> r.contains("同意 |")).hasSize(4);
  }

  @Test
  void shouldListOnlyTheFinishedPlansTheCallerMaySee() {
    at("2026-04-06T09:00"); // Monday (清明 is 04-04 to 04-06 in 2026: a holiday; the times only order the plans)
    JsonNode filed = create("nanchangxian", "360121", "360121100", "莲塘镇");
    decide("nanchang", filed, "cityReview", "APPROVE", null);
    decide("nanchangapprover", filed, "cityApproval", "APPROVE", null);
    at("2026-04-07T09:00");
    decide("jiangxi", filed, "provinceFiling", "FILE", null);
    at("2026-04-08T09:00");
    JsonNode withdrawn = create("wuning", "360423", "360423100", "新宁镇");
    decide("jiujiang", withdrawn, "cityReview", "RETURN", "请重新论证");
    decide("wuning", withdrawn, "draftPlan", "WITHDRAW", null);
    at("2026-04-09T09:00");
    JsonNode running = create("nanchangxian", "360121", "360121101", "向塘镇");

    JsonNode province = list("jiangxisupervisor", "");
    assertThat(ids(province)).containsExactly(withdrawn.get("id").asText(), filed.get("id").asText());
    assertThat(province.get("total").asLong()).isEqualTo(2);
    assertThat(province.get("items").get(0).get("subject").get("statusLabel").asText()).isEqualTo("已撤回");
    assertThat(province.get("items").get(1).get("subject").get("statusLabel").asText()).isEqualTo("已备案");
    assertThat(province.get("items").get(1).get("subject").get("region").asText()).isEqualTo("江西省 · 南昌市 · 南昌县");
    assertThat(province.get("items").get(1).get("endedAt").asText()).startsWith("2026-04-07T09:00");
    assertThat(province.get("items").get(1).get("processDefinitionVersion").asInt()).isPositive();

    assertThat(ids(list("nanchang", ""))).containsExactly(filed.get("id").asText());
    assertThat(ids(list("jiujiang", ""))).containsExactly(withdrawn.get("id").asText());
    assertThat(ids(list("zhejiangsupervisor", ""))).doesNotContain(filed.get("id").asText(), withdrawn.get("id").asText());
    assertThat(ids(list("shandongsupervisor", ""))).doesNotContain(filed.get("id").asText(), withdrawn.get("id").asText());

    // a page is a page of what the caller may see
    JsonNode first = list("jiangxisupervisor", "size=1");
    assertThat(ids(first)).containsExactly(withdrawn.get("id").asText());
    assertThat(first.get("total").asLong()).isEqualTo(2);
    assertThat(ids(list("jiangxisupervisor", "size=1&page=1"))).containsExactly(filed.get("id").asText());

    // under way: the plans still in review, with the stage they wait at
    JsonNode underWay = list("nanchang", "finished=false");
    assertThat(ids(underWay)).containsExactly(running.get("id").asText());
    assertThat(texts(underWay.get("items").get(0).get("openStages"))).containsExactly("市编办审核");
    assertThat(underWay.get("items").get(0).get("endedAt").isNull()).isTrue();

    Http.Answer badSize = http.get("/api/records/reformPlanApproval?size=0", "nanchang");
    assertThat(badSize.status()).isEqualTo(400);
    assertThat(badSize.json().get("errors").get(0).get("field").asText()).isEqualTo("size");
    assertThat(http.get("/api/records/noSuchProcess", "nanchang").status()).isEqualTo(404);
  }

  private JsonNode list(String user, String query) {
    Http.Answer a = http.get("/api/records/reformPlanApproval?" + query, user);
    assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
    return a.json();
  }

  private static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("items").forEach(i -> out.add(i.get("subject").get("businessKey").asText()));
    return out;
  }
}
