package cn.gov.reform.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.gov.reform.ReformApprovalApplication;
import cn.gov.reform.plan.PlanRequest.Kind;
import cn.gov.reform.plan.PlanRequest.PlanType;
import cn.gov.reform.plan.PlanRequest.Township;
import cn.gov.reform.plan.PlanRequest.Unit;
import cn.gov.reform.plan.PlanRequest;
import cn.gov.reform.plan.PolicyValidator;

/**
 * How long the policy check of one county plan takes: the first 30 townships of 凉州区 (620602,
 * Gansu: classes, leadership, generic checks) validated against the deployed DMN tables, in process.
 * Prints {@code name=value unit} lines; run with {@code bench/policy.sh}. Not a test: it asserts nothing.
 */
public final class PolicyBenchmark {

  private static final int WARMUP = 3_000;
  private static final int MEASURED = 5_000;

  private PolicyBenchmark() {}

  public static void main(String[] args) throws IOException {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReformApprovalApplication.class)
        .profiles("test").logStartupInfo(false).run("--server.port=0", "--logging.level.root=warn", "--spring.main.banner-mode=off")) {
      PolicyValidator validator = app.getBean(PolicyValidator.class);
      PlanRequest plan = liangzhou(30);
      long first = System.nanoTime();
      int findings = validator.validate(plan).size();
      double firstMs = (System.nanoTime() - first) / 1e6;
      for (int i = 0; i < WARMUP; i++) {
        validator.validate(plan);
      }
      long[] took = new long[MEASURED];
      for (int i = 0; i < MEASURED; i++) {
        long start = System.nanoTime();
        validator.validate(plan);
        took[i] = System.nanoTime() - start;
      }
      Arrays.sort(took);
      System.out.printf("policy_townships=%d count%n", plan.townships().size());
      System.out.printf("policy_findings=%d count%n", findings);
      System.out.printf("policy_first_ms=%.2f ms%n", firstMs);
      System.out.printf("policy_p50_ms=%.3f ms%n", took[MEASURED / 2] / 1e6);
      System.out.printf("policy_p95_ms=%.3f ms%n", took[MEASURED * 95 / 100] / 1e6);
      System.out.printf("policy_p99_ms=%.3f ms%n", took[MEASURED * 99 / 100] / 1e6);
      System.out.printf("policy_max_ms=%.3f ms%n", took[MEASURED - 1] / 1e6);
    }
  }

  /** The first n townships of 凉州区 with plausible, fixed-seed units and staffing; a few break a limit. */
  static PlanRequest liangzhou(int n) throws IOException {
    Random random = new Random(2026);
    List<Township> townships = new ArrayList<>();
    try (InputStream in = PolicyBenchmark.class.getResourceAsStream("/regions/streets.csv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.split(",");
        if (f.length > 2 && f[2].equals("620602") && townships.size() < n) {
          String name = f[1].replace("\"", "");
          Kind kind = name.endsWith("街道") ? Kind.STREET : name.endsWith("乡") ? Kind.TOWNSHIP : Kind.TOWN;
          int category = 1 + random.nextInt(3);
          int bodies = 3 + random.nextInt(3);
          int institutions = 4 + random.nextInt(3);
          List<Unit> b = new ArrayList<>();
          for (int i = 0; i < bodies; i++) {
            b.add(new Unit("工作办公室" + (i + 1), 4 + random.nextInt(4)));
          }
          List<Unit> s = new ArrayList<>();
          for (int i = 0; i < institutions; i++) {
            s.add(new Unit(i == 0 ? "便民服务中心" : "服务中心" + i, 8 + random.nextInt(8)));
          }
          int leadership = 8 + random.nextInt(4);
          townships.add(new Township(f[0], name, kind, category, null, b, s, 45, 110, leadership, 10));
        }
      }
    }
    return new PlanRequest("凉州区乡镇机构改革方案", PlanType.TOWNSHIP, "620602", null, townships);
  }
}
