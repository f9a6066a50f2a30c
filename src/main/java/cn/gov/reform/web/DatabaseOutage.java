package cn.gov.reform.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database cannot be reached (restarting, connections dropped, not accepting connections): a request is answered
 * 503 with {@value #TITLE} and {@code Retry-After}, not 500 with a trace; the transaction it ran in is rolled back, so
 * nothing it did is half-written. {@code /api} answers so through its exception handler, engine REST and the webapps'
 * engine API through {@code engine.DatabaseOutageMappers}, everything else through {@code security.DatabaseOutageFilter}.
 */
public final class DatabaseOutage {

  public static final String TITLE = "数据库暂时不可用";
  public static final String DETAIL = "数据库暂时无法连接，请稍后重试；重试前请先刷新，确认本次操作是否已生效";
  public static final String RETRY_AFTER_SECONDS = "10";

  private DatabaseOutage() {}

  /**
   * Whether a lost or refused connection caused the failure: HikariCP's timeout or closed proxy, Spring's resource
   * failures, SQL states of class 08 (connection exception) and 57P01–57P03 (administrator or crash shutdown, cannot
   * connect now), PostgreSQL's 55000 "not currently accepting connections", H2's 90067 (broken) and 90098 (closed).
   */
  public static boolean is(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException || t instanceof SQLException s && connectionLost(s)
          || t instanceof TransactionSystemException r && r.getApplicationException() != null && r.getApplicationException() != e
              && is(r.getApplicationException())) {
        return true;
      }
    }
    return false;
  }

  private static boolean connectionLost(SQLException s) {
    if (s.getMessage() != null && (s.getMessage().equals("Connection is closed") // HikariCP's proxy of a closed connection
        || s.getMessage().contains("connection has been closed"))) {
      return true;
    }
    String state = s.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("90067") || state.equals("90098")
        || state.equals("55000") && s.getMessage() != null && s.getMessage().contains("accepting connections"));
  }

  /** The problem body, with the {@code message} Camunda's webapps show in their notification. */
  public static java.util.Map<String, Object> body() {
    java.util.Map<String, Object> body = Problems.body(503, TITLE, DETAIL, null);
    body.put("message", DETAIL);
    return body;
  }
}
