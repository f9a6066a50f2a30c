package cn.gov.reform.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Two measured costs of Camunda's authorization checks removed without changing who sees what (README
 * "Performance", issue 14).
 * <ul>
 * <li><b>A query of the caller's own tasks needs no per-task check.</b> Tasklist's 我的待办 asks for the tasks whose
 * candidate groups are the caller's groups, 我认领的任务 for the tasks assigned to the caller. Camunda grants a
 * task's candidate groups and its assignee READ on that task when it links them (its default authorization
 * provider), so the authorization join can only confirm what the candidate or assignee condition already says —
 * and it costs one comparison per open task of the group with every grant of the group, which is one per open
 * task: quadratic (441 ms for a group with 1,001 open tasks). Such a query — no OR branch, candidate groups all
 * the caller's own (candidate user none or the caller), or assignee the caller — runs without that join. The
 * tenant check (province isolation) is separate and stays; any other query (another group's tasks, an OR query,
 * everything of a supervisor) is checked as before; so is every read, claim and completion of a single task.
 * Revoke authorizations, if anyone creates them, switch this off for the query (the engine reports them).</li>
 * <li><b>No lookup of every group holding a grant.</b> Before each checked command the engine reads the distinct
 * groups holding any authorization (4,134 here), only to shorten the caller's group list in its SQL; a group
 * holding no grant matches no row anyway, so the caller's groups are used as they are.</li>
 * </ul>
 */
@Component
class CallerScopedAuthorization extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    List<SessionFactory> factories = new ArrayList<>();
    if (cfg.getCustomSessionFactories() != null) {
      factories.addAll(cfg.getCustomSessionFactories());
    }
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new Manager();
      }
    });
    cfg.setCustomSessionFactories(factories);
  }

  static final class Manager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> groupIds) {
      return groupIds == null ? List.of() : groupIds;
    }

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
      super.configureTaskQuery(query);
      AuthorizationCheck check = query.getAuthCheck();
      if (check.isAuthorizationCheckEnabled() && !check.isRevokeAuthorizationCheckEnabled()
          && scopedToCaller(query, getCurrentAuthentication())) {
        check.setAuthorizationCheckEnabled(false);
        check.getPermissionChecks().clear();
      }
    }

    /** Whether every task the query can return is one the caller was linked to as candidate or assignee. */
    static boolean scopedToCaller(TaskQueryImpl query, Authentication caller) {
      if (caller == null || caller.getUserId() == null || query.getQueries().size() != 1) {
        return false;
      }
      String user = caller.getUserId();
      if (user.equals(query.getAssignee())) {
        return true;
      }
      List<String> mine = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
      List<String> candidates = query.getCandidateGroups();
      return candidates != null && !candidates.isEmpty() && mine.containsAll(candidates)
          && (query.getCandidateUser() == null || query.getCandidateUser().equals(user))
          && query.getCandidateGroupLike() == null;
    }
  }
}
