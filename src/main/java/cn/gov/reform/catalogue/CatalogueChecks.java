package cn.gov.reform.catalogue;

import java.util.List;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.SubmissionCheck;

/**
 * The async step 合法性校验 ({@link SubmissionCheck}): the findings of the catalogue's current version
 * ({@link CatalogueRules}) are stored with that version, the timeline records the result, and {@code hasErrors} sends
 * the catalogue on or back to the county; each submission (the start, or 提交审查 at draftCatalogue) is checked once.
 * Its duration is the metric {@code reform_catalogue_checks_duration_seconds}.
 */
@Component("catalogueChecks")
class CatalogueChecks extends SubmissionCheck<Catalogue> {

  private final CatalogueService service;
  private final CatalogueRules rules;

  CatalogueChecks(CatalogueService service, CatalogueRules rules, MeterRegistry meters) {
    super(meters, "reform.catalogue.checks.duration", "放权赋权目录合法性校验用时", "legal check of catalogue");
    this.service = service;
    this.rules = rules;
  }

  @Override
  protected Catalogue item(String id) {
    return service.find(id);
  }

  @Override
  protected int version(Catalogue c) {
    return c.currentVersion();
  }

  @Override
  protected boolean checkedSinceLastSubmission(Catalogue c) {
    return SubmissionCheck.checkedSince(service.timeline(c.id()), CatalogueKeys.CHECK, e -> CatalogueKeys.STARTED.equals(e.stage())
        || CatalogueKeys.DRAFT.equals(e.stage()) && "SUBMIT".equals(e.decision()), c.currentVersion());
  }

  @Override
  protected List<Finding> stored(Catalogue c) {
    return service.findings(c);
  }

  @Override
  protected List<Finding> check(Catalogue c) {
    return rules.check(c, service.content(c.id(), c.currentVersion()).items());
  }

  @Override
  protected void checked(Catalogue c, List<Finding> findings) {
    service.checked(c, findings);
  }
}
