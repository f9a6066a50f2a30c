package cn.gov.reform.assessment;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.CitedDocument;
import cn.gov.reform.approval.TownshipDuties;
import cn.gov.reform.duty.DutyFixtures;
import cn.gov.reform.duty.DutyKeys;
import cn.gov.reform.duty.DutyView;
import cn.gov.reform.identity.IdentitySeeder;
import cn.gov.reform.identity.Jurisdiction;
import cn.gov.reform.identity.ProvinceTenants;
import cn.gov.reform.identity.Role;
import cn.gov.reform.identity.RoleGroups;
import cn.gov.reform.plan.PlanFixtures;
import cn.gov.reform.support.EngineSteps;

/**
 * Officials of assessment items in the seeds' regions (宁阳县 of 泰安市 and 山东省, 新泰市 for isolation; 通渭县 of 定西市 and
 * 甘肃省) and requests as a county department writes them. A township's accepted duty is made through the real duty-access
 * chain ({@link DutyFixtures}: requested, heard, approved by the county), once per township.
 */
// not in an app started with its demo data (FirstStartIT): these users would stand in for the demo users
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "app.demo-data", havingValue = "false", matchIfMissing = true)
@Component
public class AssessmentFixtures {

  public static final String PASSWORD = PlanFixtures.PASSWORD;

  public static final Map<String, String> USERS = Map.ofEntries(
      Map.entry("ningyangdept", "countydept370921"), Map.entry("ningyanggov", "countygov370921"),
      Map.entry("xintaidept", "countydept370982"), Map.entry("xintaigov", "countygov370982"),
      Map.entry("taian", "reviewer370900"), Map.entry("shandongapprover", "approver370000"),
      Map.entry("tongweidept", "countydept621121"), Map.entry("tongweigov", "countygov621121"),
      Map.entry("gansuapprover", "approver620000"));

  private final ProcessEngine engine;
  private final AssessmentService service;
  private final RoleGroups groups;
  private final DutyFixtures duties;
  private final TownshipDuties lists;
  private final Map<String, String> accepted = new ConcurrentHashMap<>();

  public AssessmentFixtures(ProcessEngine engine, AssessmentService service, RoleGroups groups, DutyFixtures duties,
      TownshipDuties lists, IdentitySeeder groupsFirst) {
    this.engine = engine;
    this.service = service;
    this.groups = groups;
    this.duties = duties;
    this.lists = lists;
    USERS.values().forEach(groups::ensure);
    EngineSteps.ensureUsers(engine, USERS, PASSWORD);
  }

  /** A township's official (user {@code t<code>}, group {@code township<code>}). */
  public String township(String code) {
    return duties.township(code);
  }

  /** A duty on the township's list (approved through the duty-access chain the first time it is asked for). */
  public synchronized String acceptedDuty(String townshipCode) {
    return accepted.computeIfAbsent(townshipCode, code -> {
      boolean shandong = code.startsWith("37");
      String county = code.substring(0, 6);
      var request = DutyFixtures.request(county, shandong ? "宁阳县住房和城乡建设局" : "通渭县农业农村局", code);
      String dept = shandong ? "ningyangdept" : "tongweidept";
      if (county.equals("370982")) {
        dept = "xintaidept";
        request = DutyFixtures.request(county, "新泰市住房和城乡建设局", code);
      }
      DutyView d = duties.create(dept, request);
      duties.opinion(d.processInstanceId(), code, "APPROVE", null);
      String gov = Role.COUNTY_GOVERNMENT.group(county);
      String govUser = county.equals("370921") ? "ningyanggov" : county.equals("621121") ? "tongweigov" : "xintaigov";
      if (!DutyFixtures.USERS.containsKey(govUser)) {
        throw new AssertionError("no county government user for " + gov);
      }
      duties.complete(govUser, d.processInstanceId(), DutyKeys.COUNTY_APPROVAL, Map.of("decision", "APPROVE", "opinion", "同意"));
      if (lists.find(code, d.id()).isEmpty()) {
        throw new AssertionError("duty " + d.id() + " not on the list of " + code);
      }
      return d.id();
    });
  }

  public static CitedDocument centralDocument() {
    return new CitedDocument("农村人居环境整治三年行动方案", "中办发〔2018〕5号", CitedDocument.Issuer.CENTRAL);
  }

  /** A request of {@code kind} on one accepted duty of each township (the same duty must be on every township's list). */
  public AssessmentRequest request(String countyCode, String department, AssessmentKind kind, CitedDocument basis, String township) {
    return new AssessmentRequest("农村人居环境整治考核", countyCode, department, kind, List.of(township),
        List.of(new AssessmentRequest.Item(acceptedDuty(township), "村庄清洁行动达标率100%")), "落实农村人居环境整治要求", basis);
  }

  public AssessmentRequest ningyang(AssessmentKind kind, CitedDocument basis, String township) {
    return request("370921", "宁阳县住房和城乡建设局", kind, basis, township);
  }

  public AssessmentRequest tongwei(AssessmentKind kind, CitedDocument basis, String township) {
    return request("621121", "通渭县农业农村局", kind, basis, township);
  }

  static AssessmentRequest withItems(AssessmentRequest r, List<AssessmentRequest.Item> items) {
    return new AssessmentRequest(r.title(), r.countyCode(), r.department(), r.kind(), r.townshipCodes(), items, r.reason(), r.basis());
  }

  static AssessmentRequest withTownships(AssessmentRequest r, List<String> townships) {
    return new AssessmentRequest(r.title(), r.countyCode(), r.department(), r.kind(), townships, r.items(), r.reason(), r.basis());
  }

  static AssessmentRequest withBasis(AssessmentRequest r, CitedDocument basis) {
    return new AssessmentRequest(r.title(), r.countyCode(), r.department(), r.kind(), r.townshipCodes(), r.items(), r.reason(), basis);
  }

  // --- the engine ------------------------------------------------------------------------------------------------

  public AssessmentView create(String user, AssessmentRequest request) {
    return as(user, () -> service.create(request, null, jurisdiction(user)).item());
  }

  public AssessmentView view(String id) {
    return service.view(id);
  }

  public Jurisdiction jurisdiction(String user) {
    return Jurisdiction.of(user, List.of(groupOf(user)));
  }

  private String groupOf(String user) {
    return USERS.getOrDefault(user, user.matches("t[0-9]{9}") ? Role.TOWNSHIP.group(user.substring(1)) : "");
  }

  public Task task(String processInstanceId, String key) {
    return EngineSteps.task(engine, processInstanceId, key);
  }

  public void complete(String user, String processInstanceId, String key, String decision, String opinion) {
    Task task = task(processInstanceId, key);
    if (task == null) {
      throw new AssertionError("no open task " + key);
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put("decision", decision);
    vars.put("opinion", opinion);
    as(user, () -> {
      engine.getTaskService().complete(task.getId(), vars);
      return null;
    });
    EngineSteps.runJobs(engine, processInstanceId);
  }

  /** Runs {@code work} as {@code user} with their group and its province's tenant. */
  public <T> T as(String user, Supplier<T> work) {
    String group = groupOf(user);
    IdentityService identity = engine.getIdentityService();
    List<String> tenants = Role.parse(group).map(m -> List.of(ProvinceTenants.of(m.regionCode()))).orElse(List.of());
    identity.setAuthentication(user, Arrays.asList(group), tenants);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
