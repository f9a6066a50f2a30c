package cn.gov.reform.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The chain a plan travels, as a row of the decision table {@value ProcessKeys#ROUTE_DECISION} gives it:
 * the stages in order, the chain's name with its source clause, and the end state. A row the model
 * cannot carry (unknown stage, wrong order, filing without FILED, ...) is refused with the reason.
 */
public record ApprovalRoute(String name, List<Stage> stages, PlanStatus finalStatus, Map<Stage, String> stageNames) {

  public ApprovalRoute {
    stages = List.copyOf(stages);
    stageNames = Map.copyOf(stageNames);
  }

  /**
   * Reads a row's outputs: {@code stages} comma-separated task keys, {@code finalStatus} FILED or APPROVED,
   * optional {@code stageNames} what this chain calls a stage, e.g. {@code cityApproval=市委审批} (several separated by ";").
   */
  public static ApprovalRoute of(String name, String stageKeys, String finalStatus, String stageNames) {
    String chain = "审批链“" + name + "”";
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("审批链缺少名称（chainName）");
    }
    List<Stage> stages = new ArrayList<>();
    for (String key : stageKeys == null ? new String[0] : stageKeys.split(",")) {
      Stage stage = Stage.of(key.strip()).filter(s -> s != Stage.DRAFT)
          .orElseThrow(() -> new IllegalArgumentException(chain + "含有未知环节“" + key.strip() + "”"));
      if (!stages.isEmpty() && stages.get(stages.size() - 1).ordinal() >= stage.ordinal()) {
        throw new IllegalArgumentException(chain + "的环节顺序应为 " + Arrays.stream(Stage.values()).skip(1)
            .map(Stage::taskKey).collect(Collectors.joining(",")));
      }
      stages.add(stage);
    }
    if (stages.isEmpty()) {
      throw new IllegalArgumentException(chain + "没有审批环节");
    }
    if (stages.contains(Stage.DEPARTMENT_REVIEW) && !stages.contains(Stage.PROVINCE_REVIEW)) {
      throw new IllegalArgumentException(chain + "：相关部门会审须与省编办审核同时进行（departmentReview 需要 provinceReview）");
    }
    PlanStatus expected = stages.contains(Stage.PROVINCE_FILING) ? PlanStatus.FILED : PlanStatus.APPROVED;
    if (!expected.name().equals(finalStatus)) {
      throw new IllegalArgumentException(chain + "的结果应为 " + expected.name() + "（含省编办备案时为 FILED，否则为 APPROVED），现为“"
          + finalStatus + "”");
    }
    return new ApprovalRoute(name, stages, expected, names(chain, stageNames, stages));
  }

  private static Map<Stage, String> names(String chain, String stageNames, List<Stage> stages) {
    Map<Stage, String> names = new EnumMap<>(Stage.class);
    for (String pair : stageNames == null || stageNames.isBlank() ? new String[0] : stageNames.split(";")) {
      String[] kv = pair.split("=", 2);
      Stage stage = Stage.of(kv[0].strip()).filter(stages::contains)
          .orElseThrow(() -> new IllegalArgumentException(chain + "的环节名称“" + pair.strip() + "”不是本审批链的环节"));
      if (kv.length < 2 || kv[1].isBlank()) {
        throw new IllegalArgumentException(chain + "的环节名称“" + pair.strip() + "”应写作 环节=名称");
      }
      names.put(stage, kv[1].strip());
    }
    return names;
  }

  /** The route an instance carries in its variables (empty for instances started before routing existed). */
  static Optional<ApprovalRoute> of(VariableScope scope) {
    Object name = scope.getVariable(ProcessKeys.VAR_ROUTE_NAME);
    return name == null ? Optional.empty() : Optional.of(of((String) name, (String) scope.getVariable(ProcessKeys.VAR_ROUTE),
        (String) scope.getVariable(ProcessKeys.VAR_FINAL_STATUS), (String) scope.getVariable(ProcessKeys.VAR_ROUTE_STAGE_NAMES)));
  }

  /** What this chain calls the stage (市委审批 in Gansu), or the stage's usual name. */
  public String label(Stage stage) {
    return stageNames.getOrDefault(stage, stage.label());
  }

  /** The stage names in the form of the table's output, for the instance's variables. */
  String stageNamesText() {
    return stageNames.entrySet().stream().map(e -> e.getKey().taskKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
  }

  public boolean includes(Stage stage) {
    return stages.contains(stage);
  }

  public String stageKeys() {
    return stages.stream().map(Stage::taskKey).collect(Collectors.joining(","));
  }
}
