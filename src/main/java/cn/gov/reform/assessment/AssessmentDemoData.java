package cn.gov.reform.assessment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.CitedDocument;
import cn.gov.reform.approval.TownshipDuties;
import cn.gov.reform.identity.DemoItems;
import cn.gov.reform.identity.DemoUsers;
import cn.gov.reform.identity.Jurisdiction;

/**
 * Sample assessment items, created as the demo users on the first start of an empty database (default and postgres
 * profiles), after the duty-access demo data (order {@code FIRST + 2}) whose approved duties they assess: 宁阳县住建局's
 * 一票否决 on 磁窑镇's 城乡环境卫生整治考核验收 (citing 中办发〔2018〕5号), approved by the county and waiting at 省委、省政府审批;
 * 通渭县交通运输局's 直接考核 of 平襄镇's 农村公路日常养护 waiting at 县委、县政府审批. A duty missing from a list (the duty demo
 * data changed) is logged and skipped.
 */
@Component
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
class AssessmentDemoData implements DemoItems {

  private static final Logger LOG = LoggerFactory.getLogger(AssessmentDemoData.class);

  private final DemoUsers users;
  private final AssessmentService service;
  private final TownshipDuties duties;

  AssessmentDemoData(DemoUsers users, AssessmentService service, TownshipDuties duties) {
    this.users = users;
    this.service = service;
    this.duties = duties;
  }

  @Override
  public int stage() {
    return 1;
  }

  @Override
  public void create() {
    duty("370921109", "城乡环境卫生整治考核验收").ifPresent(dutyId -> {
      String veto = start("ningyangdept", new AssessmentRequest("城乡环境卫生整治一票否决", "370921", "宁阳县住房和城乡建设局",
          AssessmentKind.VETO, List.of("370921109"),
          List.of(new AssessmentRequest.Item(dutyId, "农村人居环境整治验收不合格的，年度综合考核不得评为优秀")),
          "落实农村人居环境整治三年行动方案，磁窑镇为全县整治重点镇",
          new CitedDocument("农村人居环境整治三年行动方案", "中办发〔2018〕5号", CitedDocument.Issuer.CENTRAL)));
      users.complete("ningyanggov", veto, AssessmentKeys.COUNTY_APPROVAL, Map.of("decision", "APPROVE", "opinion", "同意，报省委、省政府批准。"));
    });
    duty("621121100", "农村公路日常养护").ifPresent(dutyId -> start("tongweidept", new AssessmentRequest("农村公路日常养护直接考核",
        "621121", "通渭县交通运输局", AssessmentKind.DIRECT_ASSESSMENT, List.of("621121100"),
        List.of(new AssessmentRequest.Item(dutyId, "辖区农村公路列养率100%，优良中等路率不低于75%")),
        "农村公路养护纳入省交通运输厅年度考评，需对平襄镇单独考核", null)));
    LOG.info("Demo data: assessment items; 宁阳县's 一票否决 waits at provinceApproval, 通渭县's 直接考核 at countyApproval");
  }

  private Optional<String> duty(String township, String title) {
    Optional<String> id = duties.of(township).stream().filter(d -> d.title().equals(title)).map(TownshipDuties.AcceptedDuty::id).findFirst();
    if (id.isEmpty()) {
      LOG.warn("Demo data: {} is not on the list of {}; its assessment item is skipped", title, township);
    }
    return id;
  }

  /** Submitted as the department: its process instance. */
  private String start(String department, AssessmentRequest request) {
    Jurisdiction who = Jurisdiction.of(department, users.groupsOf(department));
    return users.as(department, () -> service.create(request, null, who).item().processInstanceId());
  }
}
