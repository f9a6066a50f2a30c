package cn.gov.reform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.reform.support.CurlExamples;
import cn.gov.reform.support.CurlExamples.Curl;
import cn.gov.reform.support.Http;
import cn.gov.reform.support.ReadmeRun;

/**
 * README's *经济发达镇名单与年度评估* cannot drift from the app: its curl commands run in their order and answer as the
 * {@code # → …} lines say ({@link ReadmeRun}). The developed-town steps have no jobs to run between them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class EvaluationReadmeExamplesTest {

  @LocalServerPort int port;
  @Autowired EvaluationFixtures support;

  @Test
  void shouldAnswerEveryDevelopedTownExampleAsTheReadmeSays() {
    List<Curl> curls = CurlExamples.curls(CurlExamples.section(ReadmeRun.readme(),
        "## 经济发达镇名单与年度评估 / Developed towns: the list and the annual evaluation"));
    assertThat(curls).extracting(Curl::url).anyMatch(u -> u.contains("/api/evaluations"))
        .anyMatch(u -> u.contains("/api/developed-towns"));
    Map<String, String> ids = new LinkedHashMap<>();
    new ReadmeRun(new Http(port), EvaluationFixtures.USERS::containsKey).run(curls, ids, known -> { });
    assertThat(ids).containsKeys("evaluationId", "checkTaskId", "applicationId", "approvalTaskId");
  }
}
