package cn.gov.reform.evaluation;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.gov.reform.identity.RegionDirectory;
import cn.gov.reform.identity.Role;

/**
 * The evaluation model's expressions ({@code ${evaluationSteps.…}}): the towns of the year (one branch each), the city 编办
 * that self-evaluates a town, whether a town was drawn for the on-site check, the exit proposals and the end.
 */
@Component("evaluationSteps")
public class EvaluationSteps {

  private final EvaluationService service;
  private final RegionDirectory regions;

  EvaluationSteps(EvaluationService service, RegionDirectory regions) {
    this.service = service;
    this.regions = regions;
  }

  /** The year's towns by code: the collection of the branch per town. */
  public List<String> towns(DelegateExecution execution) {
    return service.towns(execution.getProcessBusinessKey()).stream().map(EvaluatedTown::townshipCode).toList();
  }

  /** 市（州）编办 of the town's city (reviewer + city code): it self-evaluates the town (吉林省实施意见 三(三)). */
  public String cityReviewers(String township) {
    String city = regions.countyOfTownship(township).flatMap(regions::county).map(RegionDirectory.Region::cityCode)
        .orElseThrow(() -> new IllegalStateException("unknown township " + township));
    return Role.REVIEWER.group(city);
  }

  /** Whether the branch's town is in the recorded sample. */
  public boolean sampled(DelegateExecution execution) {
    return service.town(execution.getProcessBusinessKey(), (String) execution.getVariable(EvaluationKeys.VAR_TOWNSHIP)).sampled();
  }

  /** Proposes the exits of the year; {@code exitProposals} tells the gateway how many. */
  public void proposeExits(DelegateExecution execution) {
    execution.setVariable(EvaluationKeys.VAR_EXIT_PROPOSALS, service.proposeExits(execution.getProcessBusinessKey()));
  }

  /** The towns proposed for leaving: the collection of the provincial government's decisions. */
  public List<String> proposals(DelegateExecution execution) {
    return service.proposals(execution.getProcessBusinessKey());
  }

  public void finish(DelegateExecution execution) {
    service.finish(execution.getProcessBusinessKey());
  }
}
