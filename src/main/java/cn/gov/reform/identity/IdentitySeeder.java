package cn.gov.reform.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates, idempotently and in one engine command, the role groups of every province, city and
 * county with the authorizations each role needs, and the Tasklist filters everybody shares.
 * Giving a person a role is then only: create the user, add them to the group.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IdentitySeeder {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySeeder.class);
  static final String GROUP_TYPE = "WORKFLOW";
  public static final String FILTER_MY_TASKS = "我的待办";
  public static final String FILTER_CLAIMED = "我认领的任务";

  private record Grant(Resource resource, String resourceId, Permission... permissions) {}

  private final ProcessEngine engine;
  private final RegionDirectory regions;
  private final JointReviewProperties jointReview;
  private final JdbcTemplate jdbc;
  private final List<ProcedureAccess> procedures;
  private long lastDurationMillis;
  private int lastCreated;

  public IdentitySeeder(ProcessEngine engine, RegionDirectory regions, JointReviewProperties jointReview, JdbcTemplate jdbc,
      List<ProcedureAccess> procedures) {
    this.engine = engine;
    this.procedures = List.copyOf(procedures);
    this.regions = regions;
    this.jointReview = jointReview;
    this.jdbc = jdbc;
  }

  @jakarta.annotation.PostConstruct
  void seed() {
    long start = System.nanoTime();
    Set<String> existing = new HashSet<>(jdbc.queryForList("select ID_ from ACT_ID_GROUP", String.class));
    Map<String, String> wanted = wantedGroups();
    List<Map.Entry<String, String>> missing = new ArrayList<>();
    wanted.entrySet().stream().filter(e -> !existing.contains(e.getKey())).forEach(missing::add);
    Set<String> tenants = new HashSet<>(jdbc.queryForList("select ID_ from ACT_ID_TENANT", String.class));
    Set<String> members = new HashSet<>(jdbc.queryForList(
        "select TENANT_ID_ || '/' || GROUP_ID_ from ACT_ID_TENANT_MEMBER where GROUP_ID_ is not null", String.class));
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    cfg.getCommandExecutorTxRequired().execute(ctx -> {
      for (Map.Entry<String, String> g : missing) {
        createGroup(g.getKey(), g.getValue());
      }
      ensureTenants(tenants, members, wanted.keySet());
      ensureFilters();
      return null;
    });
    lastCreated = missing.size();
    lastDurationMillis = (System.nanoTime() - start) / 1_000_000;
    LOG.info("Role groups: {} wanted, {} created in {} ms", wanted.size(), missing.size(), lastDurationMillis);
  }

  public long lastDurationMillis() {
    return lastDurationMillis;
  }

  public int lastCreated() {
    return lastCreated;
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
      groups.put(Role.DRAFTER.group(county.code()), regions.describeCounty(county.code()).replace(" · ", "") + "（方案起草）");
    }
    return groups;
  }

  private void createGroup(String id, String name) {
    IdentityService identity = engine.getIdentityService();
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(GROUP_TYPE);
    identity.saveGroup(group);
    Role role = Role.parse(id).map(Role.Membership::role).orElseThrow();
    for (Grant grant : grantsOf(role)) {
      AuthorizationService auth = engine.getAuthorizationService();
      Authorization a = auth.createNewAuthorization(AUTH_TYPE_GRANT);
      a.setGroupId(id);
      a.setResource(grant.resource());
      a.setResourceId(grant.resourceId());
      for (Permission p : grant.permissions()) {
        a.addPermission(p);
      }
      auth.saveAuthorization(a);
    }
  }

  /** What each role needs: Tasklist for everybody; starting its procedures for a starter role; Cockpit for supervisors. */
  private List<Grant> grantsOf(Role role) {
    List<Grant> grants = new ArrayList<>();
    grants.add(new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS));
    if (role == Role.SUPERVISOR) {
      grants.add(new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS));
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

  /** A tenant per province, and every role group a member of its province's tenant. */
  private void ensureTenants(Set<String> tenants, Set<String> members, Set<String> groups) {
    IdentityService identity = engine.getIdentityService();
    for (RegionDirectory.Region p : regions.provinces()) {
      if (!tenants.contains(p.code())) {
        Tenant tenant = identity.newTenant(p.code());
        tenant.setName(p.name());
        identity.saveTenant(tenant);
      }
    }
    for (String group : groups) {
      String tenant = Role.parse(group).map(m -> ProvinceTenants.of(m.regionCode())).orElseThrow();
      if (!members.contains(tenant + "/" + group)) {
        identity.createTenantGroupMembership(tenant, group);
      }
    }
  }

  /** Shared Tasklist filters: tasks of my groups, and tasks I claimed, readable by every user. */
  private void ensureFilters() {
    FilterService filters = engine.getFilterService();
    TaskService tasks = engine.getTaskService();
    if (filters.createFilterQuery().filterName(FILTER_MY_TASKS).count() == 0) {
      Filter f = filters.newTaskFilter(FILTER_MY_TASKS);
      f.setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
          .orderByDueDate().asc());
      f.setProperties(Map.of("description", "本人所在岗位的待办任务", "priority", -10, "refresh", true, "color", "#b5121b"));
      filters.saveFilter(f);
      grantEveryone(f.getId());
    }
    if (filters.createFilterQuery().filterName(FILTER_CLAIMED).count() == 0) {
      Filter f = filters.newTaskFilter(FILTER_CLAIMED);
      f.setQuery(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
      f.setProperties(Map.of("description", "已认领、由本人办理的任务", "priority", 0, "refresh", true));
      filters.saveFilter(f);
      grantEveryone(f.getId());
    }
  }

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
