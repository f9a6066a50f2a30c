package cn.gov.reform.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * History stays FULL, except for the read-only texts a task's form shows (the chain, the plan summary,
 * the findings, earlier opinions, edit hints). They are copies made from the app's own tables when
 * each task is created, so writing them again into ACT_HI_VARINST and ACT_HI_DETAIL stores nothing an
 * auditor needs: who decided what and when is in the plan timeline and in the engine's task and
 * variable history of the decisions themselves. Skipping them made a plan's history about four times smaller
 * (README "Performance").
 */
@Component
class DerivedFormTextHistory extends AbstractProcessEnginePlugin {

  private final Set<String> derived;

  DerivedFormTextHistory(List<DerivedFormTexts> procedures) {
    this.derived = procedures.stream().flatMap(p -> p.variableNames().stream()).collect(Collectors.toUnmodifiableSet());
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
        if (!derived(event)) {
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

  boolean derived(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity v && derived.contains(v.getVariableName());
  }
}
