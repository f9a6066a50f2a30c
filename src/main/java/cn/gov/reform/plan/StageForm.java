package cn.gov.reform.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Attachments;
import cn.gov.reform.document.OfficialDocuments;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.identity.JointReviewProperties;

/**
 * What a stage's task shows: its name in this plan's chain (市委审批 in Gansu, the department in a joint
 * review), and the form's texts — the chain with the current stage marked, the plan's summary, its findings
 * and earlier opinions, its attachments as download links, what changed since the version the stage last decided on,
 * the stage's decisions as radio
 * options with what the stage calls them — plus, at draftPlan, the plan's fields for editing. One review form thus
 * serves every review and approval stage.
 */
@Component
class StageForm {


  private final PlanService service;
  private final PlanRepository plans;
  private final PlanNarrative narrative;
  private final JointReviewProperties jointReview;
  private final PlanVersions versions;
  private final Attachments attachments;
  private final OfficialDocuments documents;

  StageForm(PlanService service, PlanRepository plans, PlanNarrative narrative, JointReviewProperties jointReview,
      PlanVersions versions, Attachments attachments, OfficialDocuments documents) {
    this.attachments = attachments;
    this.documents = documents;
    this.service = service;
    this.plans = plans;
    this.narrative = narrative;
    this.jointReview = jointReview;
    this.versions = versions;
  }

  /** The stage's decisions, in order, as the radio options of its form: one source for the rules and the form. */
  static SerializableValue decisionOptions(Stage stage) {
    return stage.rules().options();
  }

  void fill(DelegateTask task, Stage stage, Plan plan) {
    Optional<ApprovalRoute> route = ApprovalRoute.of(task.getExecution());
    if (stage == Stage.DEPARTMENT_REVIEW) {
      task.setName(stage.label() + "（" + jointReview.nameOf((String) task.getVariable(ProcessKeys.VAR_DEPARTMENT_GROUP)) + "）");
    } else if (route.isPresent() && route.get().stageNames().containsKey(stage)) {
      task.setName(route.get().label(stage));
    }
    PlanRequest content = service.content(plan.id(), plan.currentVersion());
    Map<String, Object> local = new HashMap<>();
    local.put(ProcessKeys.FORM_CHAIN, narrative.chain(route, stage));
    local.put(ProcessKeys.FORM_SUMMARY, narrative.summary(plan, content));
    local.put(ProcessKeys.FORM_FINDINGS, narrative.findings(plans.findings(plan.id(), plan.currentVersion())));
    List<TimelineEntry> timeline = service.timeline(plan.id());
    local.put(ProcessKeys.FORM_OPINIONS, narrative.opinions(timeline));
    local.put(Attachments.FORM_TEXT, attachments.markdown(ProcessKeys.PROCESS, plan.id()));
    local.put(OfficialDocuments.FORM_TEXT, documents.markdown(ProcessKeys.PROCESS, plan.id()));
    local.putAll(stage.rules().formTexts());
    if (stage == Stage.DRAFT) {
      local.putAll(DraftFormValues.of(content, plan.currentVersion()));
    } else {
      changesSinceLastSeen(local, stage, plan, timeline);
    }
    // which plan the task is about, for the list of 我的待办 (the shared filters list this variable); task-local, so
    // whoever may read the task may read it
    local.put(ProcessKeys.VAR_PLAN_LABEL, narrative.label(plan, content));
    task.setVariablesLocal(local);
  }

  /**
   * A revised plan back at a stage that decided on an earlier version: what changed since, titled with that version
   * (与第1版（上次审核时）相比的变化). Nothing otherwise, and the forms hide the field.
   */
  private void changesSinceLastSeen(Map<String, Object> local, Stage stage, Plan plan, List<TimelineEntry> timeline) {
    PlanVersions.lastSeenBefore(timeline, stage.taskKey(), plan.currentVersion()).ifPresent(seen -> {
      String act = stage.decisionTitle().replace("意见", ""); // 审核, 审批, 备案 …
      local.put(ProcessKeys.FORM_CHANGES_TITLE, "与第" + seen + "版（上次" + act + "时）相比的变化");
      local.put(ProcessKeys.FORM_CHANGES, narrative.changes(plan.id(), versions.between(plan.id(), seen, plan.currentVersion())));
    });
  }
}
