package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a reader of every model relies on in Cockpit and Modeler: every decision's outcomes named and a diagram for every
 * element. And of reformPlanApproval: one hub 下一环节？ with a spoke to every
 * stage in chain order, one gateway 办理意见？ that every stage answers to, every decision's outcomes named, and
 * a diagram for every element. The counts are those of the hub-and-spoke model (at most), so that the model
 * cannot drift back into a ladder of "stage needed?" gateways (it had 23 exclusive gateways and 62 flows).
 */
class ProcessShapeTest {

  static final int MAX_EXCLUSIVE_GATEWAYS = 10;
  static final int MAX_PARALLEL_GATEWAYS = 3;
  static final int MAX_SEQUENCE_FLOWS = 45;
  static final int MAX_CONDITIONAL_FLOWS = 17;

  /** The spokes of the hub, top to bottom as the diagram shows them: the chain's order, then the end without filing. */
  static final List<String> SPOKES = List.of(ProcessKeys.CITY_REVIEW, ProcessKeys.CITY_SUBMISSION, ProcessKeys.CITY_APPROVAL,
      "jointReviewStarted", ProcessKeys.PROVINCE_APPROVAL, ProcessKeys.PROVINCE_FILING, "planApproved");

  static BpmnModelInstance model;

  @BeforeAll
  static void read() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("processes/reformPlanApproval.bpmn"))) {
      model = Bpmn.readModelFromStream(in);
    }
  }

  /** Every model of processes/: the plan's and every other procedure's. */
  static List<Path> models() throws IOException {
    try (var files = Files.list(Path.of("processes"))) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  private static BpmnModelInstance read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Bpmn.readModelFromStream(in);
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void shouldNameEveryOutcomeOfEveryDecision(Path file) throws IOException {
    BpmnModelInstance model = read(file);
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      if (gateway.getOutgoing().size() > 1) {
        assertThat(gateway.getName()).as("name of %s", gateway.getId()).isNotBlank();
        assertThat(gateway.getOutgoing()).as("outcomes of %s", gateway.getId())
            .allSatisfy(flow -> assertThat(flow.getName()).as(flow.getId()).isNotBlank());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void shouldDrawEveryElementAndEveryFlow(Path file) throws IOException {
    BpmnModelInstance model = read(file);
    Collection<FlowElement> elements = model.getModelElementsByType(FlowElement.class);
    assertThat(elements).as("a model was read").hasSizeGreaterThan(10); // the smallest, developedTownRecognition, has 15
    for (FlowElement element : elements) {
      if (element instanceof SequenceFlow) {
        assertThat(element.getDiagramElement()).as("edge of %s", element.getId()).isInstanceOf(BpmnEdge.class);
        assertThat(((BpmnEdge) element.getDiagramElement()).getWaypoints()).as("waypoints of %s", element.getId()).hasSizeGreaterThanOrEqualTo(2);
      } else {
        assertThat(element.getDiagramElement()).as("shape of %s", element.getId()).isInstanceOf(BpmnShape.class);
        assertThat(((BpmnShape) element.getDiagramElement()).getBounds()).as("bounds of %s", element.getId()).isNotNull();
      }
    }
  }

  @Test
  void shouldSendAPlanFromOneHubToEachStageInChainOrderTopToBottom() {
    FlowNode hub = model.getModelElementById("nextStage");
    assertThat(hub.getOutgoing()).extracting(flow -> flow.getTarget().getId()).containsExactlyElementsOf(SPOKES);
    List<Double> tops = SPOKES.stream().map(id -> ((BpmnShape) model.<FlowNode>getModelElementById(id).getDiagramElement())
        .getBounds().getY()).toList();
    assertThat(tops).isSorted().doesNotHaveDuplicates();
    // every stage answers to the one outcome gateway; only the joint review's two tasks meet at their join first
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String next = task.getOutgoing().iterator().next().getTarget().getId();
      switch (task.getId()) {
        case ProcessKeys.DRAFT_PLAN -> assertThat(next).isEqualTo("draftDecision");
        case ProcessKeys.SUPERVISE_PLAN -> assertThat(next).isEqualTo("supervised");
        case ProcessKeys.PROVINCE_REVIEW, ProcessKeys.DEPARTMENT_REVIEW -> assertThat(next).isEqualTo("jointReviewFinished");
        default -> assertThat(next).as(task.getId()).isEqualTo("stageAnswered");
      }
    }
  }

  @Test
  void shouldStayAHubNotALadder() {
    Collection<SequenceFlow> flows = model.getModelElementsByType(SequenceFlow.class);
    assertThat(model.getModelElementsByType(UserTask.class)).hasSize(9);
    assertThat(model.getModelElementsByType(ExclusiveGateway.class)).hasSizeLessThanOrEqualTo(MAX_EXCLUSIVE_GATEWAYS);
    assertThat(model.getModelElementsByType(ParallelGateway.class)).hasSizeLessThanOrEqualTo(MAX_PARALLEL_GATEWAYS);
    assertThat(flows).hasSizeLessThanOrEqualTo(MAX_SEQUENCE_FLOWS);
    assertThat(flows.stream().filter(flow -> flow.getConditionExpression() != null)).hasSizeLessThanOrEqualTo(MAX_CONDITIONAL_FLOWS);
  }
}
