package cn.gov.reform.catalogue;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Attachments;
import cn.gov.reform.approval.Decision;
import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.identity.CurrentCaller;

/**
 * Task listener of every stage's user task ({@code ${catalogueStageListener}}). On create: the catalogue's status, a clean
 * slate for the decision variables, the form's texts ({@link CatalogueForm}). On complete: the stage's rules
 * ({@link CatalogueStage#rules}), at draftCatalogue a new version when the drafter edited the form and the files added
 * there given to the submitted version, the timeline entry, and on the chain's last approval its 批复
 * ({@link CatalogueDocuments}) — all in the completion's transaction.
 */
@Component("catalogueStageListener")
class CatalogueStageListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(CatalogueStageListener.class);

  private final CatalogueService service;
  private final CatalogueRepository catalogues;
  private final CatalogueForm form;
  private final CurrentCaller caller;
  private final Attachments attachments;
  private final CatalogueDocuments documents;

  CatalogueStageListener(CatalogueService service, CatalogueRepository catalogues, CatalogueForm form, CurrentCaller caller,
      Attachments attachments, CatalogueDocuments documents) {
    this.service = service;
    this.catalogues = catalogues;
    this.form = form;
    this.caller = caller;
    this.attachments = attachments;
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    CatalogueStage stage = CatalogueStage.of(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("no stage rules for task " + task.getTaskDefinitionKey()));
    String id = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      service.waitingAt(id, stage == CatalogueStage.DRAFT);
      task.getExecution().removeVariable(CatalogueKeys.VAR_DECISION);
      task.getExecution().removeVariable(CatalogueKeys.VAR_OPINION);
      form.fill(task, stage, service.find(id));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      completed(task, stage, id);
    }
  }

  private void completed(DelegateTask task, CatalogueStage stage, String id) {
    String decision = stage.rules().check(task.getVariable(CatalogueKeys.VAR_DECISION), task.getVariable(CatalogueKeys.VAR_OPINION));
    String opinion = (String) task.getVariable(CatalogueKeys.VAR_OPINION);
    Catalogue c = catalogues.findForUpdate(id).orElseThrow();
    String actor = caller.actorOr(task.getAssignee());
    int version = c.currentVersion();
    if (stage == CatalogueStage.DRAFT && Decision.SUBMIT.name().equals(decision)) {
      version = fromForm(task, c, actor);
      attachments.submitted(CatalogueKeys.PROCESS, id, version);
    }
    service.record(id, actor, AuditTrail.Step.of(stage.taskKey(), stage.label(), decision).opinion(opinion).version(version)
        .task(task.getId()));
    CatalogueRoute route = CatalogueRoute.of(task.getExecution());
    if (Decision.APPROVE.name().equals(decision) && route.last() == stage) {
      documents.approved(c, stage, task.getId(), actor, opinion, route);
    }
    LOG.info("catalogue {} {}: {} by {}", id, stage.taskKey(), decision, actor);
  }

  /** The drafter edited the catalogue in the form: a changed one becomes a new version; returns the current version. */
  private int fromForm(DelegateTask task, Catalogue c, String actor) {
    Map<String, Object> vars = task.getVariables();
    if (!CatalogueFormValues.present(vars) || !Boolean.TRUE.equals(vars.get(CatalogueKeys.FORM_EDITABLE))) {
      return c.currentVersion();
    }
    CatalogueRequest current = service.content(c.id(), c.currentVersion());
    CatalogueRequest edited;
    try {
      edited = CatalogueFormValues.toRequest(vars, current);
      service.checkRevision(c, edited);
    } catch (CatalogueInputException e) {
      throw CatalogueFormValues.inFormTerms(e);
    }
    CatalogueFormValues.KEYS.stream().filter(key -> !task.hasVariableLocal(key)).forEach(task.getExecution()::removeVariable);
    return edited.equals(current) ? c.currentVersion() : service.addVersion(c, edited, actor, task.getId());
  }
}
