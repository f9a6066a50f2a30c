package cn.gov.reform.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Attachments;
import cn.gov.reform.approval.VersionChange;
import cn.gov.reform.approval.VersionDiff;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.document.OfficialDocuments;

/**
 * What a stage's task shows (reviewCatalogue.form, and catalogueStart.form at draftCatalogue): the chain with the current
 * stage marked, the catalogue's summary, the findings of its legal checks, earlier opinions, its files and documents as
 * links, the stage's decisions as radio options in its own words, the task's subject for Tasklist's list — and at
 * draftCatalogue the catalogue's fields for editing.
 */
@Component
class CatalogueForm {

  private final CatalogueService service;
  private final CatalogueNarrative narrative;
  private final Attachments attachments;
  private final OfficialDocuments documents;

  CatalogueForm(CatalogueService service, CatalogueNarrative narrative, Attachments attachments, OfficialDocuments documents) {
    this.service = service;
    this.narrative = narrative;
    this.attachments = attachments;
    this.documents = documents;
  }

  void fill(DelegateTask task, CatalogueStage stage, Catalogue c) {
    CatalogueRequest content = service.content(c.id(), c.currentVersion());
    List<TimelineEntry> timeline = service.timeline(c.id());
    Map<String, Object> local = new HashMap<>();
    local.put(CatalogueKeys.FORM_CHAIN, CatalogueNarrative.chain(CatalogueRoute.of(task.getExecution()), stage));
    local.put(CatalogueKeys.FORM_SUMMARY, narrative.summary(c, content));
    local.put(CatalogueKeys.FORM_FINDINGS, CatalogueNarrative.findings(c, service.findings(c)));
    local.put(CatalogueKeys.FORM_OPINIONS, narrative.opinions(c, timeline));
    local.put(Attachments.FORM_TEXT, attachments.markdown(CatalogueKeys.PROCESS, c.id()));
    local.put(OfficialDocuments.FORM_TEXT, documents.markdown(CatalogueKeys.PROCESS, c.id()));
    local.putAll(stage.rules().formTexts());
    if (c.revisesId() != null) {
      VersionDiff diff = service.changes(c);
      local.put(CatalogueKeys.FORM_CHANGES_TITLE, "与现行目录（第" + diff.from() + "版）相比的调整（" + diff.changes().size() + "处）");
      local.put(CatalogueKeys.FORM_CHANGES, CatalogueNarrative.cut(diff.changes().stream().map(VersionChange::text)
          .collect(Collectors.joining("\n")), c.id()));
    }
    if (stage == CatalogueStage.DRAFT) {
      local.putAll(CatalogueFormValues.of(content, c.currentVersion()));
    }
    local.put(CatalogueKeys.FORM_SUBJECT, CatalogueNarrative.label(c));
    task.setVariablesLocal(local);
  }
}
