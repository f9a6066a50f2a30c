package cn.gov.reform.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code camunda-admin} always has a direct member: at every start the configured admin user is made a
 * member again if somebody removed the membership (a group with no direct member is what CVE-2026-77226
 * needs), and {@link AdminMembershipGuard} refuses to remove its last direct member over REST.
 */
@Component
class AdminMembership {

  private static final Logger LOG = LoggerFactory.getLogger(AdminMembership.class);

  AdminMembership(ProcessEngine engine, @Value("${camunda.bpm.admin-user.id:admin}") String adminId) {
    IdentityService identity = engine.getIdentityService();
    boolean adminExists = identity.createUserQuery().userId(adminId).count() > 0;
    boolean groupExists = identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() > 0;
    if (adminExists && groupExists
        && identity.createUserQuery().userId(adminId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership(adminId, Groups.CAMUNDA_ADMIN);
      LOG.warn("{} was not a direct member of {}: membership restored", adminId, Groups.CAMUNDA_ADMIN);
    } else if (!adminExists || !groupExists) {
      LOG.error("admin user {} or group {} missing: set camunda.bpm.admin-user", adminId, Groups.CAMUNDA_ADMIN);
    }
  }
}
