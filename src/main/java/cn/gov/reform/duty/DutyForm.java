package cn.gov.reform.duty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Attachments;

/**
 * What a duty-access task shows (reviewDuty.form; dutyStart.form at reviseDutyRequest): the chain with the current stage
 * marked, the request, the townships' objections and other points for the approvers, earlier opinions, its files, the
 * stage's decisions as radio options in its own words, the task's subject for Tasklist's list — and at reviseDutyRequest
 * the request's fields for editing.
 */
@Component
class DutyForm {

  private final DutyService service;
  private final DutyNarrative narrative;
  private final Attachments attachments;

  DutyForm(DutyService service, DutyNarrative narrative, Attachments attachments) {
    this.service = service;
    this.narrative = narrative;
    this.attachments = attachments;
  }

  void fill(DelegateTask task, DutyStage stage, Duty d, String townshipName) {
    DutyRequest content = service.content(d);
    List<DutyRepository.Township> townships = service.townships(d.id());
    Map<String, Object> local = new HashMap<>();
    local.put(DutyKeys.FORM_CHAIN, DutyNarrative.chain(stage));
    local.put(DutyKeys.FORM_SUMMARY, DutyNarrative.summary(d, content, townships));
    local.put(DutyKeys.FORM_FINDINGS, DutyNarrative.findings(d, DutyFindings.of(content, townships)));
    local.put(DutyKeys.FORM_OPINIONS, narrative.opinions(d, service.timeline(d.id())));
    local.put(Attachments.FORM_TEXT, attachments.markdown(DutyKeys.PROCESS, d.id()));
    local.putAll(stage.rules().formTexts());
    if (stage == DutyStage.REVISE) {
      local.putAll(DutyFormValues.of(content));
    }
    local.put(DutyKeys.FORM_SUBJECT, DutyNarrative.label(d, townshipName));
    task.setVariablesLocal(local);
  }
}
