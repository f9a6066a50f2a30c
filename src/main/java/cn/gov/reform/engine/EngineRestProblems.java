package cn.gov.reform.engine;

import java.util.List;

import jakarta.ws.rs.core.FeatureContext;

import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Adds the app's exception mappers ({@link TaskTakenMapper}, {@link RefusalMapper}) to every Jersey application:
 * engine REST and the webapps' own engine API that Tasklist submits forms to (the starter builds the latter from
 * Camunda's application class, which Spring cannot customize). Listed in META-INF/services.
 */
public class EngineRestProblems implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    for (Class<?> mapper : List.of(DatabaseOutageMappers.Wrapped.class, DatabaseOutageMappers.Engine.class,
        DatabaseOutageMappers.Unexpected.class,
        TaskTakenMapper.Wrapped.class, TaskTakenMapper.Engine.class, TaskTakenMapper.Unexpected.class,
        RefusalMapper.Wrapped.class, RefusalMapper.Engine.class)) {
      if (!context.getConfiguration().isRegistered(mapper)) {
        context.register(mapper);
      }
    }
  }
}
