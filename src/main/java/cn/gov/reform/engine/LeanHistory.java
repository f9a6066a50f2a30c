package cn.gov.reform.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * History stays FULL for what an auditor needs — every process instance, every task with who was asked, who
 * claimed and who completed it and when, every decision and opinion as a variable with each of its values, every
 * user operation, every failed job — and leaves out three kinds of rows that record nothing of the sort (README
 * "Performance", issue 14):
 * <ul>
 * <li>the read-only texts a task's form shows (the chain, the plan summary, findings, earlier opinions, edit hints,
 * the decision options) and what the task is about in Tasklist's list: copies made from the app's own tables when
 * each task is created;</li>
 * <li>the passage through a gateway: a routing step, not a stage; the stages themselves (tasks, service tasks,
 * events, the end reached) stay;</li>
 * <li>the job log of a job created, executed or deleted as planned (a validation run, a deadline timer cancelled
 * by a completed task): only a failed job's log is kept, with its exception, next to the incident it raises.</li>
 * </ul>
 */
@Component
class LeanHistory extends AbstractProcessEnginePlugin {

  /** Activity types whose passage is routing, not a step anyone took. */
  static final Set<String> ROUTING = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway");

  private final Set<String> derived;

  LeanHistory(List<DerivedFormTexts> procedures) {
    this.derived = Stream.concat(Stream.of(DerivedFormTexts.SUBJECT_LABEL), procedures.stream().flatMap(p -> p.variableNames().stream()))
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    // the engine's own database handler is replaced by the same handler behind this filter; other handlers
    // (the Spring Boot starter's history event publisher) are kept
    HistoryEventHandler db = new DbHistoryEventHandler();
    cfg.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (cfg.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(cfg.getCustomHistoryEventHandlers());
    }
    handlers.add(0, new HistoryEventHandler() {
      @Override
      public void handleEvent(HistoryEvent event) {
        if (kept(event)) {
          db.handleEvent(event);
        }
      }

      @Override
      public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
      }
    });
    cfg.setCustomHistoryEventHandlers(handlers);
  }

  boolean kept(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity v) {
      return !derived.contains(v.getVariableName());
    }
    if (event instanceof HistoricActivityInstanceEventEntity a) {
      return !ROUTING.contains(a.getActivityType());
    }
    if (event instanceof HistoricJobLogEvent j) {
      return j.getState() == JobState.FAILED.getStateCode();
    }
    return true;
  }
}
