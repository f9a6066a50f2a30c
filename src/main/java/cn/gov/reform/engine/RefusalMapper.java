package cn.gov.reform.engine;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import cn.gov.reform.web.InvalidFields;
import cn.gov.reform.web.Problems;

/**
 * The app's own refusals from inside the engine — a decision breaking its stage's rules, bad plan data in a start
 * form: every {@link InvalidFields} — answered on engine REST as on {@code /api}: 400 problem+json naming each
 * field, plus {@code message}, which Camunda's webapps show. Camunda would answer
 * {@code {"type":"RestException","message":"Cannot complete task …: opinion：…"}} instead. Registered with every
 * Jersey application of the app by {@link EngineRestProblems}.
 */
abstract class RefusalMapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

  @Override
  public boolean isMappable(E e) {
    return refusalIn(e) != null;
  }

  @Override
  public Response toResponse(E e) {
    InvalidFields refusal = refusalIn(e);
    String detail = ((Throwable) refusal).getMessage();
    Map<String, Object> body = Problems.body(Response.Status.BAD_REQUEST.getStatusCode(), refusal.problemTitle(), detail,
        refusal.errors());
    body.put("message", detail);
    return Response.status(Response.Status.BAD_REQUEST).type(Problems.MEDIA_TYPE).entity(body).build();
  }

  /** The refusal an engine REST failure carries (engine REST wraps it in a RestException), or null. */
  static InvalidFields refusalIn(Throwable e) {
    return Causes.first(e, InvalidFields.class).orElse(null);
  }

  /** Refusals wrapped by engine REST's resources ("Cannot complete task …"). */
  @Priority(1)
  public static final class Wrapped extends RefusalMapper<RestException> {}

  /** Refusals that reach engine REST as the engine threw them. */
  @Priority(1)
  public static final class Engine extends RefusalMapper<ProcessEngineException> {}
}
