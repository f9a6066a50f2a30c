package cn.gov.reform.supervision;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.engine.DecisionRefusedException;
import cn.gov.reform.identity.CurrentCaller;

/**
 * Task listener of 报告进展 ({@code reportProgress}) and 验收 ({@code acceptWork}). On create: a clean slate for the
 * decision variables and the form's texts ({@link WorkForm}). On complete: the stage's rules, then the report (progress
 * 0—100 %, its text; a completion also its evidence) or the acceptance (验收通过, or 退回补充 with an opinion), with the
 * timeline entry — all in the completion's transaction, so a refused completion leaves the task open and nothing written.
 */
@Component("workStageListener")
class WorkStageListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(WorkStageListener.class);
  /** Markup and control characters are refused in every text (README "Errors and bad input"). */
  private static final Pattern UNSAFE = Pattern.compile("[<>\\p{Cntrl}&&[^\\n\\r\\t]]");
  static final int MAX_CONTENT = 2000;
  static final int MAX_EVIDENCE = 500;

  private final SupervisionService service;
  private final WorkForm form;
  private final CurrentCaller caller;

  WorkStageListener(SupervisionService service, WorkForm form, CurrentCaller caller) {
    this.service = service;
    this.form = form;
    this.caller = caller;
  }

  @Override
  public void notify(DelegateTask task) {
    WorkStage stage = WorkStage.of(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("no stage rules for task " + task.getTaskDefinitionKey()));
    Work w = service.work((String) task.getVariable(SupervisionKeys.VAR_WORK_ID));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.getExecution().removeVariable(SupervisionKeys.VAR_DECISION);
      task.getExecution().removeVariable(SupervisionKeys.VAR_OPINION);
      form.fill(task, w, stage);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      String decision = stage.rules().check(task.getVariable(SupervisionKeys.VAR_DECISION),
          task.getVariable(SupervisionKeys.VAR_OPINION));
      String actor = caller.actorOr(task.getAssignee());
      if (stage == WorkStage.REPORT_PROGRESS) {
        report(task, w, Decision.SUBMIT.name().equals(decision), actor);
      } else {
        String opinion = (String) task.getVariable(SupervisionKeys.VAR_OPINION);
        boolean accepted = Decision.APPROVE.name().equals(decision);
        service.accepted(w, accepted);
        service.record(w.id(), actor, AuditTrail.Step.of(stage.taskKey(), stage.label(), decision).opinion(opinion)
            .task(task.getId()));
      }
      LOG.info("supervised work {} {}: {} by {}", w.id(), stage.taskKey(), decision, actor);
    }
  }

  private void report(DelegateTask task, Work w, boolean completed, String actor) {
    Object rawProgress = task.getVariable(SupervisionKeys.FIELD_PROGRESS);
    int progress = progress(rawProgress, completed);
    String content = text(task.getVariable(SupervisionKeys.FIELD_CONTENT), SupervisionKeys.FIELD_CONTENT, MAX_CONTENT,
        completed ? "报告完成时必须写明完成情况" : "报告进展时必须写明进展情况");
    String evidence = completed ? text(task.getVariable(SupervisionKeys.FIELD_EVIDENCE), SupervisionKeys.FIELD_EVIDENCE,
        MAX_EVIDENCE, "报告完成时必须写明佐证材料（文件名称、文号等；附件可在任务中上传）") : optional(task);
    service.reported(w, completed, progress, content, evidence, actor, task.getId());
    service.record(w.id(), actor, AuditTrail.Step.of(SupervisionKeys.REPORT, WorkStage.REPORT_PROGRESS.label(),
        completed ? Decision.SUBMIT.name() : Decision.REPORT.name())
        .opinion("进度" + progress + "%：" + content + (evidence == null ? "" : "；佐证：" + evidence)).task(task.getId()));
    for (String field : new String[] {SupervisionKeys.FIELD_PROGRESS, SupervisionKeys.FIELD_CONTENT,
        SupervisionKeys.FIELD_EVIDENCE}) {
      task.getExecution().removeVariable(field);
    }
  }

  private String optional(DelegateTask task) {
    Object value = task.getVariable(SupervisionKeys.FIELD_EVIDENCE);
    return value == null || String.valueOf(value).isBlank() ? null
        : text(value, SupervisionKeys.FIELD_EVIDENCE, MAX_EVIDENCE, null);
  }

  /** 0—100 (a whole number); a completion is 100 %. */
  static int progress(Object value, boolean completed) {
    if (completed && value == null) {
      return 100;
    }
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < 0
        || n.doubleValue() > 100) {
      throw new DecisionRefusedException(SupervisionKeys.FIELD_PROGRESS, "完成进度应为0—100的整数（%）");
    }
    if (completed && n.intValue() != 100) {
      throw new DecisionRefusedException(SupervisionKeys.FIELD_PROGRESS, "报告完成时完成进度应为100%，收到" + n.intValue() + "%");
    }
    return n.intValue();
  }

  static String text(Object value, String field, int max, String requiredMessage) {
    String s = value == null ? "" : String.valueOf(value).strip();
    if (s.isEmpty()) {
      throw new DecisionRefusedException(field, requiredMessage);
    }
    if (s.length() > max) {
      throw new DecisionRefusedException(field, "不能超过" + max + "字，收到" + s.length() + "字");
    }
    if (UNSAFE.matcher(s).find()) {
      throw new DecisionRefusedException(field, "不能含有尖括号（<、>）或控制字符");
    }
    return s;
  }
}
