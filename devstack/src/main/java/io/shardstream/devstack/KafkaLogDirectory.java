package io.shardstream.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one log folder of the single-node broker (data and metadata log together), per {@link
 * KafkaStorage}: a folder per run under {@code <data>/kafka/<pid>-<n>}, or the kept folder {@code
 * <data>/kafka/node-1}. A folder is formatted (cluster id, node id, bootstrap metadata) only when
 * it has no {@code meta.properties} yet, as {@code kafka-storage.sh format} would be run once for a
 * real broker.
 */
final class KafkaLogDirectory {

  private static final Logger log = LoggerFactory.getLogger(KafkaLogDirectory.class);

  /** Not a {@code <pid>-<n>} name, so the clean-up of dead runs never touches it. */
  static final String PERSISTENT_FOLDER = "node-1";

  private static final AtomicInteger RUNS = new AtomicInteger();

  private final Path path;
  private final boolean perRun;

  private KafkaLogDirectory(Path path, boolean perRun) {
    this.path = path;
    this.perRun = perRun;
  }

  /** Creates the folder for {@code storage} under {@code kafkaDirectory}. */
  static KafkaLogDirectory create(Path kafkaDirectory, KafkaStorage storage) {
    try {
      Files.createDirectories(kafkaDirectory);
      deleteRunsOfDeadProcesses(kafkaDirectory);
      if (storage == KafkaStorage.PERSISTENT) {
        return new KafkaLogDirectory(
            Files.createDirectories(kafkaDirectory.resolve(PERSISTENT_FOLDER)), false);
      }
      // Two brokers of one JVM (a test's own stack next to the shared one) must not share a folder.
      String run = ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet();
      return new KafkaLogDirectory(Files.createDirectories(kafkaDirectory.resolve(run)), true);
    } catch (IOException e) {
      throw new DevStackException(
          Component.KAFKA, "cannot create Kafka folder under " + kafkaDirectory, e);
    }
  }

  /** Deletes the kept folder of {@link KafkaStorage#PERSISTENT}; folders of runs stay. */
  static void deletePersistent(Path kafkaDirectory) {
    Path kept = kafkaDirectory.resolve(PERSISTENT_FOLDER);
    try {
      FileTrees.delete(kept);
    } catch (IOException e) {
      throw new DevStackException(Component.KAFKA, "cannot delete Kafka's data in " + kept, e);
    }
  }

  Path path() {
    return path;
  }

  /**
   * Formats the folder unless an earlier start did: a kept folder keeps its cluster id, node id and
   * everything in it.
   */
  void formatIfNew(int nodeId, String controllerListener, MetadataVersion version)
      throws Exception {
    if (Files.exists(path.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
      log.debug("Kafka storage in {} is formatted already: keeping it", path);
      return;
    }
    // The formatter's report goes to the debug log instead of System.out (two long lines on the
    // console otherwise).
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    new Formatter()
        .setPrintStream(new PrintStream(report, true, StandardCharsets.UTF_8))
        .setNodeId(nodeId)
        .setClusterId(Uuid.randomUuid().toString())
        .setDirectories(List.of(path.toString()))
        .setMetadataLogDirectory(path.toString())
        .setReleaseVersion(version)
        .setControllerListenerName(controllerListener)
        .run();
    log.debug("formatted Kafka storage: {}", report.toString(StandardCharsets.UTF_8).strip());
  }

  /** After the broker stopped: a per-run folder goes, a kept one stays. */
  void release() {
    if (perRun) {
      FileTrees.deleteQuietly(path);
    }
  }

  private static void deleteRunsOfDeadProcesses(Path kafkaDirectory) throws IOException {
    try (Stream<Path> runs = Files.list(kafkaDirectory)) {
      runs.filter(Files::isDirectory)
          .filter(run -> !ownerAlive(run.getFileName().toString()))
          .forEach(FileTrees::deleteQuietly);
    }
  }

  private static boolean ownerAlive(String runName) {
    int dash = runName.indexOf('-');
    try {
      long pid = Long.parseLong(dash < 0 ? runName : runName.substring(0, dash));
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true; // not a run folder (the kept node-1, or not ours): leave it alone
    }
  }
}
