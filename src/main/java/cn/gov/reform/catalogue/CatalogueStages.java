package cn.gov.reform.catalogue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.StageHub;

/**
 * The hub 下一环节？ of the catalogue's process ({@link StageHub}): after the stage answered last, the next stage of the
 * chain 确定审批链 gave the catalogue at its latest submission, or {@value CatalogueKeys#PUBLISH_NEXT} once the chain's last
 * approval has approved it.
 */
@Component("catalogueStages")
class CatalogueStages extends StageHub {

  @Override
  public String next(DelegateExecution execution) {
    return after(CatalogueRoute.of(execution).keys(), (String) execution.getVariable(CatalogueKeys.VAR_LAST_STAGE),
        CatalogueKeys.PUBLISH_NEXT);
  }
}
