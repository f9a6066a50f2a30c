package cn.gov.reform.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service tasks of a campaign's path: 下达督查任务 ({@code launchWork}) gives out the campaign's first work, 下达新一年度任务
 * ({@code openRound}) the work of a yearly round when its year begins (the timer 新的年度开始 fires on 1 January). Each
 * names the next round's year and start for the model (0: none, the campaign's path ends).
 */
@Component("supervisionRounds")
class SupervisionRounds implements JavaDelegate {

  private final SupervisionService service;

  SupervisionRounds(SupervisionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Campaign c = service.campaign((String) execution.getVariable(SupervisionKeys.VAR_CAMPAIGN_ID));
    int next;
    if (SupervisionKeys.OPEN_ROUND.equals(execution.getCurrentActivityId())) {
      next = service.openRound(c, (Integer) execution.getVariable(SupervisionKeys.VAR_NEXT_ROUND));
    } else {
      next = service.launchWork(c);
    }
    execution.setVariable(SupervisionKeys.VAR_NEXT_ROUND, next);
    execution.setVariable(SupervisionKeys.VAR_ROUND_STARTS, next == 0 ? null : SupervisionService.roundStart(next));
  }
}
