package cn.gov.reform.supervision;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import cn.gov.reform.calendar.WorkingDayCalendar;
import cn.gov.reform.identity.DemoItems;
import cn.gov.reform.identity.DemoUsers;
import cn.gov.reform.identity.Jurisdiction;

/**
 * A Jinan campaign in progress on the first start of an empty database (default and postgres profiles): 山东省's supervisor
 * runs tasks 1 (方案), 4 (核编) and 10 (考核, yearly) of 济南市实施意见's list for all of Jinan from last year, so the one-off
 * deadlines have passed; 历城区 and four other counties had task 1 accepted, 历城区 reported progress on task 4, 市编办
 * reported task 1 done and waits for acceptance — the rest is overdue and the job executor raises 督办 for it. Two units get
 * demo officials once the campaign has created their groups: {@code lichengunit} (历城区党委、政府) and {@code jinanbb} (济南市编办).
 */
@Component
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
class SupervisionDemoData implements DemoItems {

  private static final Logger LOG = LoggerFactory.getLogger(SupervisionDemoData.class);
  static final Map<String, String[]> UNIT_USERS = Map.of("lichengunit", new String[] {"历城区党委政府", "督查联络员", "unitdwzf370112"},
      "jinanbb", new String[] {"济南市编办", "督查联络员", "unitbb370100"});

  private final DemoUsers users;
  private final SupervisionService service;
  private final SupervisionRepository repository;
  private final IdentityService identity;
  private final WorkingDayCalendar calendar;

  SupervisionDemoData(DemoUsers users, SupervisionService service, SupervisionRepository repository, IdentityService identity,
      WorkingDayCalendar calendar) {
    this.users = users;
    this.service = service;
    this.repository = repository;
    this.identity = identity;
    this.calendar = calendar;
  }

  @Override
  public void create() {
    String supervisor = "shandongsupervisor";
    // read before acting as the supervisor, who may not read groups
    List<String> groups = users.groupsOf(supervisor);
    Jurisdiction who = Jurisdiction.of(supervisor, groups);
    String id = users.as(supervisor, () -> service.launch(new LaunchRequest("jinan-2018", "370100",
        calendar.today().getYear() - 1, 20, List.of("1", "4", "10")), null, who, groups).campaignId());
    UNIT_USERS.forEach((user, names) -> {
      User u = identity.newUser(user);
      u.setFirstName(names[0]);
      u.setLastName(names[1]);
      u.setPassword(DemoUsers.PASSWORD);
      u.setEmail(user + "@example.gov.cn");
      identity.saveUser(u);
      identity.createMembership(user, names[2]);
    });
    List<Work> work = repository.workOf(id);
    for (String county : List.of("370112", "370102", "370103", "370104", "370124")) {
      work.stream().filter(w -> w.taskNo().equals("1") && county.equals(w.countyCode())).findFirst().ifPresent(w -> {
        String unit = "370112".equals(county) ? "lichengunit" : null;
        report(w, unit, "SUBMIT", 100, "区县深入推进镇（街道）行政管理体制改革方案已经市编办审核、市委市政府审批。",
            "方案及市委、市政府批复");
        users.complete(supervisor, w.processInstanceId(), SupervisionKeys.ACCEPT, Map.of("decision", "APPROVE",
            "opinion", "方案已印发，验收通过。"));
      });
    }
    work.stream().filter(w -> w.taskNo().equals("4") && "370112".equals(w.countyCode())).findFirst()
        .ifPresent(w -> report(w, "lichengunit", "REPORT", 60, "已完成14个街道、2个镇的编制核定，其余3个街道正在核定。", null));
    work.stream().filter(w -> w.taskNo().equals("1") && "unitbb370100".equals(w.unitGroup())).findFirst()
        .ifPresent(w -> report(w, "jinanbb", "SUBMIT", 100, "已审核各区县方案并报市委、市政府审批。", "济编办〔2025〕号文件汇编"));
    LOG.info("Demo data: a Jinan key-task supervision campaign ({} pieces of work, some overdue)", work.size());
  }

  /** A unit's report as its demo official (or, where the unit has none, as its group's first member would). */
  private void report(Work w, String user, String decision, int progress, String content, String evidence) {
    String actor = user != null ? user : "admin";
    Map<String, Object> vars = new java.util.HashMap<>(Map.of("decision", decision, "progress", progress, "reportContent", content));
    if (evidence != null) {
      vars.put("evidence", evidence);
    }
    if (user == null) {
      ensureMember(w.unitGroup());
      actor = "demo" + w.unitGroup();
    }
    users.complete(actor, w.processInstanceId(), SupervisionKeys.REPORT, vars);
  }

  private void ensureMember(String group) {
    String user = "demo" + group;
    if (identity.createUserQuery().userId(user).count() == 0) {
      User u = identity.newUser(user);
      u.setFirstName("督查联络员");
      u.setLastName(group);
      u.setPassword(DemoUsers.PASSWORD);
      identity.saveUser(u);
      identity.createMembership(user, group);
    }
  }
}
