package cn.gov.reform.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import cn.gov.reform.engine.SystemAccess;

/**
 * People as officials know them: a user's name (宁阳县起草员) instead of their login id (ningyang), and 系统 for
 * the steps the system takes. Read without the caller's authorizations: whoever may read a record may read
 * the names of those who acted on it.
 */
@Component
public class UserNames {

  /** The actor the audit trail records for the system's own steps. */
  public static final String SYSTEM = "system";

  private final IdentityService identity;
  private final SystemAccess system;

  public UserNames(IdentityService identity, SystemAccess system) {
    this.identity = identity;
    this.system = system;
  }

  /** Display name of each id (the id itself where no user has it, 系统 for the system). */
  public Map<String, String> of(Collection<String> userIds) {
    Set<String> ids = userIds.stream().filter(id -> id != null && !SYSTEM.equals(id)).collect(Collectors.toSet());
    Map<String, String> names = new HashMap<>();
    names.put(SYSTEM, "系统");
    if (!ids.isEmpty()) {
      system.call(() -> identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).listPage(0, ids.size())).forEach(u ->
          names.put(u.getId(), display(u)));
    }
    ids.forEach(id -> names.putIfAbsent(id, id));
    return names;
  }

  public static String display(User user) {
    String first = user.getFirstName() == null ? "" : user.getFirstName().strip();
    String last = user.getLastName() == null ? "" : user.getLastName().strip();
    if (first.isEmpty() && last.isEmpty()) {
      return user.getId();
    }
    boolean latin = !first.isEmpty() && first.charAt(first.length() - 1) < 0x2E80;
    return first + (latin && !last.isEmpty() ? " " : "") + last;
  }
}
