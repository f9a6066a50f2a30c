package cn.gov.reform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The jobExecutor health component an orchestrator acts on. */
class JobExecutorHealthTest {

  @Test
  void shouldBeDownWhenThisNodeShouldRunJobsButItsExecutorIsStopped() {
    Health.Builder b = new Health.Builder();
    JobExecutorHealth.check(b, true, new DefaultJobExecutor());
    Health h = b.build();
    assertThat(h.getStatus()).isEqualTo(Status.DOWN);
    assertThat(h.getDetails()).containsEntry("active", false);
  }

  @Test
  void shouldBeUpWhenTheExecutorRuns() {
    Health.Builder b = new Health.Builder();
    JobExecutorHealth.check(b, true, new DefaultJobExecutor() {
      {
        isActive = true;
      }
    });
    assertThat(b.build().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void shouldBeUpAndSaySoOnANodeConfiguredToRunNoJobs() {
    Health.Builder b = new Health.Builder();
    JobExecutorHealth.check(b, false, null);
    Health h = b.build();
    assertThat(h.getStatus()).isEqualTo(Status.UP);
    assertThat(h.getDetails()).containsEntry("enabled", false);
  }
}
