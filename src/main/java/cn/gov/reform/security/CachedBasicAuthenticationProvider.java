package cn.gov.reform.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's HTTP Basic provider with the user's groups and tenants resolved here, once, and a
 * successful check remembered for a few seconds ({@link AuthenticationCache}). Without it every
 * engine REST or /api call checks the password and reads the user's groups and tenants: three
 * queries and three transactions before any work is done.
 */
public class CachedBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    String[] credentials = credentials(request.getHeader("Authorization"));
    if (credentials != null) {
      AuthenticationResult cached = AuthenticationCache.find(engine.getName(), credentials[0], credentials[1]);
      if (cached != null) {
        return cached;
      }
    }
    AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
    if (result.isAuthenticated() && credentials != null) {
      IdentityService identity = engine.getIdentityService();
      String user = result.getAuthenticatedUser();
      result.setGroups(identity.createGroupQuery().groupMember(user).unlimitedList().stream().map(Group::getId).toList());
      result.setTenants(identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).unlimitedList().stream()
          .map(Tenant::getId).toList());
      AuthenticationCache.remember(engine.getName(), credentials[0], credentials[1], result);
    }
    return result;
  }

  /** user and password of a Basic header, or null. */
  static String[] credentials(String header) {
    if (header == null || !header.startsWith("Basic ")) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = decoded.indexOf(':');
    return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }
}
