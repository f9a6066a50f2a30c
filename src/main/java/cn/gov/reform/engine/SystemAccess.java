package cn.gov.reform.engine;

import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Runs engine reads the app needs for its own bookkeeping (a plan's open stages, its tasks) without
 * the caller's authorizations and tenants: the app has already decided the caller may see the plan.
 */
@Component
public class SystemAccess {

  private final ProcessEngineConfigurationImpl cfg;

  public SystemAccess(ProcessEngine engine) {
    this.cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  public <T> T call(Supplier<T> work) {
    return call(cfg, ctx -> work.get());
  }

  /** The same for callers outside Spring (engine REST's exception mappers), given the engine. */
  public static <T> T call(ProcessEngine engine, Function<CommandContext, T> work) {
    return call((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(), work);
  }

  private static <T> T call(ProcessEngineConfigurationImpl cfg, Function<CommandContext, T> work) {
    return cfg.getCommandExecutorTxRequired().execute(ctx -> {
      boolean authorization = ctx.isAuthorizationCheckEnabled();
      boolean tenant = ctx.isTenantCheckEnabled();
      ctx.disableAuthorizationCheck();
      ctx.disableTenantCheck();
      try {
        return work.apply(ctx);
      } finally {
        if (authorization) {
          ctx.enableAuthorizationCheck();
        }
        if (tenant) {
          ctx.enableTenantCheck();
        }
      }
    });
  }
}
