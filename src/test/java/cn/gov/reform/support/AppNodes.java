package cn.gov.reform.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import cn.gov.reform.ReformApprovalApplication;

/**
 * App instances in JVMs of their own (the test class path, profiles test and postgres, job executor on,
 * each on a free port, log in {@code target/<name>.log}), the way an operator runs several nodes on one
 * database. Waiting is for their job executors, which the test JVM cannot drive, so it polls with a bound.
 */
public final class AppNodes implements AutoCloseable {

  public static final Duration PATIENCE = Duration.ofMinutes(3);

  public record Node(Http http, Process process) {}

  private final List<Process> started = new ArrayList<>();
  private final List<Process> expectedDead = new ArrayList<>();

  /** Starts a node and waits until it answers its health check. */
  public Node start(String name, String... args) throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Duser.timezone=Asia/Shanghai",
        "-Dfile.encoding=UTF-8", "-cp", classPath(), ReformApprovalApplication.class.getName(),
        "--server.port=" + port, "--spring.profiles.active=test,postgres", "--camunda.bpm.job-execution.enabled=true",
        "--logging.level.root=warn"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(new File("target/" + name + ".log")).start();
    started.add(process);
    Node node = new Node(new Http(port), process);
    await(name + " up", () -> up(node.http()));
    return node;
  }

  /** Polls until the condition holds; fails after {@link #PATIENCE} or when a node still expected up has died. */
  public void await(String what, BooleanSupplier condition) {
    Instant until = Instant.now().plus(PATIENCE);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(until) || started.stream().anyMatch(p -> !p.isAlive() && !expectedDead.contains(p))) {
        throw new AssertionError("gave up waiting for: " + what + " (see the node logs in target/)");
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** A node the test lets die (a crash) no longer fails the waiting for the others. */
  public void expectDeath(Process process) {
    expectedDead.add(process);
  }

  private static boolean up(Http node) {
    try {
      return node.get("/actuator/health", null).status() == 200;
    } catch (AssertionError notYet) {
      return false;
    }
  }

  /** This JVM's class path without empty entries (an empty one would put the project root on it). */
  private static String classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : started) {
      p.destroy();
    }
    for (Process p : started) {
      p.waitFor();
    }
  }
}
