package cn.gov.reform.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.reform.duty.DutyFixtures;
import cn.gov.reform.support.CurlExamples;
import cn.gov.reform.support.CurlExamples.Curl;
import cn.gov.reform.support.Http;
import cn.gov.reform.support.ReadmeRun;

/**
 * README's *考核事项* cannot drift from the app: its curl commands run in their order and answer as the {@code # → …} lines
 * say ({@link ReadmeRun}), on a duty of 磁窑镇's list made through the duty-access chain first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class AssessmentReadmeExamplesTest {

  @LocalServerPort int port;
  @Autowired AssessmentFixtures support;
  @Autowired DutyFixtures duties;

  @Test
  void shouldAnswerEveryAssessmentExampleAsTheReadmeSays() {
    support.acceptedDuty("370921109");
    List<Curl> curls = CurlExamples.curls(CurlExamples.section(ReadmeRun.readme(), "### 考核事项 / Assessment items (`assessmentItemApproval`)"));
    assertThat(curls).extracting(Curl::url).anyMatch(u -> u.contains("/api/assessment-items"));
    Map<String, String> ids = new LinkedHashMap<>();
    new ReadmeRun(new Http(port), user -> AssessmentFixtures.USERS.containsKey(user) || DutyFixtures.USERS.containsKey(user))
        .run(curls, ids, known -> { });
    assertThat(ids).containsKeys("dutyId", "itemId", "countyTaskId", "provinceTaskId");
  }
}
