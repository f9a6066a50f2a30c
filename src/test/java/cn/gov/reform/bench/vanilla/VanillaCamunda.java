package cn.gov.reform.bench.vanilla;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The benchmark's baseline (issue 14): Camunda 7.24 with the Spring Boot starter's defaults — no authorization,
 * no tenants, no listeners, no app beans (only this package is scanned), engine REST without authentication —
 * on its own fresh database, configured by {@code bench/vanilla.yml} alone. {@code CampaignBenchmark} starts it
 * and drives the same bare four-task chain through engine REST with the same client as against the app.
 */
@SpringBootApplication
public class VanillaCamunda {

  public static void main(String[] args) {
    SpringApplication.run(VanillaCamunda.class, args);
  }
}
