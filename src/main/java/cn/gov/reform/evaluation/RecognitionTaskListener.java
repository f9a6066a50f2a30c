package cn.gov.reform.evaluation;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.audit.AuditTrail;
import cn.gov.reform.identity.CurrentCaller;

/**
 * Task listener of 省政府认定 ({@code ${recognitionTaskListener}}): on create a clean slate for the decision and the form's
 * texts (the town's figures and the standard's findings); on complete the stage's rules, the decision number for APPROVE,
 * and the decision ({@link RecognitionService#decided}), in the completion's transaction.
 */
@Component("recognitionTaskListener")
class RecognitionTaskListener implements TaskListener {

  private final RecognitionService service;
  private final CurrentCaller caller;
  private final AuditTrail audit;

  RecognitionTaskListener(RecognitionService service, CurrentCaller caller, AuditTrail audit) {
    this.service = service;
    this.caller = caller;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    EvaluationStage stage = EvaluationStage.RECOGNITION_APPROVAL;
    String id = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      EvaluationTaskListener.INPUTS.forEach(task.getExecution()::removeVariable);
      task.setVariablesLocal(texts(id, stage));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      String decision = stage.rules().check(task.getVariable(EvaluationKeys.VAR_DECISION), task.getVariable(EvaluationKeys.VAR_OPINION));
      String number = EvaluationTaskListener.decisionNumber(stage, decision, task.getVariable(EvaluationKeys.VAR_DECISION_NUMBER));
      service.decided(id, decision, number, (String) task.getVariable(EvaluationKeys.VAR_OPINION), caller.actorOr(task.getAssignee()),
          task.getId());
    }
  }

  private Map<String, Object> texts(String id, EvaluationStage stage) {
    Recognition r = service.find(id);
    Map<String, Object> texts = new HashMap<>(stage.rules().formTexts());
    texts.put(EvaluationKeys.FORM_SUBJECT, "列入经济发达镇名单 · " + service.region(r));
    StringBuilder summary = new StringBuilder(service.region(r)).append("\n建成区常住人口").append(r.builtUpPopulation()).append("人");
    r.rankings().forEach(k -> summary.append("\n").append(k.year()).append("年：城镇化率全省第").append(k.urbanisationRank())
        .append("名、公共财政收入全省第").append(k.revenueRank()).append("名（全省乡镇").append(k.townshipCount()).append("个）"));
    if (r.relaxedReason() != null) {
      summary.append("\n申请放宽标准：").append(r.relaxedReason());
    }
    summary.append("\n认定标准检查：").append(Finding.text(service.storedFindings(id), "符合认定标准"));
    texts.put(EvaluationKeys.FORM_SUMMARY, summary.toString());
    texts.put(EvaluationKeys.FORM_NEEDS_NUMBER, true);
    texts.put(EvaluationKeys.FORM_OPINIONS, audit.timeline(EvaluationKeys.RECOGNITION, id).stream()
        .map(s -> s.stageName() + "：" + (s.opinion() == null ? s.decision() : s.opinion())).collect(Collectors.joining("\n")));
    return texts;
  }
}
