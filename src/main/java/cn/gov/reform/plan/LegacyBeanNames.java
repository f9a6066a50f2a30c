package cn.gov.reform.plan;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean names that earlier versions of the model call: plans started on the ladder model (before versionTag 2.0)
 * still evaluate {@code ${workingDays.after(…)}} for their due dates, and finish on that model after an upgrade.
 */
@Configuration
class LegacyBeanNames {

  @Bean
  static BeanFactoryPostProcessor workingDaysAlias() {
    return beanFactory -> ((BeanDefinitionRegistry) beanFactory).registerAlias("workingDayCalendar", "workingDays");
  }
}
