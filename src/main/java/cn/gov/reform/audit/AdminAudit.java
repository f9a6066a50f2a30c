package cn.gov.reform.audit;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTenantCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The record of administrative changes (Community Edition's Admin keeps none): every engine command that changes a
 * user, group, membership, tenant, tenant membership or authorization — from the Admin webapp, engine REST or the app
 * itself — writes one row to {@code app_admin_audit} in the command's own transaction (a refused or failed change
 * leaves no row; a change never goes without one): who, when, through which channel, and the entity before and after
 * (passwords never; only that one was set). Runs inside the command context, after the command, so it sees the
 * command's arguments; the state before is read from the tables before the command runs.
 */
@Component
class AdminAudit extends AbstractProcessEnginePlugin {

  private final AdminAuditLog log;

  AdminAudit(AdminAuditLog log) {
    this.log = log;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    List<CommandInterceptor> interceptors = cfg.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(cfg.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new Recorder(log));
    cfg.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /** What one command changes: action, entity, and how to read the entity's state before and after. */
  record Change(String action, String entityType, String entityId, Map<String, Object> before, Map<String, Object> after) {}

  static final class Recorder extends CommandInterceptor {

    private final AdminAuditLog log;

    Recorder(AdminAuditLog log) {
      this.log = log;
    }

    @Override
    public <T> T execute(Command<T> command) {
      Change change = before(command);
      T result = next.execute(command);
      if (change != null) {
        Map<String, Object> after = after(command, change);
        String id = change.entityId().isEmpty() && after != null ? String.valueOf(after.get("id")) : change.entityId();
        log.record(actor(), channel(), change.action(), change.entityType(), id, change.before(), after);
      }
      return result;
    }

    /** The change a command is about to make, with the entity's state now; null for commands that change no identity. */
    private Change before(Command<?> c) {
      if (c instanceof SaveUserCmd) {
        User u = (User) field(c, "user");
        Map<String, Object> now = log.user(u.getId());
        return new Change(now == null ? "CREATE" : "UPDATE", "USER", u.getId(), now, null);
      } else if (c instanceof DeleteUserCmd) {
        String id = (String) field(c, "userId");
        return new Change("DELETE", "USER", id, log.user(id), null);
      } else if (c instanceof UnlockUserCmd) {
        String id = (String) field(c, "userId");
        return new Change("UNLOCK", "USER", id, log.user(id), null);
      } else if (c instanceof SaveGroupCmd) {
        Group g = (Group) field(c, "group");
        Map<String, Object> now = log.group(g.getId());
        return new Change(now == null ? "CREATE" : "UPDATE", "GROUP", g.getId(), now, null);
      } else if (c instanceof DeleteGroupCmd) {
        String id = (String) field(c, "groupId");
        return new Change("DELETE", "GROUP", id, log.group(id), null);
      } else if (c instanceof CreateMembershipCmd || c instanceof DeleteMembershipCmd) {
        String user = (String) field(c, "userId");
        String group = (String) field(c, "groupId");
        Map<String, Object> link = Map.of("userId", user, "groupId", group);
        boolean create = c instanceof CreateMembershipCmd;
        return new Change(create ? "CREATE" : "DELETE", "MEMBERSHIP", user + " → " + group, create ? null : link,
            create ? link : null);
      } else if (c instanceof SaveTenantCmd) {
        Tenant t = (Tenant) field(c, "tenant");
        Map<String, Object> now = log.tenant(t.getId());
        return new Change(now == null ? "CREATE" : "UPDATE", "TENANT", t.getId(), now, null);
      } else if (c instanceof DeleteTenantCmd) {
        String id = (String) field(c, "tenantId");
        return new Change("DELETE", "TENANT", id, log.tenant(id), null);
      } else if (c instanceof CreateTenantUserMembershipCmd || c instanceof DeleteTenantUserMembershipCmd
          || c instanceof CreateTenantGroupMembershipCmd || c instanceof DeleteTenantGroupMembershipCmd) {
        boolean user = c instanceof CreateTenantUserMembershipCmd || c instanceof DeleteTenantUserMembershipCmd;
        boolean create = c instanceof CreateTenantUserMembershipCmd || c instanceof CreateTenantGroupMembershipCmd;
        String tenant = (String) field(c, "tenantId");
        String member = (String) field(c, user ? "userId" : "groupId");
        Map<String, Object> link = Map.of("tenantId", tenant, user ? "userId" : "groupId", member);
        return new Change(create ? "CREATE" : "DELETE", "TENANT_MEMBERSHIP", member + " → " + tenant, create ? null : link,
            create ? link : null);
      } else if (c instanceof SaveAuthorizationCmd) {
        AuthorizationEntity a = (AuthorizationEntity) field(c, "authorization");
        Map<String, Object> now = a.getId() == null ? null : log.authorization(a.getId());
        return new Change(now == null ? "CREATE" : "UPDATE", "AUTHORIZATION", a.getId() == null ? "" : a.getId(), now, null);
      } else if (c instanceof DeleteAuthorizationCmd) {
        String id = (String) field(c, "authorizationId");
        return new Change("DELETE", "AUTHORIZATION", id, log.authorization(id), null);
      }
      return null;
    }

    /** The entity after the command: what the command saved (never its password), the link made, or nothing. */
    private static Map<String, Object> after(Command<?> c, Change change) {
      if (c instanceof SaveUserCmd) {
        User u = (User) field(c, "user");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.getId());
        m.put("firstName", u.getFirstName());
        m.put("lastName", u.getLastName());
        m.put("email", u.getEmail());
        if (u instanceof UserEntity e && e.getPassword() != null) {
          m.put("password", "（已设置新密码）");
        }
        return m;
      } else if (c instanceof SaveGroupCmd) {
        Group g = (Group) field(c, "group");
        return ordered("id", g.getId(), "name", g.getName(), "type", g.getType());
      } else if (c instanceof SaveTenantCmd) {
        Tenant t = (Tenant) field(c, "tenant");
        return ordered("id", t.getId(), "name", t.getName());
      } else if (c instanceof SaveAuthorizationCmd) {
        AuthorizationEntity a = (AuthorizationEntity) field(c, "authorization");
        return AdminAuditLog.authorization(a.getId(), a.getAuthorizationType(), a.getUserId(), a.getGroupId(),
            a.getResourceType(), a.getResourceId(), a.getPermissions());
      } else if (c instanceof UnlockUserCmd) {
        return change.before();
      }
      return change.after();
    }

    private static Map<String, Object> ordered(Object... keyValues) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < keyValues.length; i += 2) {
        m.put((String) keyValues[i], keyValues[i + 1]);
      }
      return m;
    }

    private static String actor() {
      String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
      return user == null ? "system" : user;
    }

    /** ADMIN_WEBAPP (Camunda's webapps, /camunda/api/engine), ENGINE_REST (/engine-rest), API or APP (no request: the app itself). */
    private static String channel() {
      if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r) {
        String path = r.getRequest().getRequestURI();
        return path.contains("/camunda/api/") ? "ADMIN_WEBAPP" : path.contains("/engine-rest") ? "ENGINE_REST" : "API";
      }
      return "APP";
    }

    private static Object field(Object command, String name) {
      for (Class<?> k = command.getClass(); k != null; k = k.getSuperclass()) {
        try {
          Field f = k.getDeclaredField(name);
          f.setAccessible(true);
          return f.get(command);
        } catch (NoSuchFieldException e) {
          // the field is declared higher up
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
        }
      }
      throw new IllegalStateException(command.getClass().getName() + " has no field " + name
          + ": the engine's identity commands changed; adapt AdminAudit");
    }
  }

  /** For the audit page: a resource type's name. */
  static String resourceName(int type) {
    for (Resource r : org.camunda.bpm.engine.authorization.Resources.values()) {
      if (r.resourceType() == type) {
        return r.resourceName();
      }
    }
    return String.valueOf(type);
  }
}
