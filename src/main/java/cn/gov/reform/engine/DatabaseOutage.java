package cn.gov.reform.engine;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import cn.gov.reform.web.Problems;

/**
 * The database cannot be reached (restarting, connections dropped, not accepting connections): a request is answered
 * 503 with {@value #TITLE} and {@code Retry-After}, not 500 with a trace; the transaction it ran in is rolled back, so
 * nothing it did is half-written. {@code /api} answers so through its exception handler, engine REST and the webapps'
 * engine API through the mappers here.
 */
public final class DatabaseOutage {

  public static final String TITLE = "数据库暂时不可用";
  public static final String DETAIL = "数据库暂时无法连接，本次操作未保存，请稍后重试";
  public static final String RETRY_AFTER_SECONDS = "10";

  private DatabaseOutage() {}

  /**
   * SQL states of a lost or refused connection: class 08 (connection exception), 57P01–57P03 (administrator or crash
   * shutdown, cannot connect now), 55000 with "not currently accepting connections" is reported by PostgreSQL as 55000,
   * and H2's 90067 (connection broken) and 90098 (database closed).
   */
  public static boolean is(Throwable e) {
    return Causes.first(e, t -> t instanceof SQLTransientConnectionException || t instanceof CannotCreateTransactionException
        || t instanceof DataAccessResourceFailureException
        || t instanceof org.springframework.transaction.TransactionSystemException r && r.getApplicationException() != null
            && r.getApplicationException() != e && is(r.getApplicationException())
        || t instanceof SQLException s && connectionLost(s)).isPresent();
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

  /** Engine REST's and the webapps' answer: problem+json with the {@code message} Camunda's webapps show. */
  static Response response() {
    Map<String, Object> body = Problems.body(503, TITLE, DETAIL, null);
    body.put("message", DETAIL);
    return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(Problems.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
        .entity(body).build();
  }

  abstract static class Mapper<E extends Throwable> implements ExtendedExceptionMapper<E> {
    @Override
    public boolean isMappable(E e) {
      return is(e);
    }

    @Override
    public Response toResponse(E e) {
      org.slf4j.LoggerFactory.getLogger(DatabaseOutage.class).warn("database unavailable: {}", e.toString());
      return response();
    }
  }

  /** Engine failures that engine REST wraps. */
  @Priority(0)
  public static final class Wrapped extends Mapper<RestException> {}

  /** Engine failures that reach REST as they are. */
  @Priority(0)
  public static final class Engine extends Mapper<ProcessEngineException> {}

  /** Anything else whose cause is a lost connection. */
  @Priority(0)
  public static final class Unexpected extends Mapper<Throwable> {}
}
