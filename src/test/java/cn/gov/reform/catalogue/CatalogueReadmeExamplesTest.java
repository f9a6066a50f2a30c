package cn.gov.reform.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.reform.support.CurlExamples;
import cn.gov.reform.support.CurlExamples.Curl;
import cn.gov.reform.support.Http;
import cn.gov.reform.support.ReadmeRun;

/**
 * README's *权力目录 / Power catalogues* cannot drift from the app: its curl commands run in their order and answer as the
 * {@code # → …} lines say ({@link ReadmeRun}); the catalogues' checks run after each command, as the job executor would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // one application context for the whole suite
class CatalogueReadmeExamplesTest {

  @LocalServerPort int port;
  @Autowired CatalogueFixtures support;
  @Autowired ProcessEngine engine;

  @Test
  void shouldAnswerEveryCatalogueExampleAsTheReadmeSays() {
    List<Curl> curls = CurlExamples.curls(CurlExamples.section(ReadmeRun.readme(), "## 权力目录 / Power catalogues"));
    assertThat(curls).extracting(Curl::url).anyMatch(u -> u.contains("/api/catalogues"))
        .anyMatch(u -> u.contains("/api/public/catalogues"));
    Map<String, String> ids = new LinkedHashMap<>();
    new ReadmeRun(new Http(port), CatalogueFixtures.USERS::containsKey).run(curls, ids, this::runJobsOfCatalogues);
    assertThat(ids).containsKeys("catalogueId", "legalTaskId", "approvalTaskId", "approvalNumber", "adjustmentId");
  }

  private void runJobsOfCatalogues(Collection<String> ids) {
    for (String id : ids) {
      for (ProcessInstance pi : engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id).list()) {
        support.runJobs(pi.getId());
      }
    }
  }
}
