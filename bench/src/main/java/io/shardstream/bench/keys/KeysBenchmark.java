package io.shardstream.bench.keys;

import io.shardstream.bench.items.ItemsFile;
import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.keys.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH benchmark of {@link EntityManager#addKeys}: one operation keys one item, so the score is
 * items per second. Items are taken in order from the workload file and wrap around, so every
 * iteration sees the whole mix (all shard bumps, all name shapes), not a hot handful.
 *
 * <p>Run through {@link ShardstreamKeysRun}; the files come in as {@code @Param}s because a forked
 * JVM shares nothing else with the launching one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KeysBenchmark {
  @Param("")
  public String configFile;

  @Param("")
  public String itemsFile;

  @Param("user")
  public String entityToken;

  private EntityManager entityManager;
  private Map<String, ?>[] items;
  private int cursor;

  @Setup
  @SuppressWarnings("unchecked")
  public void load() throws IOException {
    if (configFile.isEmpty() || itemsFile.isEmpty()) {
      throw new IllegalStateException("KeysBenchmark needs the configFile and itemsFile params");
    }
    entityManager = new EntityManager(ConfigLoader.parse(Files.readString(Path.of(configFile))));
    List<Map<String, Object>> loaded = ItemsFile.read(Path.of(itemsFile));
    if (loaded.isEmpty()) {
      throw new IllegalStateException("no items in " + itemsFile);
    }
    items = loaded.toArray(Map[]::new);
    cursor = 0;
  }

  /** The keyed item is returned so JMH consumes it and the JIT cannot skip the work. */
  @Benchmark
  public Map<String, Object> addKeys() {
    Map<String, ?> item = items[cursor];
    cursor = cursor + 1 == items.length ? 0 : cursor + 1;
    return entityManager.addKeys(entityToken, item);
  }
}
