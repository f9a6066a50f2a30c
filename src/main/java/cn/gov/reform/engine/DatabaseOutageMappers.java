package cn.gov.reform.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.LoggerFactory;

import cn.gov.reform.web.DatabaseOutage;
import cn.gov.reform.web.Problems;

/** Engine REST's and the webapps' engine API's answer to a database outage ({@link DatabaseOutage}): 503 problem+json. */
final class DatabaseOutageMappers {

  private DatabaseOutageMappers() {}

  abstract static class Mapper<E extends Throwable> implements ExtendedExceptionMapper<E> {
    @Override
    public boolean isMappable(E e) {
      return DatabaseOutage.is(e);
    }

    @Override
    public Response toResponse(E e) {
      LoggerFactory.getLogger(DatabaseOutage.class).warn("database unavailable: {}", e.toString());
      return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(Problems.MEDIA_TYPE)
          .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).entity(DatabaseOutage.body()).build();
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
