package cn.gov.reform.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The role groups: their Chinese names, the grants each role needs, and writing them — for every region at the first
 * start ({@link IdentitySeeder}) or one at a time on demand ({@link #ensure}) for the roles that are not seeded
 * ({@link Role#seeded()}: township party committees, the county bodies of secondments and duty access).
 *
 * <p>What every official needs — Tasklist, reading the process definitions (their diagrams), creating a process
 * instance where the definition allows it — is one global grant each ({@code *}), not one per group: per-group grants
 * of these came to 33,304 rows for 10,088 groups and 1.4 s of the first start, growing with every procedure. A group
 * gets only what its role adds: starting its procedures, and for supervisors Cockpit and their province's tasks.
 */
@Component
public class RoleGroups {

  private static final Logger LOG = LoggerFactory.getLogger(RoleGroups.class);
  /** What Admin shows as a role group's type. */
  static final String GROUP_TYPE = "审批岗位";

  record Grant(Resource resource, String resourceId, Permission... permissions) {
    int bits() {
      int perms = 0;
      for (Permission p : permissions) {
        perms |= p.getValue();
      }
      return perms;
    }
  }

  /** Granted to every user ({@code *}): Tasklist, reading definitions, creating instances of the definitions one may start. */
  private static final List<Grant> EVERYONE = List.of(
      new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ),
      new Grant(Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE));

  private final RegionDirectory regions;
  private final JointReviewProperties jointReview;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final IdGenerator ids;
  private final List<ProcedureAccess> procedures;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  public RoleGroups(ProcessEngine engine, RegionDirectory regions, JointReviewProperties jointReview, JdbcTemplate jdbc,
      PlatformTransactionManager transactions, List<ProcedureAccess> procedures) {
    this.regions = regions;
    this.jointReview = jointReview;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.ids = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getIdGenerator();
    this.procedures = List.copyOf(procedures);
  }

  /**
   * The role group exists, with its Chinese name, its role's grants and its province's tenant: written now, in a
   * transaction of its own (so a concurrent first use by another request only finds it there), when it did not.
   * Returns its name; empty for an id that is not a role group of a known region.
   */
  public Optional<String> ensure(String groupId) {
    return ensure(groupId, nameOf(groupId));
  }

  /**
   * {@link #ensure(String)} for a role group whose name the procedure knows (a supervised task's responsible unit,
   * {@code unitbb370100} → 济南市编办（督查责任单位）); the name is written only when the group is new.
   */
  public Optional<String> ensure(String groupId, String name) {
    return Role.parse(groupId).isEmpty() ? Optional.empty() : ensure(groupId, Optional.of(name));
  }

  private Optional<String> ensure(String groupId, Optional<String> name) {
    if (name.isEmpty() || known.contains(groupId)) {
      return name;
    }
    try {
      ownTransaction.executeWithoutResult(s -> write(Map.of(groupId, name.get()), new int[1]));
    } catch (DuplicateKeyException concurrent) {
      LOG.debug("role group {} written by a concurrent request", groupId);
    }
    known.add(groupId);
    return name;
  }

  /** The Chinese name of a role group (Admin shows it), e.g. 山东省泰安市宁阳县磁窑镇党委; empty for an unknown region. */
  public Optional<String> nameOf(String groupId) {
    return Role.parse(groupId).flatMap(m -> nameOf(m.role(), m.regionCode(), groupId));
  }

  private Optional<String> nameOf(Role role, String code, String groupId) {
    return switch (role) {
      case TOWNSHIP -> regions.countyOfTownship(code).flatMap(county -> regions.townshipName(code)
          .map(t -> countyName(county) + t + "党委"));
      case DRAFTER -> county(code, "（方案起草）");
      case LEGAL -> county(code, "司法局（法律审核）");
      case COUNTY_GOVERNMENT -> county(code, "党委、政府（审批）");
      case REQUESTER -> county(code, "（借调申请单位）");
      case ORGANISATION -> county(code, "委组织部（借调审批）");
      case HUMAN_RESOURCES -> county(code, "人力资源和社会保障局（借调审批）");
      case COUNTY_DEPARTMENT -> county(code, "县直部门（事项申报）");
      case SUBMITTER -> city(code, "人民政府（申报）");
      case REVIEWER -> province(code, "编办（审核）").or(() -> city(code, "编办（审核）"));
      case APPROVER -> province(code, "人民政府（审批）").or(() -> city(code, "委、市政府（审批）"));
      case FILER -> province(code, "编办（备案）");
      case SUPERVISOR -> province(code, "（督办）").or(() -> city(code, "（督办）")).or(() -> county(code, "（督办）"));
      case DEPARTMENT -> province(code, jointReview.nameOf(groupId) + "（会审）");
      case UNIT -> Optional.empty();
    };
  }

  private Optional<String> province(String code, String suffix) {
    return regions.province(code).map(p -> p.name() + suffix);
  }

  private Optional<String> city(String code, String suffix) {
    return regions.city(code).map(c -> regions.province(c.provinceCode()).map(RegionDirectory.Region::name).orElse("")
        + c.name() + suffix);
  }

  private Optional<String> county(String code, String suffix) {
    return regions.county(code).map(c -> countyName(code) + suffix);
  }

  private String countyName(String countyCode) {
    return regions.describeCounty(countyCode).replace(" · ", "");
  }

  /** group id → Chinese name of every {@link Role#seeded()} role group of the reference data. */
  Map<String, String> seededGroups() {
    Map<String, String> groups = new LinkedHashMap<>();
    for (RegionDirectory.Region p : regions.provinces()) {
      for (Role r : List.of(Role.REVIEWER, Role.APPROVER, Role.FILER, Role.SUPERVISOR)) {
        put(groups, r.group(p.code()));
      }
      for (String d : jointReview.groupsOf(p.code())) {
        put(groups, d);
      }
    }
    for (RegionDirectory.Region city : regions.cities()) {
      for (Role r : List.of(Role.REVIEWER, Role.SUBMITTER, Role.APPROVER)) {
        put(groups, r.group(city.code()));
      }
    }
    for (RegionDirectory.Region county : regions.counties()) {
      for (Role r : List.of(Role.DRAFTER, Role.LEGAL, Role.COUNTY_GOVERNMENT)) {
        put(groups, r.group(county.code()));
      }
    }
    return groups;
  }

  private void put(Map<String, String> groups, String id) {
    nameOf(id).ifPresent(n -> groups.put(id, n));
  }

  /**
   * Writes the groups that do not exist yet, then for every group given (new or written by an earlier version) the
   * grants of its role and its tenant membership that are missing, and the grants every user shares; one JDBC batch
   * per table, in the caller's transaction. Returns {groups, grants, memberships} added; counts statements in
   * {@code statements[0]}.
   */
  int[] write(Map<String, String> groups, int[] statements) {
    Set<String> existing = groups.size() == 1
        ? new HashSet<>(jdbc.queryForList("select ID_ from ACT_ID_GROUP where ID_ = ?", String.class, groups.keySet().iterator().next()))
        : new HashSet<>(jdbc.queryForList("select ID_ from ACT_ID_GROUP", String.class));
    List<Object[]> missing = groups.entrySet().stream().filter(e -> !existing.contains(e.getKey()))
        .map(e -> new Object[] {e.getKey(), e.getValue(), GROUP_TYPE}).toList();
    batch(statements, "insert into ACT_ID_GROUP (ID_, REV_, NAME_, TYPE_) values (?, 1, ?, ?)", missing);
    if (missing.size() > 1) {
      LOG.info("Role groups: {} groups written", missing.size());
    }
    int grants = ensureGrants(statements, groups.keySet());
    int memberships = ensureTenants(statements, groups.keySet());
    known.addAll(groups.keySet());
    return new int[] {missing.size(), grants, memberships};
  }

  private void batch(int[] statements, String sql, List<Object[]> rows) {
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(sql, rows);
      statements[0]++;
    }
  }

  /**
   * What each role adds to the grants everybody has: starting its procedures for a starter role; Cockpit for
   * supervisors, who may also read every task of their province (the tenant check keeps it to their province), for
   * Cockpit's 人工任务 and its tasks-by-group report, and the instances and history of every procedure.
   */
  List<Grant> grantsOf(Role role) {
    List<Grant> grants = new ArrayList<>();
    if (role == Role.SUPERVISOR) {
      grants.add(new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS));
      grants.add(new Grant(Resources.TASK, Authorization.ANY, Permissions.READ));
    }
    for (ProcedureAccess procedure : procedures) {
      if (procedure.starter() == role && role == Role.SUPERVISOR) {
        // a procedure supervisors start (重点任务督查): they start it and watch it like every other
        grants.add(new Grant(Resources.PROCESS_DEFINITION, procedure.processKey(), Permissions.READ, Permissions.CREATE_INSTANCE,
            Permissions.READ_INSTANCE, Permissions.READ_HISTORY));
      } else if (procedure.starter() == role) {
        grants.add(new Grant(Resources.PROCESS_DEFINITION, procedure.processKey(), Permissions.READ, Permissions.CREATE_INSTANCE));
      } else if (role == Role.SUPERVISOR) {
        grants.add(new Grant(Resources.PROCESS_DEFINITION, procedure.processKey(),
            Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY));
      }
    }
    return grants;
  }

  private int ensureGrants(int[] statements, Collection<String> groups) {
    // not the engine's grants on each task and historic task (one per candidate group of every task)
    String only = groups.size() == 1 ? " and GROUP_ID_ = ?" : "";
    List<Object> args = new ArrayList<>(List.of(Resources.TASK.resourceType(), Resources.HISTORIC_TASK.resourceType()));
    if (groups.size() == 1) {
      args.add(groups.iterator().next());
    }
    Set<String> held = new HashSet<>(jdbc.queryForList("""
        select GROUP_ID_ || '/' || RESOURCE_TYPE_ || '/' || RESOURCE_ID_ from ACT_RU_AUTHORIZATION
        where GROUP_ID_ is not null and TYPE_ = 1 and (RESOURCE_TYPE_ not in (?, ?) or RESOURCE_ID_ = '*')""" + only,
        String.class, args.toArray()));
    List<Object[]> rows = new ArrayList<>();
    for (String group : groups) {
      Role role = Role.parse(group).map(Role.Membership::role).orElseThrow();
      for (Grant grant : grantsOf(role)) {
        if (!held.contains(group + "/" + grant.resource().resourceType() + "/" + grant.resourceId())) {
          rows.add(new Object[] {ids.getNextId(), AUTH_TYPE_GRANT, group, null, grant.resource().resourceType(),
              grant.resourceId(), grant.bits()});
        }
      }
    }
    Set<String> global = new HashSet<>(jdbc.queryForList("""
        select RESOURCE_TYPE_ || '/' || RESOURCE_ID_ from ACT_RU_AUTHORIZATION where TYPE_ = ? and USER_ID_ = '*'""",
        String.class, AUTH_TYPE_GLOBAL));
    for (Grant grant : EVERYONE) {
      if (!global.contains(grant.resource().resourceType() + "/" + grant.resourceId())) {
        rows.add(new Object[] {ids.getNextId(), AUTH_TYPE_GLOBAL, null, Authorization.ANY, grant.resource().resourceType(),
            grant.resourceId(), grant.bits()});
      }
    }
    batch(statements, """
        insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)
        values (?, 1, ?, ?, ?, ?, ?, ?)""", rows);
    if (rows.size() > 1) {
      LOG.info("Role groups: {} grants written", rows.size());
    }
    return rows.size();
  }

  /** A tenant per province, and every role group a member of its province's tenant; returns the memberships added. */
  private int ensureTenants(int[] statements, Collection<String> groups) {
    Set<String> tenants = new HashSet<>(jdbc.queryForList("select ID_ from ACT_ID_TENANT", String.class));
    Set<String> members = new HashSet<>(groups.size() == 1
        ? jdbc.queryForList("select TENANT_ID_ || '/' || GROUP_ID_ from ACT_ID_TENANT_MEMBER where GROUP_ID_ = ?", String.class,
            groups.iterator().next())
        : jdbc.queryForList("select TENANT_ID_ || '/' || GROUP_ID_ from ACT_ID_TENANT_MEMBER where GROUP_ID_ is not null",
            String.class));
    batch(statements, "insert into ACT_ID_TENANT (ID_, REV_, NAME_) values (?, 1, ?)", regions.provinces().stream()
        .filter(p -> !tenants.contains(p.code())).map(p -> new Object[] {p.code(), p.name()}).toList());
    List<Object[]> rows = new ArrayList<>();
    for (String group : groups) {
      String tenant = Role.parse(group).map(m -> ProvinceTenants.of(m.regionCode())).orElseThrow();
      if (!members.contains(tenant + "/" + group)) {
        rows.add(new Object[] {ids.getNextId(), tenant, group});
      }
    }
    batch(statements, "insert into ACT_ID_TENANT_MEMBER (ID_, TENANT_ID_, USER_ID_, GROUP_ID_) values (?, ?, null, ?)", rows);
    return rows.size();
  }
}
