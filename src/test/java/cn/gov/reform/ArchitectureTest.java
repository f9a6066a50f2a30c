package cn.gov.reform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The package map of README "Architecture", kept true: the shared kernel knows no procedure, a procedure
 * knows the kernel but no other procedure, and no packages depend on each other in a circle. Every
 * top-level package that is not in {@link #KERNEL} is a procedure. Reads the main sources' imports and
 * fully qualified names.
 */
class ArchitectureTest {

  /** The shared kernel: used by every procedure. */
  static final Set<String> KERNEL = Set.of("web", "calendar", "identity", "audit", "approval", "engine", "security",
      "operations", "document");

  private static final Pattern PACKAGE = Pattern.compile("^package cn\\.gov\\.reform\\.(\\w+)", Pattern.MULTILINE);
  private static final Pattern REFERENCE = Pattern.compile("\\bcn\\.gov\\.reform\\.([a-z]\\w*)\\.");

  @Test
  void shouldKeepTheKernelFreeOfProceduresAndProceduresApart() throws IOException {
    Map<String, Set<String>> uses = dependencies();
    Set<String> procedures = new TreeSet<>(uses.keySet());
    procedures.removeAll(KERNEL);
    assertThat(procedures).as("procedure packages").contains("plan");
    List<String> wrong = new ArrayList<>();
    uses.forEach((from, targets) -> targets.forEach(to -> {
      if (KERNEL.contains(from) && !KERNEL.contains(to)) {
        wrong.add("kernel " + from + " uses " + to);
      } else if (procedures.contains(from) && procedures.contains(to)) {
        wrong.add("procedure " + from + " uses procedure " + to);
      }
    }));
    assertThat(wrong).isEmpty();
  }

  @Test
  void shouldHaveNoPackageCycle() throws IOException {
    Map<String, Set<String>> uses = dependencies();
    List<String> cycles = new ArrayList<>();
    for (String start : uses.keySet()) {
      findCycle(start, start, uses, new ArrayList<>(List.of(start)), cycles);
    }
    assertThat(cycles).isEmpty();
  }

  private static void findCycle(String start, String at, Map<String, Set<String>> uses, List<String> path, List<String> cycles) {
    for (String next : uses.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        cycles.add(String.join(" → ", path) + " → " + start);
      } else if (!path.contains(next) && next.compareTo(start) > 0) {
        path.add(next);
        findCycle(start, next, uses, path, cycles);
        path.remove(path.size() - 1);
      }
    }
  }

  /** Top-level package → the top-level packages its main sources refer to. */
  static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        Matcher pkg = PACKAGE.matcher(source);
        if (!pkg.find()) {
          continue; // the application class in the root package
        }
        String from = pkg.group(1);
        Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
        Matcher ref = REFERENCE.matcher(source.substring(pkg.end()));
        while (ref.find()) {
          if (!ref.group(1).equals(from)) {
            targets.add(ref.group(1));
          }
        }
      }
    }
    return uses;
  }
}
