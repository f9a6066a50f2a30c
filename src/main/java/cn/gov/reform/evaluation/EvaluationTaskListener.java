package cn.gov.reform.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Decision;
import cn.gov.reform.identity.CurrentCaller;
import cn.gov.reform.web.FieldError;

/**
 * Task listener of the evaluation's user tasks ({@code ${evaluationTaskListener}}). On create: the town's step, the
 * form's texts, and the completion's variables made local to the town's branch, so that towns completed at the same time
 * never write the same variable. On complete: the stage's rules ({@link EvaluationStage#rules}), the score sheet, and the
 * service's step — in the completion's transaction, so a refusal leaves the task open.
 */
@Component("evaluationTaskListener")
class EvaluationTaskListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(EvaluationTaskListener.class);
  /** The variables a completion sets, local to the town's branch. */
  static final List<String> INPUTS = List.of(EvaluationKeys.VAR_DECISION, EvaluationKeys.VAR_OPINION, EvaluationKeys.VAR_SCORES,
      EvaluationKeys.VAR_DECISION_NUMBER);

  private final EvaluationService service;
  private final EvaluationForms forms;
  private final CurrentCaller caller;

  EvaluationTaskListener(EvaluationService service, EvaluationForms forms, CurrentCaller caller) {
    this.service = service;
    this.forms = forms;
    this.caller = caller;
  }

  @Override
  public void notify(DelegateTask task) {
    EvaluationStage stage = EvaluationStage.of(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("no stage rules for task " + task.getTaskDefinitionKey()));
    String id = task.getExecution().getProcessBusinessKey();
    String township = (String) task.getVariable(EvaluationKeys.VAR_TOWNSHIP);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      service.waitingAt(id, township, stage, task.getId());
      DelegateExecution branch = task.getExecution();
      INPUTS.forEach(name -> branch.setVariableLocal(name, null));
      if (stage.scored()) {
        branch.setVariableLocal(EvaluationKeys.VAR_SCORES, forms.sheet(id, township, stage));
      }
      task.setVariablesLocal(forms.texts(id, township, stage));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      completed(task, stage, id, township);
    }
  }

  private void completed(DelegateTask task, EvaluationStage stage, String id, String township) {
    String decision = stage.rules().check(task.getVariable(EvaluationKeys.VAR_DECISION), task.getVariable(EvaluationKeys.VAR_OPINION));
    String opinion = (String) task.getVariable(EvaluationKeys.VAR_OPINION);
    String actor = caller.actorOr(task.getAssignee());
    switch (stage) {
      case SELF_EVALUATION, RE_EVALUATION -> {
        List<Score> scores = sheet(task);
        try {
          if (stage == EvaluationStage.SELF_EVALUATION) {
            service.selfEvaluated(id, township, scores, opinion, actor, task.getId());
          } else {
            service.reEvaluated(id, township, scores, opinion, actor, task.getId());
          }
        } catch (EvaluationInputException e) {
          throw new EvaluationInputException(e.errors().stream().map(ScoreSheet::inFormTerms).toList());
        }
      }
      case ONSITE_CHECK -> {
        service.onsiteChecked(id, township, decision, opinion, actor, task.getId());
        task.getExecution().setVariableLocal(EvaluationKeys.VAR_ONSITE_OUTCOME, decision);
      }
      case EXIT_DECISION -> service.exitDecided(id, township, decision,
          decisionNumber(stage, decision, task.getVariable(EvaluationKeys.VAR_DECISION_NUMBER)), opinion, actor, task.getId());
      default -> throw new IllegalStateException("not an evaluation task: " + stage);
    }
    INPUTS.forEach(name -> task.getExecution().removeVariableLocal(name));
    LOG.info("evaluation {} town {} {}: {} by {}", id, township, stage.taskKey(), decision, actor);
  }

  /** The form's score lines, refused in the form's words (第n行, 第n项) when they cannot be read. */
  private static List<Score> sheet(DelegateTask task) {
    Object text = task.getVariable(EvaluationKeys.VAR_SCORES);
    List<FieldError> errors = new ArrayList<>();
    if (text != null && !(text instanceof String)) {
      errors.add(new FieldError(EvaluationKeys.VAR_SCORES, "应为文本，每行“指标代码｜得分｜佐证材料或说明”"));
    }
    List<Score> scores = ScoreSheet.parse(text instanceof String s ? s : null, errors);
    if (!errors.isEmpty()) {
      throw new EvaluationInputException(errors);
    }
    return scores;
  }

  /** The provincial government's decision number: required for its APPROVE at a numbered stage, plain text, ≤ 60. */
  static String decisionNumber(EvaluationStage stage, String decision, Object value) {
    if (value != null && !(value instanceof String)) {
      throw new cn.gov.reform.engine.DecisionRefusedException(EvaluationKeys.VAR_DECISION_NUMBER, "文号应为文本");
    }
    String number = value == null ? null : ((String) value).strip();
    if (stage.numbered() && Decision.APPROVE.name().equals(decision) && (number == null || number.isEmpty())) {
      throw new cn.gov.reform.engine.DecisionRefusedException(EvaluationKeys.VAR_DECISION_NUMBER,
          stage.rules().label(decision) + "须写明省政府决定的文号（如 吉政函〔2026〕3号）");
    }
    if (number != null && (number.length() > 60 || !number.matches(Score.PLAIN))) {
      throw new cn.gov.reform.engine.DecisionRefusedException(EvaluationKeys.VAR_DECISION_NUMBER, "文号不超过60个字符，不能包含尖括号或控制字符");
    }
    return number == null || number.isEmpty() ? null : number;
  }

  /** The variables of a self- or re-evaluation completed over the API: the same the form submits. */
  static Map<String, Object> completion(String decision, String opinion, String scoresText) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(EvaluationKeys.VAR_DECISION, decision);
    vars.put(EvaluationKeys.VAR_OPINION, opinion);
    vars.put(EvaluationKeys.VAR_SCORES, scoresText);
    return vars;
  }
}
