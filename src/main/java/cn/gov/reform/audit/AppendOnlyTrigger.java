package cn.gov.reform.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's half of {@code app_admin_audit}'s append-only rule (PostgreSQL's is a PL/pgSQL trigger): refuses every change. */
public class AppendOnlyTrigger implements Trigger {

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException("app_admin_audit is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
  }
}
