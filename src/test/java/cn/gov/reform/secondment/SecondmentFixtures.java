package cn.gov.reform.secondment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.gov.reform.identity.IdentitySeeder;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.ProvinceTenants;
import cn.gov.reform.identity.Role;
import cn.gov.reform.identity.RoleGroups;
import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.Clocks;
import cn.gov.reform.support.EngineSteps;

/**
 * Officials of the secondment's roles in the seeds' regions — 宁阳县 (磁窑镇, 葛石镇) and 东平县 of 泰安市, 通渭县 (平襄镇, 马营镇)
 * of 定西市 — and requests built from the seeds' cases. The suite shares one database: every request names a person of its
 * own ({@link #person()}), and the clock stands at a Monday in a year the holiday calendar knows ({@link #TODAY}).
 */
// not in an app started with its demo data (FirstStartIT): these users would stand in for the demo users
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "app.demo-data", havingValue = "false", matchIfMissing = true)
@Component
public class SecondmentFixtures {

  public static final String PASSWORD = PlanFixtures.PASSWORD;
  /** The day the tests make their requests on: Monday 2026-03-02, 09:00 in Beijing. */
  public static final String TODAY = "2026-03-02T09:00:00";

  public static final Map<String, String> USERS = Map.ofEntries(
      Map.entry("ningyangrequester", "requester370921"), Map.entry("ciyao", "township370921109"),
      Map.entry("geshi", "township370921111"), Map.entry("ningyangorg", "orgdept370921"), Map.entry("ningyanggov", "countygov370921"),
      Map.entry("ningyanghr", "hrdept370921"),
      Map.entry("dongpingrequester", "requester370923"), Map.entry("dongpingorg", "orgdept370923"),
      Map.entry("taian", "reviewer370900"), Map.entry("licheng", "drafter370112"),
      Map.entry("shandongsupervisor", "supervisor370000"),
      Map.entry("tongweirequester", "requester621121"), Map.entry("pingxiang", "township621121100"),
      Map.entry("maying", "township621121101"), Map.entry("tongweiorg", "orgdept621121"), Map.entry("tongweihr", "hrdept621121"),
      Map.entry("dingxiapprover", "approver621100"));

  private static final AtomicInteger PEOPLE = new AtomicInteger();

  private final ProcessEngine engine;
  private final SecondmentService secondments;

  public SecondmentFixtures(ProcessEngine engine, SecondmentService secondments, RoleGroups roleGroups, IdentitySeeder groupsFirst) {
    this.engine = engine;
    this.secondments = secondments;
    USERS.values().forEach(roleGroups::ensure);
    EngineSteps.ensureUsers(engine, USERS, PASSWORD);
  }

  /** A person of this test run: no earlier secondments. */
  public static String person() {
    return "T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase() + PEOPLE.incrementAndGet();
  }

  public static void today() {
    Clocks.at(TODAY);
  }

  public static void resetClock() {
    ClockUtil.reset();
  }

  /** 张明 of the township, there since {@code started}, to the county's development bureau from {@code start} to {@code end}. */
  public static SecondmentRequest request(String personId, String township, String started, String start, String end,
      String justification) {
    return new SecondmentRequest(personId, "张明", township, LocalDate.parse(started), "县发展和改革局", "重点项目集中攻坚",
        LocalDate.parse(start), LocalDate.parse(end), justification);
  }

  /** A valid request: five years in the township, 2026-03-16 to 2026-07-31 (5 months). */
  public static SecondmentRequest request(String township) {
    return request(person(), township, "2021-01-04", "2026-03-16", "2026-07-31", null);
  }

  /** The request as JSON, dates as ISO text. */
  public static Map<String, Object> json(SecondmentRequest r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("personId", r.personId());
    m.put("personName", r.personName());
    m.put("townshipCode", r.townshipCode());
    m.put("startedInTownship", String.valueOf(r.startedInTownship()));
    m.put("requestingBody", r.requestingBody());
    m.put("reason", r.reason());
    m.put("startDate", String.valueOf(r.startDate()));
    m.put("endDate", String.valueOf(r.endDate()));
    m.put("specialJustification", r.specialJustification());
    return m;
  }

  // --- the engine ------------------------------------------------------------------------------------------------

  public SecondmentView create(String user, SecondmentRequest request) {
    return as(user, () -> secondments.create(request, null, jurisdiction(user), List.of(USERS.get(user))).secondment());
  }

  /** Created and checked: the secondment waits at its chain's first stage. */
  public SecondmentView submitted(String user, SecondmentRequest request) {
    SecondmentView s = create(user, request);
    runJobs(s.processInstanceId());
    return view(s.id());
  }

  public SecondmentView view(String id) {
    return secondments.view(id);
  }

  public Jurisdiction jurisdiction(String user) {
    return Jurisdiction.of(user, List.of(USERS.get(user)));
  }

  public void runJobs(String processInstanceId) {
    EngineSteps.runJobs(engine, processInstanceId);
  }

  public Task task(String processInstanceId, String key) {
    return EngineSteps.task(engine, processInstanceId, key);
  }

  /** Completes the instance's open task {@code key} as {@code user}, then runs the jobs that follow. */
  public void complete(String user, String processInstanceId, String key, Map<String, Object> variables) {
    Task task = task(processInstanceId, key);
    if (task == null) {
      throw new AssertionError("no open task " + key);
    }
    as(user, () -> {
      engine.getTaskService().complete(task.getId(), variables);
      return null;
    });
    runJobs(processInstanceId);
  }

  public void approve(String user, String processInstanceId, String key) {
    complete(user, processInstanceId, key, Map.of("decision", "APPROVE", "opinion", "同意。"));
  }

  /** Through the Shandong chain (葛石镇 of 宁阳县: township, organisation department): the person is seconded. */
  public SecondmentView seconded(SecondmentRequest request) {
    SecondmentView s = submitted("ningyangrequester", request);
    approve("geshi", s.processInstanceId(), SecondmentKeys.TOWNSHIP_CONSENT);
    approve("ningyangorg", s.processInstanceId(), SecondmentKeys.ORGANISATION_APPROVAL);
    return view(s.id());
  }

  /** Runs {@code work} as the user, with their group and its province's tenant, as their request would. */
  public <T> T as(String user, Supplier<T> work) {
    IdentityService identity = engine.getIdentityService();
    String group = USERS.get(user);
    String tenant = Role.parse(group).map(m -> ProvinceTenants.of(m.regionCode())).orElseThrow();
    identity.setAuthentication(user, List.of(group), List.of(tenant));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** How many open tasks of the instance the user finds in Tasklist: those the engine lets them read (authorizations, tenant). */
  public long tasksSeenBy(String user, String processInstanceId) {
    return as(user, () -> engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).count());
  }
}
