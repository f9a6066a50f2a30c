package cn.gov.reform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The hub 下一环节？ walks each chain of approvalRoute stage by stage; the joint review is one stop. */
class StageSequenceTest {

  /** The stops from a fresh submission to the end of the chain, as the hub sends the plan. */
  private static List<String> walk(ApprovalRoute route) {
    List<String> stops = new ArrayList<>();
    Stage answered = Stage.DRAFT;
    while (true) {
      String next = StageSequence.after(route, answered);
      stops.add(next);
      if (Stage.of(next).isEmpty()) {
        return stops;
      }
      answered = Stage.of(next).orElseThrow();
    }
  }

  @Test
  void shouldWalkEveryDocumentedChainInOrderToItsEnd() {
    assertThat(walk(ApprovalRoute.of("山东乡镇", "cityReview,cityApproval,provinceFiling", "FILED", null)))
        .containsExactly("cityReview", "cityApproval", "provinceFiling", "FILED");
    assertThat(walk(ApprovalRoute.of("山东经济发达镇", "cityReview,cityApproval,provinceApproval", "APPROVED", null)))
        .containsExactly("cityReview", "cityApproval", "provinceApproval", "APPROVED");
    assertThat(walk(ApprovalRoute.of("甘肃乡镇", "cityApproval", "APPROVED", null))).containsExactly("cityApproval", "APPROVED");
  }

  @Test
  void shouldStopOnceForTheJointReviewOfTheProvincialOfficeAndTheDepartments() {
    assertThat(walk(ApprovalRoute.of("吉林经济发达镇", "citySubmission,provinceReview,departmentReview,provinceApproval", "APPROVED", null)))
        .containsExactly("citySubmission", "provinceReview", "provinceApproval", "APPROVED");
    assertThat(walk(ApprovalRoute.of("省编办单独审核", "provinceReview,provinceApproval", "APPROVED", null)))
        .containsExactly("provinceReview", "provinceApproval", "APPROVED");
  }
}
