package cn.gov.reform.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps an exception thrown by a listener in a generic ProcessEngineException
 * ("ENGINE-03051 ..."), which engine REST and Tasklist report as a 500. This outermost interceptor,
 * after the transaction has rolled back, hands the app's own refusals (bad plan data, refused decision,
 * region not covered) to the caller as they were thrown, so REST answers 400/403 with their message.
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
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        throw refusalIn(e);
      }
    }
  }

  static ProcessEngineException refusalIn(ProcessEngineException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProcessEngineException p && p.getClass().getName().startsWith("cn.gov.reform.")) {
        return p;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return e;
  }
}
