package cn.gov.reform.approval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.reform.engine.DecisionRefusedException;

/**
 * What one stage's task accepts, for every procedure: the decisions in its form's order with the words its form uses
 * for them (审核通过, 批准 …), what the form calls the decision (审核意见, 审批意见), the check of a completion (a decision
 * the stage accepts; an opinion where the decision needs one, see {@link Opinions}), and the same decisions as the
 * radio options of the form ({@value #OPTIONS}, read through form-js {@code valuesKey}): one source for the rules and
 * the form.
 */
public final class StageDecisions {

  /** Task-local form variables every procedure's review form reads: the radio options, the decision's and the opinion's titles. */
  public static final String OPTIONS = "decisionOptions";
  public static final String TITLE = "decisionTitle";
  public static final String OPINION_TITLE = "opinionTitle";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String stage;
  private final String title;
  private final Map<Decision, String> decisions = new LinkedHashMap<>();
  /** The options as JSON, written once: the rules do not change while the app runs. */
  private final String options;

  /** {@code stage} is the stage's name for refusals; then the decisions and their words, in pairs. */
  public StageDecisions(String stage, String title, Object... decisionsAndLabels) {
    this.stage = stage;
    this.title = title;
    List<Map<String, String>> radio = new ArrayList<>();
    for (int i = 0; i < decisionsAndLabels.length; i += 2) {
      Decision decision = (Decision) decisionsAndLabels[i];
      String label = (String) decisionsAndLabels[i + 1];
      decisions.put(decision, label);
      radio.add(Map.of("label", label, "value", decision.name()));
    }
    try {
      this.options = JSON.writeValueAsString(radio);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the form calls the decision at this stage, e.g. 审核意见, 审批意见. */
  public String title() {
    return title;
  }

  /** The decisions this stage accepts, in the form's order, with the form's words for them. */
  public Map<Decision, String> decisions() {
    return Collections.unmodifiableMap(decisions);
  }

  /** The stage's word for a decision it accepts; the decision as given otherwise. */
  public String label(String decision) {
    return Decision.of(decision).map(decisions::get).orElse(decision);
  }

  /** Refuses a completion that breaks the rules (naming {@value Decision#VARIABLE} or the opinion); returns the decision otherwise. */
  public String check(Object decision, Object opinion) {
    String allowed = String.join("、", decisions.entrySet().stream().map(e -> e.getKey() + "（" + e.getValue() + "）").toList());
    if (!(decision instanceof String d) || d.isBlank()) {
      throw new DecisionRefusedException(Decision.VARIABLE, stage + "须选择处理决定：" + allowed);
    }
    Decision chosen = Decision.of(d).filter(decisions::containsKey).orElseThrow(() -> new DecisionRefusedException(
        Decision.VARIABLE, stage + "只能选择 " + allowed + "，收到“" + (d.length() > 40 ? d.substring(0, 40) + "…" : d) + "”"));
    Opinions.check(opinion, chosen.needsOpinion() ? decisions.get(chosen) + "时必须填写意见" : null);
    return d;
  }

  /** The decisions as the form's radio options: a JSON list of {@code label} and {@code value}. */
  public SerializableValue options() {
    return SpinValues.jsonValue(options).create();
  }

  /** The task-local variables of the form's decision: its options, its title and the opinion's title (审批意见说明). */
  public Map<String, Object> formTexts() {
    return Map.of(OPTIONS, options(), TITLE, title, OPINION_TITLE, title + "说明");
  }
}
