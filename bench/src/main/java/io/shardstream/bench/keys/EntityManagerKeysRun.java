package io.shardstream.bench.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardstream.bench.BenchException;
import io.shardstream.bench.jmh.JmhSettings;
import io.shardstream.bench.jmh.RateStatistics;
import io.shardstream.bench.node.NodePackageCache;
import io.shardstream.bench.node.NodeToolchain;
import io.shardstream.bench.node.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

/**
 * Measures the reference side of {@code bench keys}: Entity Manager's {@code addKeys} in node,
 * through the shipped {@code entity-manager-keys.mjs}, with the same iteration counts and lengths
 * as the JMH side. One node process plays the part of one JMH fork.
 */
public final class EntityManagerKeysRun {
  /** Shipped next to this class: the script and the pinned package set it imports. */
  static final String RESOURCE_FOLDER = "node";

  static final String SCRIPT = "entity-manager-keys.mjs";

  /** Time beyond the iterations for node to start, read the items and print. */
  private static final Duration START_AND_LOAD_ALLOWANCE = Duration.ofMinutes(3);

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final NodePackageCache packages;
  private final JmhSettings settings;
  private final Consumer<String> progress;

  /**
   * @param nodeFolder where Entity Manager is installed (kept between runs)
   * @param progress receives one-line notes, e.g. that npm is installing
   */
  public EntityManagerKeysRun(Path nodeFolder, JmhSettings settings, Consumer<String> progress) {
    this.packages = new NodePackageCache(nodeFolder, EntityManagerKeysRun.class, RESOURCE_FOLDER);
    this.settings = settings;
    this.progress = progress;
  }

  /** Measures; also writes every item, keyed by Entity Manager, to {@code dump} if not null. */
  public SideResult run(KeysWorkload workload, Path dump) {
    long start = System.nanoTime();
    NodeToolchain node = NodeToolchain.detect();
    progress.accept(
        "node "
            + node.nodeVersion()
            + ", npm "
            + node.npmVersion()
            + "; Entity Manager in "
            + packages.directory());
    if (packages.ensureInstalled(node)) {
      progress.accept("installed the pinned Entity Manager package set with npm ci");
    }
    Path script = packages.copyScript(SCRIPT);
    JsonNode output = runScript(node, script, workload, dump);
    Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
    List<Double> rates =
        StreamSupport.stream(output.path("iterations").spliterator(), false)
            .map(iteration -> iteration.path("itemsPerSecond").asDouble())
            .toList();
    String method =
        "node timed iterations (process.hrtime.bigint), 1 process, "
            + settings.describeIterations();
    String runtime =
        "node "
            + output.path("node").asText()
            + " (V8 "
            + output.path("v8").asText()
            + "), "
            + output.path("library").asText()
            + " "
            + output.path("libraryVersion").asText();
    return new SideResult("entity-manager", method, RateStatistics.of(rates), runtime, wallTime);
  }

  private JsonNode runScript(NodeToolchain node, Path script, KeysWorkload workload, Path dump) {
    List<String> command =
        new ArrayList<>(
            List.of(
                node.node(),
                script.toString(),
                "--config",
                workload.entityManagerConfigFile().toString(),
                "--items",
                workload.itemsFile().toString(),
                "--entity",
                workload.entityToken(),
                "--canonicalize",
                canonicalizeJson(workload),
                "--warmups",
                Integer.toString(settings.warmups()),
                "--iterations",
                Integer.toString(settings.iterations()),
                "--iteration-ms",
                Long.toString(settings.iterationTime().toMillis())));
    if (dump != null) {
      command.addAll(List.of("--dump", dump.toAbsolutePath().toString()));
    }
    Duration timeout =
        settings
            .iterationTime()
            .multipliedBy(settings.warmups() + settings.iterations())
            .plus(START_AND_LOAD_ALLOWANCE);
    ProcessRunner.Result result;
    try {
      result = ProcessRunner.run(command, packages.directory(), timeout);
    } catch (IOException e) {
      throw new BenchException("cannot start node: " + e.getMessage(), e);
    }
    if (!result.succeeded()) {
      throw new BenchException(
          SCRIPT + " failed (exit " + result.exitCode() + "):\n" + result.tail());
    }
    List<String> lines = result.stdout().strip().lines().toList();
    try {
      return JSON.readTree(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
    } catch (JsonProcessingException e) {
      throw new BenchException(SCRIPT + " printed no result: " + result.stdout(), e);
    }
  }

  /** shardstream derives canonical names inside addKeys; the script must do the same work. */
  private static String canonicalizeJson(KeysWorkload workload) {
    try {
      return JSON.writeValueAsString(workload.entity().canonicalize());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serializes", e);
    }
  }
}
