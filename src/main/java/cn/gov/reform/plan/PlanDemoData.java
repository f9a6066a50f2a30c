package cn.gov.reform.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.identity.DemoItems;
import cn.gov.reform.identity.DemoUsers;
import cn.gov.reform.identity.Jurisdiction;

/**
 * A few sample plans from the seed documents, waiting at different stages, so Tasklist is not empty on first
 * login: created as the demo users ({@link DemoUsers}) on the first start of an empty database, in the
 * default and postgres profiles only.
 */
@Component
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
class PlanDemoData implements DemoItems {

  private static final Logger LOG = LoggerFactory.getLogger(PlanDemoData.class);

  private final DemoUsers users;
  private final PlanService plans;
  private final PlanRepository repository;

  PlanDemoData(DemoUsers users, PlanService plans, PlanRepository repository) {
    this.users = users;
    this.plans = plans;
    this.repository = repository;
  }

  @Override
  public void create() {
    // 磁窑镇 as an ordinary township plan: 8 bodies and 6 institutions break 鲁厅字〔2018〕33号 三(一) → back at draftPlan
    start("ningyang", "关于深化磁窑镇行政管理体制改革方案（乡镇方案稿）", "370921", List.of(
        township("370921109", "磁窑镇", List.of("党政办公室", "党群工作办公室", "经济发展办公室", "规划建设和生态环境办公室",
            "社会事务办公室", "应急管理办公室", "便民服务局", "综合行政执法局"),
            List.of("农业综合服务中心", "财经服务中心", "公共文化服务中心", "民生发展服务中心", "招商投资促进中心", "资产资源运营中心"),
            50, 178)));
    // 东庄镇's deadline was yesterday: the job executor flags it overdue and opens 督办 for shandongsupervisor
    String east = start("ningyang", PlanRequest.PlanType.TOWNSHIP, "宁阳县东庄镇行政管理体制改革方案", "370921",
        List.of(compliant("370921112", "东庄镇")), LocalDate.now(WorkingDayCalendar.ZONE).minusDays(1));
    String gecun = start("ningyang", "宁阳县葛石镇行政管理体制改革方案", "370921", List.of(compliant("370921111", "葛石镇")));
    advance(gecun, "taian", "cityReview", Map.of("decision", "APPROVE", "opinion", "机构设置符合鲁厅字〔2018〕33号要求，同意报批。"));
    String wenmiao = start("ningyang", "宁阳县文庙街道、八仙桥街道行政管理体制改革方案", "370921",
        List.of(compliant("370921001", "文庙街道"), compliant("370921002", "八仙桥街道")));
    advance(wenmiao, "taian", "cityReview", Map.of("decision", "APPROVE", "opinion", "同意。"));
    advance(wenmiao, "taianapprover", "cityApproval", Map.of("decision", "APPROVE", "opinion", "经市委、市政府研究，同意该方案。"));
    start("licheng", "历城区山大路街道行政管理体制改革方案", "370112", List.of(compliant("370112001", "山大路街道")));
    // 吉林: a developed town at the joint review of the provincial 编办 and its departments
    String nongan = start("nongan", PlanRequest.PlanType.DEVELOPED_TOWN, "农安县农安镇经济发达镇行政管理体制改革方案", "220122", List.of(
        new PlanRequest.Township("220122100", "农安镇", PlanRequest.Kind.TOWN, null, 60_000L,
            units("党政综合办公室", "经济发展办公室", "社会事务办公室", "综合行政执法局"), units("便民服务中心", "农业综合服务中心", "财经服务中心"),
            30, 40, 9, 9)));
    advance(nongan, "changchun", "citySubmission", Map.of("decision", "APPROVE", "opinion", "经市政府研究，同意申报。"));
    // 甘肃: a class-1 township of 通渭县 waiting for the city party committee
    start("tongwei", PlanRequest.PlanType.TOWNSHIP, "通渭县平襄镇机构设置方案", "621121", List.of(
        new PlanRequest.Township("621121100", "平襄镇", PlanRequest.Kind.TOWN, 1, null,
            units("党政综合办公室", "党建工作办公室", "经济发展办公室", "社会事务办公室", "综合行政执法办公室"),
            units("便民服务中心", "农业综合服务中心", "财经服务中心", "公共文化服务中心"), 25, 30, 8, 9)));
    LOG.info("Demo data: 7 sample plans; {} waits at cityReview", east);
  }

  private String start(String drafter, String title, String county, List<PlanRequest.Township> townships) {
    return start(drafter, PlanRequest.PlanType.TOWNSHIP, title, county, townships);
  }

  private String start(String drafter, PlanRequest.PlanType type, String title, String county,
      List<PlanRequest.Township> townships) {
    return start(drafter, type, title, county, townships, null);
  }

  private String start(String drafter, PlanRequest.PlanType type, String title, String county,
      List<PlanRequest.Township> townships, LocalDate deadline) {
    Jurisdiction who = Jurisdiction.of(drafter, users.groupsOf(drafter));
    PlanView plan = users.as(drafter, () -> plans.create(new PlanRequest(title, type, county, deadline, townships), null, who).plan());
    validate(plan.processInstanceId());
    return plan.id();
  }

  private void validate(String processInstanceId) {
    users.runPendingJob(processInstanceId);
  }

  private void advance(String planId, String user, String taskKey, Map<String, Object> vars) {
    users.complete(user, repository.find(planId).orElseThrow().processInstanceId(), taskKey, vars);
  }

  /** Units of 5 staff each (at most 25 administrative / 40 institutional staff in the samples above). */
  private static List<PlanRequest.Unit> units(String... names) {
    return java.util.Arrays.stream(names).map(n -> new PlanRequest.Unit(n, 5)).toList();
  }

  private static PlanRequest.Township compliant(String code, String name) {
    boolean street = name.endsWith("街道");
    return township(code, name,
        street ? List.of("党政综合办公室", "党建工作办公室", "社会事务办公室", "社会治理办公室（应急管理办公室）", "综合行政执法办公室")
            : List.of("党政综合办公室", "党建工作办公室", "经济发展办公室", "社会事务办公室", "社会治理办公室", "综合行政执法办公室"),
        List.of("便民服务中心", "农业综合服务中心", "财经服务中心", "公共文化服务中心"), 40, 60);
  }

  private static PlanRequest.Township township(String code, String name, List<String> bodies, List<String> institutions,
      int administrative, int institutional) {
    PlanRequest.Kind kind = name.endsWith("街道") ? PlanRequest.Kind.STREET : PlanRequest.Kind.TOWN;
    int bodyStaff = Math.max(1, administrative / bodies.size());
    int institutionStaff = Math.max(1, institutional / institutions.size());
    return new PlanRequest.Township(code, name, kind, null, null,
        bodies.stream().map(b -> new PlanRequest.Unit(b, bodyStaff)).toList(),
        institutions.stream().map(i -> new PlanRequest.Unit(i, institutionStaff)).toList(),
        administrative, institutional, 9, 9);
  }
}
