package cn.gov.reform.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine wraps an exception thrown by a listener in a generic ProcessEngineException
 * ("ENGINE-03051 ..."), which engine REST and Tasklist report as a 500. This outermost interceptor,
 * after the transaction has rolled back, hands the app's own refusals (bad plan data, refused decision,
 * region not covered) to the caller as they were thrown, so REST answers 400/403 with their message, and logs
 * each as one WARN line: the engine's own logging of command exceptions (ENGINE-16004, an ERROR with a stack
 * trace) is off, since a refused input is the user's mistake, not a fault.
 */
@Component
class RefusalPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    cfg.setCustomPreCommandInterceptorsTxRequired(prepend(cfg.getCustomPreCommandInterceptorsTxRequired()));
    cfg.setCustomPreCommandInterceptorsTxRequiresNew(prepend(cfg.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> prepend(List<CommandInterceptor> existing) {
    List<CommandInterceptor> list = new ArrayList<>();
    list.add(new Unwrapping());
    if (existing != null) {
      list.addAll(existing);
    }
    return list;
  }

  static final class Unwrapping extends CommandInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalPlugin.class);

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        ProcessEngineException refusal = refusalIn(e);
        if (refusal != e || isOurs(e)) {
          if (Context.getCommandContext() == null) {
            // a user's mistake, not a fault: one line (the engine's own stack-trace logging is off)
            LOG.warn("refused: {}", refusal.getMessage());
          }
        }
        throw refusal;
      }
    }
  }

  private static boolean isOurs(Throwable t) {
    return t.getClass().getName().startsWith("cn.gov.reform.");
  }

  static ProcessEngineException refusalIn(ProcessEngineException e) {
    return Causes.first(e, t -> t instanceof ProcessEngineException && isOurs(t)).map(ProcessEngineException.class::cast)
        .orElse(e);
  }
}
