package cn.gov.reform.engine;

import jakarta.annotation.PostConstruct;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes Camunda's own schema lacks for a system with thousands of role groups, created after the engine has
 * created its tables; harmless if they exist.
 * <ul>
 * <li>{@link #AUTHORIZED_GROUPS}: before every authorization-checked command the engine reads the distinct groups
 * that hold any authorization ({@code selectAuthorizedGroupIds}); with 4,132 role groups and an authorization per
 * open task that was a full scan of ACT_RU_AUTHORIZATION (8.6 ms at 10,000 open tasks) and is now an index-only
 * scan (3.7 ms).</li>
 * <li>{@link #RESOURCE_GRANTS}: every authorization-checked list (Admin's groups, users, tenants; Cockpit's
 * lists) joins each row to the grants on {@code RESOURCE_ID_ IN (row id, '*')} of one resource type. H2 runs that
 * lookup once per row and, by {@code RESOURCE_ID_} alone, read all ~3,000 grants on {@code '*'} (each drafter
 * group may start instances of any definition) for each of the 4,134 groups: Admin's group count took 3–5 s. With
 * the resource type in the index the lookup reads only the grants on that type.</li>
 * </ul>
 */
@Component
public class EngineIndexes {

  public static final String AUTHORIZED_GROUPS = "ACT_IDX_AUTH_GRP_TYPE";
  public static final String RESOURCE_GRANTS = "ACT_IDX_AUTH_RES_TYPE";

  private final JdbcTemplate jdbc;

  EngineIndexes(ProcessEngine engineFirst, JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @PostConstruct
  void create() {
    jdbc.execute("create index if not exists " + AUTHORIZED_GROUPS + " on ACT_RU_AUTHORIZATION (GROUP_ID_, TYPE_)");
    jdbc.execute("create index if not exists " + RESOURCE_GRANTS + " on ACT_RU_AUTHORIZATION (RESOURCE_ID_, RESOURCE_TYPE_)");
  }
}
