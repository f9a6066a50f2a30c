package cn.gov.reform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.reform.support.Http;

/**
 * A newcomer's first start (README "Run and test"): an empty database, demo data on. Every procedure's demo items are
 * created (side by side, {@link DemoItems}) before the app is ready, and the demo users can work with them. An
 * integration test in its own JVM (failsafe), on its own in-memory H2, as {@code ProdProfileIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo-data=true",
    "spring.datasource.url=jdbc:h2:mem:firststart;DB_CLOSE_DELAY=-1",
    "spring.datasource.driver-class-name=org.h2.Driver",
    "spring.datasource.username=sa",
    "spring.datasource.password="})
@ActiveProfiles("test")
class FirstStartIT {

  @LocalServerPort int port;
  @Autowired ApplicationAvailability availability;
  @Autowired IdentitySeeder seeder;

  @Test
  void shouldBeReadyWithEveryProceduresDemoItemsAndItsDemoUsers() {
    assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
    assertThat(seeder.lastSeeding().created()).as("the first start wrote the role groups").isEqualTo(seeder.lastSeeding().wanted());
    Http http = new Http(port);

    JsonNode counts = http.get("/api/stats/procedures", "admin:Demo-pass-2026").json();
    assertThat(counts.size()).as("every procedure is counted: " + counts).isGreaterThanOrEqualTo(2);
    counts.forEach(p -> assertThat(p.get("running").asLong() + p.get("finished").asLong())
        .as("demo items of " + p.get("processKey").asText() + " in " + counts).isPositive());

    for (DemoUsers.DemoUser u : DemoUsers.USERS) {
      Http.Answer mine = http.get("/api/stats/procedures", u.id() + ":" + DemoUsers.PASSWORD);
      assertThat(mine.status()).as(u.id() + " signs in with the README's password").isEqualTo(200);
    }
    assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
  }
}
