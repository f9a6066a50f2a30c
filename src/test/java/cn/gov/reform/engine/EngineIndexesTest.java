package cn.gov.reform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Admin's group list stays fast with 4,134 groups and still authorization-checked: the count it asks for joins
 * each group to the admin's grants on {@code RESOURCE_ID_ IN (group id, '*')}, and that lookup must find the
 * grants of the one resource type through {@link EngineIndexes#RESOURCE_GRANTS} instead of reading every grant on
 * {@code '*'} per group. The statement checked is the one the engine builds, not a copy of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineIndexesTest {

  private static final String GROUP_COUNT = "selectGroupCountByQueryCriteria";

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;

  @Test
  void shouldIndexGrantsByResourceIdAndResourceType() throws SQLException {
    assertThat(indexColumns(EngineIndexes.RESOURCE_GRANTS)).containsExactly("RESOURCE_ID_", "RESOURCE_TYPE_");
  }

  @Test
  void shouldLookUpOnlyGrantsOnGroupsWhenAnAdministratorCountsTheGroups() throws SQLException {
    boolean h2;
    try (Connection c = dataSource.getConnection()) {
      h2 = c.getMetaData().getDatabaseProductName().equals("H2");
    }
    String plan = asAdministrator(this::explainGroupCount);

    assertThat(plan.toUpperCase(java.util.Locale.ROOT)).as("the count is authorization-checked").contains("ACT_RU_AUTHORIZATION");
    if (h2) {
      // H2 runs the grant lookup once per group: it must read only the grants on groups
      assertThat(plan).as("the per-group grant lookup uses resource id and type")
          .containsPattern(EngineIndexes.RESOURCE_GRANTS + ": RESOURCE_TYPE_ = \\?\\d+\\s+AND RESOURCE_ID_ IS NOT DISTINCT FROM");
    } else {
      // PostgreSQL joins the administrator's few grants once, with no lookup per group
      assertThat(plan).as("no lookup per group").doesNotContainPattern("(?i)loops|SubPlan");
    }
  }

  @Test
  void shouldStillCountOnlyTheGroupsAUserMayRead() {
    IdentityService identity = engine.getIdentityService();
    long all = identity.createGroupQuery().count();
    assertThat(all).isGreaterThan(4000);
    assertThat(asAdministrator(() -> identity.createGroupQuery().count())).isEqualTo(all);

    identity.setAuthentication("taian", List.of("reviewer370900"));
    try {
      assertThat(identity.createGroupQuery().count()).as("a reviewer reads no other group").isLessThan(10);
    } finally {
      identity.clearAuthentication();
    }
  }

  private <T> T asAdministrator(java.util.function.Supplier<T> work) {
    engine.getIdentityService().setAuthentication("admin", List.of(Groups.CAMUNDA_ADMIN));
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The database's plan of the statement Admin's group count runs, with the caller's authorization check. */
  private String explainGroupCount() {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return cfg.getCommandExecutorTxRequired().execute(context -> {
      DbGroupQueryImpl query = new DbGroupQueryImpl();
      context.getAuthorizationManager().configureQuery(query, Resources.GROUP);
      MappedStatement statement = cfg.getSqlSessionFactory().getConfiguration()
          .getMappedStatement(cfg.getDbSqlSessionFactory().mapStatement(GROUP_COUNT));
      BoundSql sql = statement.getBoundSql(query);
      Connection c = context.getDbSqlSession().getSqlSession().getConnection();
      try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + sql.getSql())) {
        new DefaultParameterHandler(statement, query, sql).setParameters(explain);
        try (ResultSet rs = explain.executeQuery()) {
          StringBuilder plan = new StringBuilder();
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
          return plan.toString();
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private List<String> indexColumns(String index) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      var meta = c.getMetaData();
      String table = meta.storesLowerCaseIdentifiers() ? "act_ru_authorization" : "ACT_RU_AUTHORIZATION";
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = meta.getIndexInfo(null, null, table, false, false)) {
        while (rs.next()) {
          if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
            columns.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
          }
        }
      }
      return columns;
    }
  }
}
