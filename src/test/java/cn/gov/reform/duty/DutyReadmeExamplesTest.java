package cn.gov.reform.duty;

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
 * README's *职责准入与考核事项* cannot drift from the app: its curl commands run in their order and answer as the
 * {@code # → …} lines say ({@link ReadmeRun}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class DutyReadmeExamplesTest {

  @LocalServerPort int port;
  @Autowired DutyFixtures support;

  @Test
  void shouldAnswerEveryDutyExampleAsTheReadmeSays() {
    List<Curl> curls = CurlExamples.curls(CurlExamples.section(ReadmeRun.readme(), "### 职责准入 / Duty access (`dutyAccessApproval`)"));
    assertThat(curls).extracting(Curl::url).anyMatch(u -> u.contains("/api/duty-requests"))
        .anyMatch(u -> u.contains("/api/townships/370921109/duties"));
    Map<String, String> ids = new LinkedHashMap<>();
    new ReadmeRun(new Http(port), DutyFixtures.USERS::containsKey).run(curls, ids, known -> { });
    assertThat(ids).containsKeys("dutyId", "ciyaoTaskId", "huafengTaskId", "approvalTaskId");
  }
}
