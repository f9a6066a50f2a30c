package cn.gov.reform.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is calling, as Camunda's authentication filter (or the webapp login) established it for this thread. */
@Component
public class CurrentCaller {

  public static final String SYSTEM = "system";

  private final IdentityService identity;

  public CurrentCaller(IdentityService identity) {
    this.identity = identity;
  }

  public Jurisdiction jurisdiction() {
    Authentication a = identity.getCurrentAuthentication();
    if (a == null || a.getUserId() == null) {
      throw new IllegalStateException("no authenticated caller");
    }
    return Jurisdiction.of(a.getUserId(), a.getGroupIds() == null ? List.of() : a.getGroupIds());
  }

  /** The caller's groups as the authentication carries them (empty for the job executor). */
  public List<String> groupIds() {
    Authentication a = identity.getCurrentAuthentication();
    return a == null || a.getGroupIds() == null ? List.of() : a.getGroupIds();
  }

  /** The acting user for the audit trail; {@value #SYSTEM} for the job executor. */
  public String actorOr(String fallback) {
    Authentication a = identity.getCurrentAuthentication();
    if (a != null && a.getUserId() != null) {
      return a.getUserId();
    }
    return fallback == null ? SYSTEM : fallback;
  }

  public boolean isAuthenticated() {
    Authentication a = identity.getCurrentAuthentication();
    return a != null && a.getUserId() != null;
  }
}
