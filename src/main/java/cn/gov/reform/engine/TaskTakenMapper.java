package cn.gov.reform.engine;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;

import cn.gov.reform.web.Problems;

/**
 * Two officials completing the same task at once (engine REST {@code task/{id}/complete}, Tasklist's
 * {@code submit-form}): the engine lets the first commit and fails the other — with an optimistic-locking
 * conflict, a lock timeout, an engine-internal error from reading a half-changed execution tree or, when it
 * came after the commit, "task not found" — which engine REST would all answer with a bare 500. Here the
 * other official gets 409 (404 once the task was already gone when they sent it) as problem JSON saying
 * someone else has dealt with it; the failed transaction left nothing behind. Other failures, and every
 * other path, are answered exactly as Camunda does. Registered with every Jersey application of the app by
 * {@link EngineRestProblems}; one mapper per exception type Camunda maps, so this one is the nearest. The app's own
 * refusals are {@link RefusalMapper}'s.
 */
abstract class TaskTakenMapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

  private static final Logger LOG = LoggerFactory.getLogger(TaskTakenMapper.class);
  private static final Pattern TASK_COMPLETION = Pattern.compile("(?:^|/)task/([^/]+)/(?:complete|submit-form|resolve)/?$");
  /** Lock timeouts and deadlocks: H2 (HYT00 lock timeout, 40001 deadlock), PostgreSQL (40001, 40P01, 55P03). */
  private static final Set<String> LOCK_STATES = Set.of("HYT00", "40001", "40P01", "55P03");

  @Context
  UriInfo uri;

  @Override
  public boolean isMappable(E e) {
    return taskId() != null && !(e instanceof RestException r && r.getStatus() != Response.Status.INTERNAL_SERVER_ERROR)
        && RefusalMapper.refusalIn(e) == null;
  }

  @Override
  public Response toResponse(E e) {
    String taskId = taskId();
    if (taskId != null) {
      if (taskGone(e)) {
        LOG.info("task {} completed after it had been completed", taskId);
        return problem(Response.Status.NOT_FOUND, "任务不存在",
            "该任务已由他人处理或已不存在（任务 " + taskId + "），请刷新待办列表");
      }
      if (has(e, OptimisticLockingException.class) || has(e, ConcurrencyFailureException.class) || lockTimeout(e)
          || completedMeanwhile(taskId)) {
        LOG.info("task {} was completed concurrently; the other completion is refused ({})", taskId, e.toString());
        return problem(Response.Status.CONFLICT, "任务已被处理",
            "该任务已由他人处理（任务 " + taskId + "），您的处理未保存，请刷新待办列表");
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(e);
  }

  private String taskId() {
    if (uri == null) {
      return null;
    }
    Matcher m = TASK_COMPLETION.matcher(uri.getPath());
    return m.find() ? m.group(1) : null;
  }

  private static Response problem(Response.Status status, String title, String detail) {
    Map<String, Object> body = Problems.body(status.getStatusCode(), title, detail, null);
    body.put("message", detail); // what Camunda's webapps show in their notification
    return Response.status(status).type(Problems.MEDIA_TYPE).entity(body).build();
  }

  /** The task no longer exists: someone completed it while this completion ran. */
  private static boolean completedMeanwhile(String taskId) {
    try {
      ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
      return SystemAccess.call(engine, ctx -> ctx.getTaskManager().findTaskById(taskId) == null);
    } catch (RuntimeException lookupFailed) {
      LOG.warn("could not check whether task {} was completed meanwhile", taskId, lookupFailed);
      return false;
    }
  }

  /** Camunda 7.24 says so with a NullValueException "Cannot find task with id …". */
  private static boolean taskGone(Throwable e) {
    return Causes.first(e, t -> t instanceof NotFoundException
        || t instanceof NullValueException && t.getMessage() != null && t.getMessage().startsWith("Cannot find task with id"))
        .isPresent();
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    return Causes.first(e, type).isPresent();
  }

  private static boolean lockTimeout(Throwable e) {
    return Causes.first(e, t -> t instanceof SQLException s && s.getSQLState() != null && LOCK_STATES.contains(s.getSQLState()))
        .isPresent();
  }

  /** What engine REST wraps engine failures of a completion in. */
  @Priority(1)
  public static final class Wrapped extends TaskTakenMapper<RestException> {}

  /** Engine failures that reach REST as they are. */
  @Priority(1)
  public static final class Engine extends TaskTakenMapper<ProcessEngineException> {}

  /** Errors from inside the engine that are not engine exceptions (e.g. a NullPointerException in a race). */
  @Priority(1)
  public static final class Unexpected extends TaskTakenMapper<Throwable> {}
}
