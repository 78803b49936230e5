package io.shardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
 * No package of the repository's main code depends, through others or directly, on a package that
 * depends on it: such a cycle makes the two one unit that cannot be understood or changed apart.
 * Dependencies are read from the sources (imports and qualified names outside comments), which
 * covers every module without a bytecode tool; it runs here because {@code app} builds after every
 * service module.
 */
class PackageCyclesTest {
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern REFERENCE = Pattern.compile("\\bio\\.shardstream(?:\\.\\w+)+");
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  /**
   * Cycles older than this test, each to be broken in its own module: {@code schemas}' {@code
   * Topic} and its serdes, {@code bench}'s command and its benchmarks. A new cycle fails the test;
   * so does breaking one of these, so that the list shrinks with the code.
   */
  private static final Set<Set<String>> KNOWN =
      Set.of(
          Set.of("io.shardstream.schemas", "io.shardstream.schemas.serde"),
          Set.of(
              "io.shardstream.bench",
              "io.shardstream.bench.apiload",
              "io.shardstream.bench.faults",
              "io.shardstream.bench.ingest",
              "io.shardstream.bench.jmh",
              "io.shardstream.bench.keys",
              "io.shardstream.bench.node",
              "io.shardstream.bench.query",
              "io.shardstream.bench.writer"));

  @Test
  void noPackageCyclesBeyondTheKnownOnes() {
    Map<String, Set<String>> graph = dependencies(repositoryRoot());
    assertThat(graph).containsKeys("io.shardstream.writer.item", "io.shardstream.dynamo.table");
    assertThat(cycles(graph)).containsExactlyInAnyOrderElementsOf(KNOWN);
  }

  @Test
  void aCycleThroughAThirdPackageIsFound() {
    Map<String, Set<String>> graph =
        Map.of(
            "a", Set.of("b"),
            "b", Set.of("c"),
            "c", Set.of("a"),
            "d", Set.of("a"));
    assertThat(cycles(graph)).containsExactly(Set.of("a", "b", "c"));
  }

  /** Package → the repository's packages its main sources name. */
  private static Map<String, Set<String>> dependencies(Path root) {
    Map<String, String> sources = new HashMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(file -> file.toString().endsWith(".java"))
          .filter(file -> file.toString().contains("/src/main/java/"))
          .filter(file -> !file.toString().contains("/target/"))
          .forEach(file -> sources.put(file.toString(), read(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> packageOf = new HashMap<>();
    sources.forEach(
        (file, text) -> {
          Matcher matcher = PACKAGE.matcher(text);
          if (matcher.find()) {
            packageOf.put(file, matcher.group(1));
          }
        });
    Set<String> packages = new TreeSet<>(packageOf.values());
    Map<String, Set<String>> graph = new TreeMap<>();
    packages.forEach(p -> graph.put(p, new TreeSet<>()));
    sources.forEach(
        (file, text) -> {
          String from = packageOf.get(file);
          Matcher reference = REFERENCE.matcher(COMMENT.matcher(text).replaceAll(""));
          while (reference.find()) {
            String to = longestPackage(reference.group(), packages);
            if (from != null && to != null && !to.equals(from)) {
              graph.get(from).add(to);
            }
          }
        });
    return graph;
  }

  /** The package a qualified name lies in: {@code a.b.C.Nested} lies in {@code a.b}. */
  private static String longestPackage(String name, Set<String> packages) {
    for (String prefix = name; prefix.contains("."); ) {
      if (packages.contains(prefix)) {
        return prefix;
      }
      prefix = prefix.substring(0, prefix.lastIndexOf('.'));
    }
    return null;
  }

  /** Every strongly connected set of more than one package (Tarjan). */
  private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
    var tarjan =
        new Object() {
          final Map<String, Integer> index = new HashMap<>();
          final Map<String, Integer> low = new HashMap<>();
          final Deque<String> stack = new ArrayDeque<>();
          final Set<String> onStack = new TreeSet<>();
          final List<Set<String>> found = new ArrayList<>();

          void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : graph.getOrDefault(node, Set.of())) {
              if (!index.containsKey(next)) {
                visit(next);
                low.put(node, Math.min(low.get(node), low.get(next)));
              } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
              }
            }
            if (low.get(node).equals(index.get(node))) {
              Set<String> component = new TreeSet<>();
              String member;
              do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
              } while (!member.equals(node));
              if (component.size() > 1) {
                found.add(component);
              }
            }
          }
        };
    new TreeSet<>(graph.keySet())
        .forEach(
            node -> {
              if (!tarjan.index.containsKey(node)) {
                tarjan.visit(node);
              }
            });
    return tarjan.found;
  }

  /** The repository: the parent of this module's directory, where the tests run. */
  private static Path repositoryRoot() {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("pom.xml")).as("the repository's parent pom").exists();
    return root;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
