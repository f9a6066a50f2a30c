package cn.gov.reform.supervision;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Attachments;
import cn.gov.reform.audit.TimelineEntry;
import cn.gov.reform.calendar.WorkingDayCalendar;

/**
 * What a piece of work's task shows (reportProgress.form, acceptWork.form, superviseWork.form): the task with its source
 * and deadline, the unit's earlier reports and the acceptance opinions, its files as links, the decisions as radio options,
 * the task's subject for Tasklist's list.
 */
@Component
class WorkForm {

  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingDayCalendar.ZONE);

  private final SupervisionService service;
  private final Attachments attachments;
  private final cn.gov.reform.audit.AuditTrail audit;

  WorkForm(SupervisionService service, Attachments attachments,
      cn.gov.reform.audit.AuditTrail audit) {
    this.service = service;
    this.attachments = attachments;
    this.audit = audit;
  }

  void fill(DelegateTask task, Work w, WorkStage stage) {
    Map<String, Object> local = new HashMap<>();
    local.put(SupervisionKeys.FORM_TASK, describe(w));
    local.put(SupervisionKeys.FORM_REPORTS, history(w));
    local.put(Attachments.FORM_TEXT, attachments.markdown(SupervisionKeys.PROCESS, w.id()));
    if (stage != null) {
      local.putAll(stage.rules().formTexts());
    }
    local.put(SupervisionKeys.FORM_SUBJECT, label(w));
    task.setVariablesLocal(local);
  }

  /** 任务3 · 济南市 · 历城区 · 历城区党委、政府 (2026年度) */
  static String label(Work w) {
    return "任务" + w.taskNo() + (w.roundYear() == null ? "" : "（" + w.roundYear() + "年度）") + " · " + w.unitName() + " · "
        + w.regionName();
  }

  String describe(Work w) {
    Campaign c = service.campaign(w.campaignId());
    TaskList list = service.listOf(c);
    TaskList.Item item = list.task(w.taskNo()).orElseThrow();
    return "督查活动：" + c.title() + "\n任务" + item.no() + "：" + item.task() + "\n责任单位（原文）：" + item.unitsText()
        + "\n本单位：" + w.unitName() + "（" + w.regionName() + "）\n时间节点：" + w.deadline()
        + (w.roundYear() == null ? "" : "（" + w.roundYear() + "年度）") + "；原文：" + item.deadlineText() + "\n依据：" + item.source()
        + "\n报告要求：每" + c.reportEvery() + "个工作日报告一次进展；完成后报告完成并附佐证材料，由督查机构验收";
  }

  /** The unit's reports, the acceptance opinions, reminders and 督办 so far, oldest first. */
  String history(Work w) {
    StringBuilder text = new StringBuilder();
    for (TimelineEntry e : audit.timeline(SupervisionKeys.PROCESS, w.id())) {
      if (List.of(SupervisionKeys.REPORT, SupervisionKeys.ACCEPT, SupervisionKeys.SUPERVISE, SupervisionKeys.MARK_OVERDUE)
          .contains(e.stage())) {
        text.append(AT.format(e.at())).append(" ").append(e.stageName()).append("：")
            .append(SupervisionSubjects.label(e.stage(), e.decision())).append(e.opinion() == null ? "" : "。" + e.opinion())
            .append("\n");
      }
    }
    return text.isEmpty() ? "暂无报告" : text.toString().strip();
  }
}
