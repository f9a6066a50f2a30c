package cn.gov.reform.supervision;

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
 * README's *重点任务督查 / Key-task supervision* cannot drift from the app: its curl commands run in their order and answer as
 * the {@code # → …} lines say ({@link ReadmeRun}). The process has no asynchronous steps, so nothing runs between commands.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisionReadmeExamplesTest {

  @LocalServerPort int port;
  @Autowired SupervisionFixtures support;

  @Test
  void shouldAnswerEverySupervisionExampleAsTheReadmeSays() {
    support.ensureUsers();
    List<Curl> curls = CurlExamples.curls(CurlExamples.section(ReadmeRun.readme(), "## 重点任务督查 / Key-task supervision"));
    assertThat(curls).extracting(Curl::url).anyMatch(u -> u.contains("/api/supervision/campaigns"));
    Map<String, String> ids = new LinkedHashMap<>();
    new ReadmeRun(new Http(port), SupervisionFixtures.USERS::containsKey).run(curls, ids, known -> { });
    assertThat(ids).containsKeys("campaignId", "workId", "reportTaskId", "acceptTaskId");
  }
}
