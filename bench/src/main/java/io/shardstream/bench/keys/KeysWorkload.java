package io.shardstream.bench.keys;

import io.shardstream.bench.items.ItemsFile;
import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files both sides of {@code bench keys} read, in a private temporary folder removed on {@link
 * #close()}: the items as JSON lines, the shardstream configuration, and the same configuration as
 * Entity Manager accepts it.
 */
public final class KeysWorkload implements AutoCloseable {
  private final Path directory;
  private final String entityToken;
  private final EntityConfig config;
  private final int itemCount;

  private KeysWorkload(Path directory, String entityToken, EntityConfig config, int itemCount) {
    this.directory = directory;
    this.entityToken = entityToken;
    this.config = config;
    this.itemCount = itemCount;
  }

  /** Validates the configuration and writes the files. */
  public static KeysWorkload create(
      String configJson, String entityToken, List<Map<String, Object>> items) {
    EntityConfig config = ConfigLoader.parse(configJson);
    if (config.entity(entityToken).isEmpty()) {
      throw new IllegalArgumentException("the configuration has no entity '" + entityToken + "'");
    }
    Path directory;
    try {
      directory = Files.createTempDirectory("shardstream-bench-keys-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for the benchmark", e);
    }
    KeysWorkload workload = new KeysWorkload(directory, entityToken, config, items.size());
    try {
      ItemsFile.write(workload.itemsFile(), items);
      Files.writeString(workload.shardstreamConfigFile(), configJson, StandardCharsets.UTF_8);
      Files.writeString(
          workload.entityManagerConfigFile(),
          EntityManagerConfig.fromShardstream(configJson),
          StandardCharsets.UTF_8);
      return workload;
    } catch (IOException | RuntimeException e) {
      workload.close();
      throw e instanceof IOException io
          ? new UncheckedIOException("cannot write the benchmark's input files", io)
          : (RuntimeException) e;
    }
  }

  public Path directory() {
    return directory;
  }

  public Path itemsFile() {
    return directory.resolve("items.jsonl");
  }

  public Path shardstreamConfigFile() {
    return directory.resolve("shardstream.config.json");
  }

  public Path entityManagerConfigFile() {
    return directory.resolve("entity-manager.config.json");
  }

  public String entityToken() {
    return entityToken;
  }

  public EntityConfig config() {
    return config;
  }

  public EntityDefinition entity() {
    return config.entity(entityToken).orElseThrow();
  }

  public int itemCount() {
    return itemCount;
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + directory, e);
    }
  }
}
