package cn.gov.reform.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The chain a catalogue travels, as a row of the decision table {@value CatalogueKeys#ROUTE_DECISION} gives it: its
 * stages in order and its name with the source clause. A row the model cannot carry (an unknown stage, the order of
 * {@link CatalogueStage} broken, no approval) is refused with the reason.
 */
record CatalogueRoute(String name, List<CatalogueStage> stages) {

  CatalogueRoute {
    stages = List.copyOf(stages);
  }

  /** Reads a row's outputs: {@code stages} comma-separated task keys, {@code routeName} the chain's name. */
  static CatalogueRoute of(String name, String stageKeys) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("审批链缺少名称（routeName）");
    }
    String chain = "审批链“" + name + "”";
    List<CatalogueStage> stages = new ArrayList<>();
    for (String key : stageKeys == null ? new String[0] : stageKeys.split(",")) {
      CatalogueStage stage = CatalogueStage.of(key.strip()).filter(s -> s != CatalogueStage.DRAFT)
          .orElseThrow(() -> new IllegalArgumentException(chain + "含有未知环节“" + key.strip() + "”"));
      if (!stages.isEmpty() && stages.get(stages.size() - 1).ordinal() >= stage.ordinal()) {
        throw new IllegalArgumentException(chain + "的环节顺序应为 " + Arrays.stream(CatalogueStage.values()).skip(1)
            .map(CatalogueStage::taskKey).collect(Collectors.joining(",")));
      }
      stages.add(stage);
    }
    if (stages.stream().noneMatch(CatalogueStage::approval)) {
      throw new IllegalArgumentException(chain + "没有审批环节（countyApproval、cityApproval 或 provinceApproval）");
    }
    return new CatalogueRoute(name, stages);
  }

  /** The chain an instance carries in its variables ({@link CatalogueRouter}). */
  static CatalogueRoute of(VariableScope scope) {
    return of((String) scope.getVariable(CatalogueKeys.VAR_ROUTE_NAME), (String) scope.getVariable(CatalogueKeys.VAR_ROUTE));
  }

  List<String> keys() {
    return stages.stream().map(CatalogueStage::taskKey).toList();
  }

  /** The approval whose APPROVE ends the chain. */
  CatalogueStage last() {
    return stages.get(stages.size() - 1);
  }
}
