package cn.gov.reform.plan;

import org.camunda.bpm.engine.RuntimeService;

/** Asks the province's supervisor to step in: starts the model's 督办 event subprocess ({@code supervisePlan}). */
final class Supervision {

  private Supervision() {}

  static void request(RuntimeService runtime, String processInstanceId, String reason) {
    runtime.createMessageCorrelation(ProcessKeys.MSG_SUPERVISION)
        .processInstanceId(processInstanceId)
        .setVariable(ProcessKeys.VAR_SUPERVISION_REASON, reason)
        .correlate();
  }
}
