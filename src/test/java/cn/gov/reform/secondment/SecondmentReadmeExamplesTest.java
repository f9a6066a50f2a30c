package cn.gov.reform.secondment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.reform.support.CurlExamples;
import cn.gov.reform.support.CurlExamples.Curl;
import cn.gov.reform.support.Http;
import cn.gov.reform.support.ReadmeRun;

/**
 * README's *借调 / Secondments* cannot drift from the app: its curl commands run in their order and answer as the
 * {@code # → …} lines say ({@link ReadmeRun}); the requests' checks run after each command, as the job executor would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class SecondmentReadmeExamplesTest {

  @LocalServerPort int port;
  @Autowired SecondmentFixtures support;
  @Autowired ProcessEngine engine;

  @BeforeEach
  void clock() {
    SecondmentFixtures.today();
  }

  @AfterEach
  void reset() {
    SecondmentFixtures.resetClock();
  }

  @Test
  void shouldAnswerEverySecondmentExampleAsTheReadmeSays() {
    List<Curl> curls = CurlExamples.curls(CurlExamples.section(ReadmeRun.readme(), "## 借调 / Secondments"));
    assertThat(curls).extracting(Curl::url).anyMatch(u -> u.contains("/api/secondments")).anyMatch(u -> u.contains("/engine-rest/task"));
    Map<String, String> ids = new LinkedHashMap<>();
    new ReadmeRun(new Http(port), SecondmentFixtures.USERS::containsKey).run(curls, ids, this::runJobsOfSecondments);
    assertThat(ids).containsKeys("secondmentId", "justifiedId", "townshipTaskId", "organisationTaskId", "countyTaskId",
        "reminderDate");
  }

  private void runJobsOfSecondments(Collection<String> ids) {
    for (String id : ids) {
      for (ProcessInstance pi : engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id).list()) {
        support.runJobs(pi.getId());
      }
    }
  }
}
