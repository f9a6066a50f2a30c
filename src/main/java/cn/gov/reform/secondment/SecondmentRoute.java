package cn.gov.reform.secondment;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The chain a secondment travels, as a row of the decision table {@value SecondmentKeys#ROUTE_DECISION} gives it: its
 * stages in order ({@code +} joins the departments that approve in parallel) and its name with the source clause. A row
 * the model cannot carry (an unknown stage, the order of {@link SecondmentStage} broken, human resources without the
 * organisation department, no township consent first) is refused with the reason.
 */
record SecondmentRoute(String name, List<SecondmentStage> stages) {

  SecondmentRoute {
    stages = List.copyOf(stages);
  }

  /** Reads a row's outputs: {@code stages} comma-separated stage keys, {@code routeName} the chain's name. */
  static SecondmentRoute of(String name, String stageKeys) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("审批链缺少名称（routeName）");
    }
    String chain = "审批链“" + name + "”";
    List<SecondmentStage> stages = new ArrayList<>();
    for (String key : stageKeys == null ? new String[0] : stageKeys.split(",")) {
      SecondmentStage stage = SecondmentStage.of(key.strip())
          .filter(s -> s != SecondmentStage.REVISE && s != SecondmentStage.HUMAN_RESOURCES_APPROVAL)
          .orElseThrow(() -> new IllegalArgumentException(chain + "含有未知环节“" + key.strip() + "”"));
      if (!stages.isEmpty() && (stages.get(stages.size() - 1).ordinal() >= stage.ordinal()
          || stages.get(stages.size() - 1).hubKey().equals(stage.hubKey()))) {
        throw new IllegalArgumentException(chain + "的环节顺序应为 townshipConsent,organisationApproval（或"
            + SecondmentStage.DEPARTMENT_APPROVALS.key() + "）,countyGovernmentConsent");
      }
      stages.add(stage);
    }
    if (stages.isEmpty() || stages.get(0) != SecondmentStage.TOWNSHIP_CONSENT) {
      throw new IllegalArgumentException(chain + "应以乡镇党委同意（townshipConsent）开始");
    }
    return new SecondmentRoute(name, stages);
  }

  /** The chain an instance carries in its variables ({@link SecondmentRouter}). */
  static SecondmentRoute of(VariableScope scope) {
    return of((String) scope.getVariable(SecondmentKeys.VAR_ROUTE_NAME), (String) scope.getVariable(SecondmentKeys.VAR_ROUTE));
  }

  /** The stages as the decision table names them (the variable {@code route}). */
  String stageKeys() {
    return String.join(",", stages.stream().map(SecondmentStage::key).toList());
  }

  /** The stages as the hub names them. */
  List<String> keys() {
    return stages.stream().map(SecondmentStage::hubKey).toList();
  }

  /** Whether the human-resources bureau approves together with the organisation department (Gansu). */
  boolean withHumanResources() {
    return stages.contains(SecondmentStage.DEPARTMENT_APPROVALS);
  }
}
