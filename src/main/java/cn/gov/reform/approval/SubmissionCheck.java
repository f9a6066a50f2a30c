package cn.gov.reform.approval;

import java.util.List;
import java.util.function.Predicate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import cn.gov.reform.audit.TimelineEntry;

/**
 * A procedure's automatic check of what its author submitted, as an (async) service task: the findings of the item's
 * current version are stored with that version, a timeline step records the result, and {@value #HAS_ERRORS} routes
 * the item on or back to its author. Each submission is checked once: run again for a submission whose check is
 * recorded already (a job run again after its node died, or after a failure past the delegate), it reuses the stored
 * findings and writes nothing; a new submission is checked anew. Its duration is a timer metric with the outcome
 * PASSED, FAILED (ERROR findings) or ERROR (the check itself failed and is retried).
 */
public abstract class SubmissionCheck<T> implements JavaDelegate {

  /** The process variable the model's gateway after the check reads. */
  public static final String HAS_ERRORS = "hasErrors";

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final MeterRegistry meters;
  private final String timerName;
  private final String timerDescription;
  private final String what;

  /** {@code what} names the check in the log, e.g. "policy check of plan". */
  protected SubmissionCheck(MeterRegistry meters, String timerName, String timerDescription, String what) {
    this.meters = meters;
    this.timerName = timerName;
    this.timerDescription = timerDescription;
    this.what = what;
    for (String outcome : List.of("PASSED", "FAILED", "ERROR")) {
      timer(outcome);
    }
  }

  private Timer timer(String outcome) {
    return Timer.builder(timerName).description(timerDescription).tag("outcome", outcome).register(meters);
  }

  /** The item behind the business key; refused loudly when it is missing. */
  protected abstract T item(String businessKey);

  protected abstract int version(T item);

  /** Whether the item's latest submission already has its check recorded for its current version. */
  protected abstract boolean checkedSinceLastSubmission(T item);

  /** The findings stored for the item's current version. */
  protected abstract List<Finding> stored(T item);

  /** The findings of the item's current version; stores nothing. */
  protected abstract List<Finding> check(T item);

  /** Stores the findings with the item's current version and records the check in its timeline. */
  protected abstract void checked(T item, List<Finding> findings);

  @Override
  public void execute(DelegateExecution execution) {
    String id = execution.getProcessBusinessKey();
    T item = item(id);
    if (checkedSinceLastSubmission(item)) {
      execution.setVariable(HAS_ERRORS, Finding.errors(stored(item)) > 0);
      return;
    }
    Timer.Sample sample = Timer.start(meters);
    List<Finding> findings;
    try {
      findings = check(item);
    } catch (RuntimeException e) {
      sample.stop(timer("ERROR"));
      log.warn("{} {} version {} failed: {}", what, id, version(item), e.getMessage());
      throw e;
    }
    long errors = Finding.errors(findings);
    long nanos = sample.stop(timer(errors > 0 ? "FAILED" : "PASSED"));
    log.info("{} {} version {}: {} errors, {} warnings in {} ms", what, id, version(item), errors, findings.size() - errors,
        nanos / 1_000_000);
    checked(item, findings);
    execution.setVariable(HAS_ERRORS, errors > 0);
  }

  /**
   * Whether the newest of the timeline's check steps ({@code checkStage}) and submissions is a check of this version:
   * for {@link #checkedSinceLastSubmission}.
   */
  public static boolean checkedSince(List<TimelineEntry> timeline, String checkStage, Predicate<TimelineEntry> submission,
      int version) {
    for (int i = timeline.size() - 1; i >= 0; i--) {
      TimelineEntry e = timeline.get(i);
      if (checkStage.equals(e.stage())) {
        return e.version() != null && e.version() == version;
      }
      if (submission.test(e)) {
        return false;
      }
    }
    return false;
  }
}
