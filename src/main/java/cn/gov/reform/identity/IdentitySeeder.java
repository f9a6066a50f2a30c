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
  public static final String FILTER_MY_TASKS = "我的待办";
  public static final String FILTER_CLAIMED = "我认领的任务";

  private final ProcessEngine engine;
  private final RoleGroups roleGroups;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private Seeding last;

  public IdentitySeeder(ProcessEngine engine, RoleGroups roleGroups, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.transaction = new TransactionTemplate(transactions);
    this.engine = engine;
    this.roleGroups = roleGroups;
    this.jdbc = jdbc;
  }

  /** What the last seeding did: groups wanted and created, tenant memberships added, JDBC statements, time. */
  public record Seeding(int wanted, int created, int grants, int memberships, int statements, long millis) {}

  /**
   * Groups, their authorizations, the province tenants and the memberships are written with one JDBC batch
   * per table, in one transaction, straight into Camunda's identity and authorization tables: one engine
   * command per row took 6–50 s for the 4,132 groups on a 2-core machine. Role groups created on demand by an
   * earlier run ({@link RoleGroups#ensure}) get the grants their role gained since. Only the two shared filters go
   * through the engine (their query is serialized by it).
   */
  @jakarta.annotation.PostConstruct
  void seed() {
    long start = System.nanoTime();
    Map<String, String> wanted = wantedGroups();
    LOG.info("Role groups: checking {} groups", wanted.size());
    int[] statements = {0};
    int[][] added = {null};
    transaction.executeWithoutResult(status -> {
      Map<String, String> all = new LinkedHashMap<>(wanted);
      jdbc.query("select ID_, NAME_ from ACT_ID_GROUP where TYPE_ = ?", rs -> {
        if (Role.parse(rs.getString(1)).isPresent()) {
          all.putIfAbsent(rs.getString(1), rs.getString(2));
        }
      }, RoleGroups.GROUP_TYPE);
      added[0] = roleGroups.write(all, statements);
    });
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(ctx -> {
      ensureFilters();
      return null;
    });
    last = new Seeding(wanted.size(), added[0][0], added[0][1], added[0][2], statements[0], (System.nanoTime() - start) / 1_000_000);
    LOG.info("Role groups: {} wanted, {} created, {} grants and {} tenant memberships added, {} statements, in {} ms",
        last.wanted(), last.created(), last.grants(), last.memberships(), last.statements(), last.millis());
  }

  public Seeding lastSeeding() {
    return last;
  }

  /** group id → Chinese group name, for every region of the reference data and every seeded role. */
  Map<String, String> wantedGroups() {
    return roleGroups.seededGroups();
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
