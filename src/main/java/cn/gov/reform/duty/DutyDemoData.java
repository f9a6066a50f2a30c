package cn.gov.reform.duty;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.CitedDocument;
import cn.gov.reform.identity.DemoItems;
import cn.gov.reform.identity.DemoUsers;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.Role;

/**
 * Sample duty-access requests, created as the demo users on the first start of an empty database (default and postgres
 * profiles), waiting at different stages: 宁阳县住建局's 农村危房改造摸底排查 at the county committee and government, 华丰镇's
 * objection shown there; its 城乡环境卫生整治考核验收 (citing 中办发〔2018〕5号) approved and on 磁窑镇's list; 通渭县农业农村局's
 * 耕地保护网格化巡查 waiting for 平襄镇 and 马营镇; its 农村公路日常养护 approved and on 平襄镇's list.
 */
@Component
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
class DutyDemoData implements DemoItems {

  private static final Logger LOG = LoggerFactory.getLogger(DutyDemoData.class);

  private final DemoUsers users;
  private final DutyService duties;
  private final TaskService tasks;

  DutyDemoData(DemoUsers users, DutyService duties, TaskService tasks) {
    this.users = users;
    this.duties = duties;
    this.tasks = tasks;
  }

  @Override
  public void create() {
    String houses = start("ningyangdept", request("农村危房改造摸底排查", "370921", "宁阳县住房和城乡建设局", List.of("370921109", "370921110"),
        "2027年6月底前完成磁窑镇、华丰镇农村危房摸底排查", "逐户排查农村住房安全状况，建立危房台账", "入户排查、登记和初步认定；鉴定由县住建局负责",
        "县住建局制定标准、组织鉴定；乡镇组织入户排查、登记", "县住建局派2名技术人员驻镇指导", "县财政安排工作经费每镇3万元", null));
    opinion("ciyao", houses, "370921109", "APPROVE", "同意承接。");
    opinion("huafeng", houses, "370921110", "REJECT", "本镇无专业技术人员，需县住建局派员全程参与入户排查");

    String sanitation = start("ningyangdept", request("城乡环境卫生整治考核验收", "370921", "宁阳县住房和城乡建设局", List.of("370921109"),
        "2027年底前磁窑镇农村人居环境整治达到验收标准", "组织村庄清洁行动，配合县里考核验收", "组织村庄清洁；验收由县住建局组织",
        "县住建局制定标准、组织验收；磁窑镇组织实施", "县住建局派1名联络员", "县财政安排整治经费10万元",
        new CitedDocument("农村人居环境整治三年行动方案", "中办发〔2018〕5号", CitedDocument.Issuer.CENTRAL)));
    opinion("ciyao", sanitation, "370921109", "APPROVE", "同意。");
    users.complete("ningyanggov", sanitation, DutyKeys.COUNTY_APPROVAL, Map.of("decision", "APPROVE", "opinion", "同意，列入磁窑镇职责清单。"));

    start("tongweidept", request("耕地保护网格化巡查", "621121", "通渭县农业农村局", List.of("621121100", "621121101"),
        "2027年底前实现平襄镇、马营镇耕地网格化巡查全覆盖", "按网格定期巡查耕地，发现问题及时报告", "巡查、劝阻和报告；处罚由县自然资源局负责",
        "县农业农村局划定网格、组织培训；乡镇组织网格员巡查", "县农业农村局派1名技术人员", "县财政安排网格员补助每镇2万元", null));

    String roads = start("tongweidept", request("农村公路日常养护", "621121", "通渭县交通运输局", List.of("621121100"),
        "平襄镇辖区农村公路列养率100%", "组织农村公路日常巡查和小修保养", "日常巡查、小修保养；大中修由县交通运输局负责",
        "县交通运输局制定标准、组织大中修；平襄镇组织日常养护", "县交通运输局派1名养护技术人员", "县财政按每公里每年1000元安排养护经费", null));
    opinion("pingxiang", roads, "621121100", "APPROVE", "同意。");
    users.complete("tongweigov", roads, DutyKeys.COUNTY_APPROVAL, Map.of("decision", "APPROVE", "opinion", "同意。"));
    LOG.info("Demo data: 4 duty-access requests; 农村危房改造摸底排查 waits at countyApproval, 耕地保护网格化巡查 at the townships");
  }

  private static DutyRequest request(String title, String county, String department, List<String> townships, String goal,
      String content, String authority, String division, String staff, String funds, CitedDocument basis) {
    return new DutyRequest(title, county, department, townships, goal, content, authority, division, LocalDate.of(2027, 12, 31),
        staff, funds, "开展业务培训2次", basis == null ? List.of() : List.of(DutyRequest.ShiftedForm.ACCEPTANCE_CHECK), basis);
  }

  /** Submitted as the department: its process instance. */
  private String start(String department, DutyRequest request) {
    Jurisdiction who = Jurisdiction.of(department, users.groupsOf(department));
    return users.as(department, () -> duties.create(request, null, who).duty().processInstanceId());
  }

  /** The township's official answers at its own opinion task. */
  private void opinion(String official, String processInstanceId, String township, String decision, String text) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(DutyKeys.TOWNSHIP_OPINION)
        .taskCandidateGroup(Role.TOWNSHIP.group(township)).singleResult();
    users.as(official, () -> {
      tasks.claim(task.getId(), official);
      tasks.complete(task.getId(), Map.of("decision", decision, "opinion", text));
      return null;
    });
  }
}
