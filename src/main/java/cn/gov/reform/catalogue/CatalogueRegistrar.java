package cn.gov.reform.catalogue;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.gov.reform.engine.AccessRefusedException;
import cn.gov.reform.identity.CurrentCaller;

/**
 * Start listener of {@code powerCatalogueApproval}. A catalogue created through {@code /api} arrives with its id; one
 * drafted in Tasklist's start form arrives as form fields and is stored here, in the same transaction, so a refused start
 * leaves nothing behind. Either way the instance gets its business key and its province (its tenant's); the next step,
 * 确定审批链, gives it its chain.
 */
@Component("catalogueRegistrar")
class CatalogueRegistrar implements ExecutionListener {

  private final CatalogueService service;
  private final CurrentCaller caller;

  CatalogueRegistrar(CatalogueService service, CurrentCaller caller) {
    this.service = service;
    this.caller = caller;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String id = (String) execution.getVariable(CatalogueKeys.VAR_CATALOGUE_ID);
    if (id == null) {
      id = registerFromStartForm(execution);
    }
    Catalogue c = service.find(id);
    execution.setVariable(CatalogueKeys.VAR_PROVINCE, c.provinceCode());
    service.started(c, execution.getProcessInstanceId(), caller.actorOr(c.createdBy()));
  }

  private String registerFromStartForm(DelegateExecution execution) {
    if (!caller.isAuthenticated()) {
      throw new AccessRefusedException("从表单起草目录需要登录");
    }
    String id = UUID.randomUUID().toString();
    try {
      service.register(id, CatalogueFormValues.toRequest(execution.getVariables(), null), caller.jurisdiction());
    } catch (CatalogueInputException e) {
      throw CatalogueFormValues.inFormTerms(e);
    }
    execution.setProcessBusinessKey(id);
    execution.setVariable(CatalogueKeys.VAR_CATALOGUE_ID, id);
    CatalogueFormValues.KEYS.forEach(execution::removeVariable);
    return id;
  }
}
