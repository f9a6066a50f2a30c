package cn.gov.reform.engine;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import cn.gov.reform.web.InvalidFields;
import cn.gov.reform.web.Problems;

/**
 * A start form the app refused (bad plan data): engine REST says "Cannot instantiate process definition
 * reformPlanApproval:1:ef76c761-…: 方案数据有误：…", and Tasklist shows that, engine id and all, to an official.
 * Here the answer is 400 problem JSON whose {@code message} (what Tasklist shows) and {@code detail} are the app's
 * own Chinese refusal, naming the form's fields by their labels, with {@code errors} by field key. Registered by
 * {@link TaskTakenFeature}; every other failure of a start is answered as Camunda does.
 */
@Priority(1)
public class StartRefusalMapper implements ExtendedExceptionMapper<RestException> {

  private static final Pattern START = Pattern.compile("(?:^|/)process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/(?:start|submit-form)/?$");

  @Context
  UriInfo uri;

  @Override
  public boolean isMappable(RestException e) {
    return uri != null && START.matcher(uri.getPath()).find() && refusal(e) != null;
  }

  @Override
  public Response toResponse(RestException e) {
    Throwable refusal = refusal(e);
    InvalidFields invalid = (InvalidFields) refusal;
    Map<String, Object> body = Problems.body(400, invalid.problemTitle(), refusal.getMessage(), invalid.errors());
    body.put("message", refusal.getMessage()); // what Camunda's webapps show in their notification
    return Response.status(Response.Status.BAD_REQUEST).type(Problems.MEDIA_TYPE).entity(body).build();
  }

  private static Throwable refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidFields) {
        return t;
      }
    }
    return null;
  }
}
