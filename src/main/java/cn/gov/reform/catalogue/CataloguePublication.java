package cn.gov.reform.catalogue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.reform.document.IssuedDocument;
import cn.gov.reform.document.OfficialDocuments;

/**
 * The step 公布目录 ({@code ${cataloguePublication}}), right after the chain's last approval: the catalogue is published
 * under the number of the 批复 that approval issued, becomes its township's catalogue in force, and the edition it
 * adjusts is kept as history.
 */
@Component("cataloguePublication")
class CataloguePublication implements JavaDelegate {

  private final CatalogueService service;
  private final OfficialDocuments documents;

  CataloguePublication(CatalogueService service, OfficialDocuments documents) {
    this.service = service;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = execution.getProcessBusinessKey();
    IssuedDocument reply = documents.of(CatalogueKeys.PROCESS, id).stream().filter(d -> CatalogueDocuments.REPLY.equals(d.kind()))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new IllegalStateException("catalogue " + id + " was approved without its 批复"));
    service.publish(service.find(id), reply.number());
  }
}
