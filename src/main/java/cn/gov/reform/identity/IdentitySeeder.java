package cn.gov.reform.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.reform.engine.DerivedFormTexts;

/**
 * Creates, idempotently and in one transaction, the role groups of every province, city and county with the
 * authorizations each role needs and their province's tenant, and the Tasklist filters everybody shares.
 * Giving a person a role is then only: create the user, add them to the group.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IdentitySeeder {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySeeder.class);
  /** What Admin shows as a role group's type. */
  static final String GROUP_TYPE = "审批岗位";
  public static final String FILTER_MY_TASKS = "我的待办";
  public static final String FILTER_CLAIMED = "我认领的任务";

  private record Grant(Resource resource, String resourceId, Permission... permissions) {}

  private final ProcessEngine engine;
  private final RegionDirectory regions;
  private final JointReviewProperties jointReview;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final IdGenerator idGenerator;
  private final List<ProcedureAccess> procedures;
  private Seeding last;

  public IdentitySeeder(ProcessEngine engine, RegionDirectory regions, JointReviewProperties jointReview, JdbcTemplate jdbc,
      PlatformTransactionManager transactions, List<ProcedureAccess> procedures) {
    this.transaction = new TransactionTemplate(transactions);
    this.idGenerator = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getIdGenerator();
    this.engine = engine;
    this.procedures = List.copyOf(procedures);
    this.regions = regions;
    this.jointReview = jointReview;
    this.jdbc = jdbc;
  }

  /** What the last seeding did: groups wanted and created, tenant memberships added, JDBC statements, time. */
  public record Seeding(int wanted, int created, int grants, int memberships, int statements, long millis) {}

  /**
   * Groups, their authorizations, the province tenants and the memberships are written with one JDBC batch
   * per table, in one transaction, straight into Camunda's identity and authorization tables: one engine
   * command per row took 6–50 s for the 4,132 groups on a 2-core machine. Only the two shared filters go
   * through the engine (their query is serialized by it).
   */
  @jakarta.annotation.PostConstruct
  void seed() {
    long start = System.nanoTime();
    Map<String, String> wanted = wantedGroups();
    LOG.info("Role groups: checking {} groups of {} regions", wanted.size(), regions.provinces().size()
        + regions.cities().size() + regions.counties().size());
    int[] statements = {0};
    int[] added = {0, 0, 0};
    transaction.executeWithoutResult(status -> {
      Set<String> existing = new HashSet<>(jdbc.queryForList("select ID_ from ACT_ID_GROUP", String.class));
      List<Map.Entry<String, String>> missing = wanted.entrySet().stream().filter(e -> !existing.contains(e.getKey())).toList();
      added[0] = missing.size();
      if (!missing.isEmpty()) {
        batch(statements, "insert into ACT_ID_GROUP (ID_, REV_, NAME_, TYPE_) values (?, 1, ?, ?)",
            missing.stream().map(g -> new Object[] {g.getKey(), g.getValue(), GROUP_TYPE}).toList());
        LOG.info("Role groups: {} groups written", missing.size());
      }
      added[2] = ensureGrants(statements, wanted.keySet());
      added[1] = ensureTenants(statements, wanted.keySet());
    });
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(ctx -> {
      ensureFilters();
      return null;
    });
    last = new Seeding(wanted.size(), added[0], added[2], added[1], statements[0], (System.nanoTime() - start) / 1_000_000);
    LOG.info("Role groups: {} wanted, {} created, {} grants and {} tenant memberships added, {} statements, in {} ms",
        last.wanted(), last.created(), last.grants(), last.memberships(), last.statements(), last.millis());
  }

  public Seeding lastSeeding() {
    return last;
  }

  private void batch(int[] statements, String sql, List<Object[]> rows) {
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(sql, rows);
      statements[0]++;
    }
  }

  /** group id → Chinese group name, for every region of the reference data. */
  Map<String, String> wantedGroups() {
    Map<String, String> groups = new LinkedHashMap<>();
    for (RegionDirectory.Region p : regions.provinces()) {
      String c = p.code();
      groups.put(Role.REVIEWER.group(c), p.name() + "编办（审核）");
      groups.put(Role.APPROVER.group(c), p.name() + "人民政府（审批）");
      groups.put(Role.FILER.group(c), p.name() + "编办（备案）");
      groups.put(Role.SUPERVISOR.group(c), p.name() + "（督办）");
      for (Map.Entry<String, String> d : jointReview.departmentsOf(c).entrySet()) {
        groups.put(JointReviewProperties.group(d.getKey(), c), p.name() + d.getValue() + "（会审）");
      }
    }
    for (RegionDirectory.Region city : regions.cities()) {
      String name = regions.province(city.provinceCode()).map(RegionDirectory.Region::name).orElse("") + city.name();
      groups.put(Role.REVIEWER.group(city.code()), name + "编办（审核）");
      groups.put(Role.SUBMITTER.group(city.code()), name + "人民政府（申报）");
      groups.put(Role.APPROVER.group(city.code()), name + "委、市政府（审批）");
    }
    for (RegionDirectory.Region county : regions.counties()) {
      String name = regions.describeCounty(county.code()).replace(" · ", "");
      groups.put(Role.DRAFTER.group(county.code()), name + "（方案起草）");
      groups.put(Role.LEGAL.group(county.code()), name + "司法局（法律审核）");
      groups.put(Role.COUNTY_GOVERNMENT.group(county.code()), name + "党委、政府（审批）");
    }
    return groups;
  }

  /**
   * What each role needs: Tasklist for everybody; starting its procedures for a starter role; Cockpit for
   * supervisors, who may also read every task of their province (the tenant check keeps it to their province),
   * for Cockpit's 人工任务 and its tasks-by-group report.
   */
  private List<Grant> grantsOf(Role role) {
    List<Grant> grants = new ArrayList<>();
    grants.add(new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS));
    if (role == Role.SUPERVISOR) {
      grants.add(new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS));
      grants.add(new Grant(Resources.TASK, Authorization.ANY, Permissions.READ));
    }
    boolean starts = false;
    for (ProcedureAccess procedure : procedures) {
      if (procedure.starter() == role) {
        grants.add(new Grant(Resources.PROCESS_DEFINITION, procedure.processKey(), Permissions.READ, Permissions.CREATE_INSTANCE));
        starts = true;
      } else if (role == Role.SUPERVISOR) {
        grants.add(new Grant(Resources.PROCESS_DEFINITION, procedure.processKey(),
            Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY));
      } else {
        grants.add(new Grant(Resources.PROCESS_DEFINITION, procedure.processKey(), Permissions.READ));
      }
    }
    if (starts) {
      grants.add(new Grant(Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE));
    }
    return grants;
  }

  /**
   * Every grant each role needs, for new groups and for groups an earlier version created (a role that gains a
   * grant gets it on the next start); grants are matched by group, resource type and resource id. Returns the
   * grants added.
   */
  private int ensureGrants(int[] statements, Set<String> groups) {
    // not the engine's grants on each task and historic task (one per candidate group of every task)
    Set<String> held = new HashSet<>(jdbc.queryForList("""
        select GROUP_ID_ || '/' || RESOURCE_TYPE_ || '/' || RESOURCE_ID_ from ACT_RU_AUTHORIZATION
        where GROUP_ID_ is not null and TYPE_ = 1 and (RESOURCE_TYPE_ not in (?, ?) or RESOURCE_ID_ = '*')""", String.class,
        Resources.TASK.resourceType(), Resources.HISTORIC_TASK.resourceType()));
    List<Object[]> grants = new ArrayList<>();
    for (String group : groups) {
      Role role = Role.parse(group).map(Role.Membership::role).orElseThrow();
      for (Grant grant : grantsOf(role)) {
        if (held.contains(group + "/" + grant.resource().resourceType() + "/" + grant.resourceId())) {
          continue;
        }
        int perms = 0;
        for (Permission p : grant.permissions()) {
          perms |= p.getValue();
        }
        grants.add(new Object[] {idGenerator.getNextId(), AUTH_TYPE_GRANT, group, grant.resource().resourceType(),
            grant.resourceId(), perms});
      }
    }
    batch(statements, """
        insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)
        values (?, 1, ?, ?, null, ?, ?, ?)""", grants);
    if (!grants.isEmpty()) {
      LOG.info("Role groups: {} grants written", grants.size());
    }
    return grants.size();
  }

  /** A tenant per province, and every role group a member of its province's tenant; returns the memberships added. */
  private int ensureTenants(int[] statements, Set<String> groups) {
    Set<String> tenants = new HashSet<>(jdbc.queryForList("select ID_ from ACT_ID_TENANT", String.class));
    Set<String> members = new HashSet<>(jdbc.queryForList(
        "select TENANT_ID_ || '/' || GROUP_ID_ from ACT_ID_TENANT_MEMBER where GROUP_ID_ is not null", String.class));
    batch(statements, "insert into ACT_ID_TENANT (ID_, REV_, NAME_) values (?, 1, ?)", regions.provinces().stream()
        .filter(p -> !tenants.contains(p.code())).map(p -> new Object[] {p.code(), p.name()}).toList());
    List<Object[]> memberships = new ArrayList<>();
    for (String group : groups) {
      String tenant = Role.parse(group).map(m -> ProvinceTenants.of(m.regionCode())).orElseThrow();
      if (!members.contains(tenant + "/" + group)) {
        memberships.add(new Object[] {idGenerator.getNextId(), tenant, group});
      }
    }
    batch(statements, "insert into ACT_ID_TENANT_MEMBER (ID_, TENANT_ID_, USER_ID_, GROUP_ID_) values (?, ?, null, ?)",
        memberships);
    return memberships.size();
  }

  /**
   * Shared Tasklist filters: tasks of my groups, and tasks I claimed, readable by every user, sorted by due date;
   * their list shows what each task is about ({@link DerivedFormTexts#SUBJECT_LABEL}). A filter an earlier version
   * created gets the list variables on the next start.
   */
  private void ensureFilters() {
    TaskService tasks = engine.getTaskService();
    ensureFilter(FILTER_MY_TASKS, tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks().orderByDueDate().asc(), Map.of("description", "本人所在岗位的待办任务", "priority", -10, "color", "#b5121b"));
    ensureFilter(FILTER_CLAIMED, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
        Map.of("description", "已认领、由本人办理的任务", "priority", 0));
  }

  private void ensureFilter(String name, TaskQuery query, Map<String, Object> properties) {
    FilterService filters = engine.getFilterService();
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null && LIST_VARIABLES.equals(existing.getProperties().get("variables"))) {
      return;
    }
    Filter f = existing != null ? existing : filters.newTaskFilter(name).setQuery(query);
    Map<String, Object> all = new HashMap<>(existing != null ? existing.getProperties() : properties);
    all.put("refresh", true);
    all.put("variables", LIST_VARIABLES);
    all.put("showUndefinedVariable", false);
    f.setProperties(all);
    filters.saveFilter(f);
    if (existing == null) {
      grantEveryone(f.getId());
    }
  }

  private static final List<Map<String, String>> LIST_VARIABLES =
      List.of(Map.of("name", DerivedFormTexts.SUBJECT_LABEL, "label", "办理事项"));

  private void grantEveryone(String filterId) {
    AuthorizationService auth = engine.getAuthorizationService();
    Authorization a = auth.createNewAuthorization(AUTH_TYPE_GLOBAL);
    a.setUserId(Authorization.ANY);
    a.setResource(Resources.FILTER);
    a.setResourceId(filterId);
    a.addPermission(Permissions.READ);
    auth.saveAuthorization(a);
  }
}
