package cn.gov.reform.approval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * The way an instance took through its diagram, from its activity history and its model. History has no gateways
 * (LeanHistory) and no sequence flows, so each activity is joined to the activity it came from: an earlier one,
 * already ended, from which flows through gateways only lead to it — preferably one not yet joined to another
 * (so both branches of a parallel review lead into its join), otherwise the latest (the fork of a parallel gateway).
 * The flows and gateways of that shortest way are the ones taken.
 */
final class TakenPath {

  private static final String BODY = "#multiInstanceBody";

  private TakenPath() {}

  /** {@code history} ordered by start time and occurrence. */
  static ApprovalRecord.Path of(BpmnModelInstance model, List<HistoricActivityInstance> history) {
    Set<String> bodies = new HashSet<>();
    history.stream().filter(a -> a.getActivityId().endsWith(BODY)).forEach(a -> bodies.add(a.getId()));
    // a multi-instance task counts once, as its body: the body ends when every instance has
    List<HistoricActivityInstance> steps = history.stream()
        .filter(a -> a.getParentActivityInstanceId() == null || !bodies.contains(a.getParentActivityInstanceId())).toList();
    Set<String> activities = new LinkedHashSet<>();
    Set<String> open = new LinkedHashSet<>();
    for (HistoricActivityInstance a : history) {
      activities.add(element(a));
      if (a.getEndTime() == null) {
        open.add(element(a));
      }
    }
    Set<String> gateways = new LinkedHashSet<>();
    Set<String> flows = new LinkedHashSet<>();
    Set<String> joined = new HashSet<>();
    Map<String, List<String>> ways = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      HistoricActivityInstance to = steps.get(i);
      List<HistoricActivityInstance> candidates = new ArrayList<>();
      for (int j = i - 1; j >= 0; j--) {
        HistoricActivityInstance from = steps.get(j);
        if (from.getEndTime() != null && !from.getEndTime().after(to.getStartTime())
            && ways.computeIfAbsent(element(from) + ">" + element(to), k -> way(model, element(from), element(to))) != null) {
          candidates.add(from);
        }
      }
      List<HistoricActivityInstance> sources = candidates.stream().filter(c -> !joined.contains(c.getId())).toList();
      if (sources.isEmpty() && !candidates.isEmpty()) {
        sources = List.of(candidates.get(0));
      }
      for (HistoricActivityInstance from : sources) {
        joined.add(from.getId());
        for (String id : ways.get(element(from) + ">" + element(to))) {
          if (model.getModelElementById(id) instanceof Gateway) {
            gateways.add(id);
          } else {
            flows.add(id);
          }
        }
      }
    }
    return new ApprovalRecord.Path(List.copyOf(activities), List.copyOf(open), List.copyOf(gateways), List.copyOf(flows));
  }

  private static String element(HistoricActivityInstance a) {
    String id = a.getActivityId();
    return id.endsWith(BODY) ? id.substring(0, id.length() - BODY.length()) : id;
  }

  /** The flows and gateways of the shortest way from one activity to another through gateways only; null if none. */
  static List<String> way(BpmnModelInstance model, String fromId, String toId) {
    if (!(model.getModelElementById(fromId) instanceof FlowNode from)) {
      return null;
    }
    Map<String, List<String>> reached = new HashMap<>();
    Deque<FlowNode> queue = new ArrayDeque<>();
    reached.put(from.getId(), List.of());
    queue.add(from);
    while (!queue.isEmpty()) {
      FlowNode node = queue.poll();
      for (SequenceFlow flow : node.getOutgoing()) {
        FlowNode next = flow.getTarget();
        List<String> way = new ArrayList<>(reached.get(node.getId()));
        way.add(flow.getId());
        if (next.getId().equals(toId)) {
          return way;
        }
        if (next instanceof Gateway && !reached.containsKey(next.getId())) {
          way.add(next.getId());
          reached.put(next.getId(), way);
          queue.add(next);
        }
      }
    }
    return null;
  }
}
