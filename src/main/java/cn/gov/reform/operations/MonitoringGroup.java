package cn.gov.reform.operations;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The group {@code monitoring} (运维监控): its members, like administrators, may read {@code /actuator/prometheus}.
 * Giving Prometheus access is: create a user, add it to this group.
 */
@Component
public class MonitoringGroup {

  public static final String ID = "monitoring";
  private static final Logger LOG = LoggerFactory.getLogger(MonitoringGroup.class);

  MonitoringGroup(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(ID).count() == 0) {
      try {
        Group g = identity.newGroup(ID);
        g.setName("运维监控");
        g.setType("SYSTEM");
        identity.saveGroup(g);
      } catch (RuntimeException raced) {
        // another node created it at the same moment
        LOG.debug("group {} not created here: {}", ID, raced.getMessage());
      }
    }
  }
}
