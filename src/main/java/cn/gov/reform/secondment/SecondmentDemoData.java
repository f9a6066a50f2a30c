package cn.gov.reform.secondment;

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
 * Sample secondments, created as the demo users on the first start of an empty database (default and postgres profiles),
 * dated from that day: three of 磁窑镇 (宁阳县) waiting at 乡镇党委同意 (ciyao), at 县委组织部批准 (ningyangorg, 7 months with a
 * written justification: a WARNING) and at 县委、县政府同意 (ningyanggov); two of 平襄镇 (通渭县), one at the parallel approval
 * of 县委组织部 and 县人社局 (tongweiorg, tongweihr), one approved and running towards its end a month from now.
 */
@Component
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
class SecondmentDemoData implements DemoItems {

  private static final Logger LOG = LoggerFactory.getLogger(SecondmentDemoData.class);
  private static final Map<String, Object> AGREED = Map.of("decision", "APPROVE", "opinion", "同意。");

  private final DemoUsers users;
  private final SecondmentService secondments;
  private final WorkingDayCalendar calendar;

  SecondmentDemoData(DemoUsers users, SecondmentService secondments, WorkingDayCalendar calendar) {
    this.users = users;
    this.secondments = secondments;
    this.calendar = calendar;
  }

  @Override
  public void create() {
    LocalDate today = calendar.today();
    LocalDate soon = today.plusWeeks(2);
    start("ningyangrequester", new SecondmentRequest("NY20190901", "李华", "370921109", LocalDate.of(2019, 9, 1), "宁阳县发展和改革局",
        "重点项目集中攻坚，需熟悉磁窑镇园区企业情况的人员协助项目申报", soon, soon.plusMonths(5).minusDays(1), null));
    String warned = start("ningyangrequester", new SecondmentRequest("NY20180315", "王芳", "370921109", LocalDate.of(2018, 3, 15),
        "宁阳县发展和改革局", "全县经济普查数据审核", soon, soon.plusMonths(7).minusDays(1),
        "经济普查数据审核周期为7个月，该同志负责磁窑镇片区，中途更换人员将影响数据质量"));
    users.complete("ciyao", warned, SecondmentKeys.TOWNSHIP_CONSENT, Map.of("decision", "APPROVE",
        "opinion", "经镇党委会研究，同意借调；借调期间其工作由党政办公室统筹安排。"));
    String county = start("ningyangrequester", new SecondmentRequest("NY20170601", "赵强", "370921109", LocalDate.of(2017, 6, 1),
        "宁阳县委宣传部", "全县重大主题宣传活动筹办", soon, soon.plusMonths(3).minusDays(1), null));
    users.complete("ciyao", county, SecondmentKeys.TOWNSHIP_CONSENT, AGREED);
    users.complete("ningyangorg", county, SecondmentKeys.ORGANISATION_APPROVAL, Map.of("decision", "APPROVE",
        "opinion", "同意，报县委、县政府同意（宁政发〔2019〕6号 二(六)2）。"));

    String parallel = start("tongweirequester", new SecondmentRequest("TW20180801", "马军", "621121100", LocalDate.of(2018, 8, 1),
        "通渭县农业农村局", "高标准农田建设项目验收", soon, soon.plusMonths(4).minusDays(1), null));
    users.complete("pingxiang", parallel, SecondmentKeys.TOWNSHIP_CONSENT, AGREED);
    String running = start("tongweirequester", new SecondmentRequest("TW20160301", "杨丽", "621121100", LocalDate.of(2016, 3, 1),
        "通渭县农业农村局", "春季农业生产技术指导", today, today.plusMonths(1), null));
    users.complete("pingxiang", running, SecondmentKeys.TOWNSHIP_CONSENT, AGREED);
    users.complete("tongweiorg", running, SecondmentKeys.ORGANISATION_APPROVAL, AGREED);
    users.complete("tongweihr", running, SecondmentKeys.HUMAN_RESOURCES_APPROVAL, AGREED);
    LOG.info("Demo data: 5 secondments; 平襄镇's 杨丽 seconded until {}", today.plusMonths(1));
  }

  /** Created as the requester and checked: the secondment's process instance. */
  private String start(String requester, SecondmentRequest request) {
    List<String> groups = users.groupsOf(requester); // outside the requester's authentication: an unbounded list query
    Jurisdiction who = Jurisdiction.of(requester, groups);
    String pi = users.as(requester, () -> secondments.create(request, null, who, groups).secondment().processInstanceId());
    users.runPendingJob(pi);
    return pi;
  }
}
