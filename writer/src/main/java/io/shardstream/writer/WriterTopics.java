package io.shardstream.writer;

import io.shardstream.writer.stage.EntityLinks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the writer's topics exist before Kafka Streams starts: the topics between its stages
 * (with exactly as many partitions as the source topic each one is co-partitioned with, since a
 * stage's task reads partition p of both), the dead-letter topic and the change feed. The source
 * topics belong to their producers; the writer creates them only when asked (local set-ups).
 */
public final class WriterTopics {
  private static final Logger LOG = LoggerFactory.getLogger(WriterTopics.class);
  private static final long TIMEOUT_SECONDS = 30;

  private WriterTopics() {}

  /**
   * @param createSources create missing source topics with {@code sourcePartitions} partitions
   *     (else a missing source topic is an error)
   * @throws IllegalStateException a source topic is missing, or a stage topic exists with the wrong
   *     number of partitions
   */
  public static void ensure(
      Admin admin,
      TopicNames topics,
      EntityLinks links,
      boolean createSources,
      int sourcePartitions) {
    List<String> sourceTopics = topics.sources();
    if (createSources) {
      Map<String, Integer> wanted = new LinkedHashMap<>();
      sourceTopics.forEach(source -> wanted.put(source, sourcePartitions));
      createMissing(admin, wanted);
    }
    Map<String, Integer> sources = partitions(admin, sourceTopics);
    for (String source : sourceTopics) {
      if (!sources.containsKey(source)) {
        throw new IllegalStateException(
            "source topic '"
                + source
                + "' does not exist: create it"
                + " (keyed by the entity's unique id) or set writer.create-source-topics=true");
      }
    }
    int widest = sources.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    Map<String, String> internal = topics.internal(links);
    Map<String, Integer> wanted = new LinkedHashMap<>();
    internal.forEach((topic, source) -> wanted.put(topic, sources.get(source)));
    wanted.put(topics.deadLetters(), widest);
    wanted.put(topics.appliedChanges(), widest);
    createMissing(admin, wanted);
    Map<String, Integer> stages = partitions(admin, List.copyOf(internal.keySet()));
    List<String> wrong = new ArrayList<>();
    internal.forEach((topic, source) -> check(wrong, topic, stages, source, sources.get(source)));
    if (!wrong.isEmpty()) {
      throw new IllegalStateException(String.join("; ", wrong));
    }
  }

  private static void check(
      List<String> wrong, String topic, Map<String, Integer> actual, String source, int expected) {
    Integer partitions = actual.get(topic);
    if (partitions == null || partitions != expected) {
      wrong.add(
          "topic '"
              + topic
              + "' has "
              + partitions
              + " partitions but must have as many as '"
              + source
              + "' ("
              + expected
              + "): its records must reach the task that reads the same"
              + " key from '"
              + source
              + "'; delete it (with the application's state) or re-partition");
    }
  }

  private static void createMissing(Admin admin, Map<String, Integer> wanted) {
    Map<String, Integer> existing = partitions(admin, List.copyOf(wanted.keySet()));
    List<NewTopic> missing =
        wanted.entrySet().stream()
            .filter(e -> !existing.containsKey(e.getKey()))
            .map(e -> new NewTopic(e.getKey(), Optional.of(e.getValue()), Optional.empty()))
            .toList();
    if (missing.isEmpty()) {
      return;
    }
    missing.forEach(
        topic ->
            LOG.info(
                "creating topic '{}' with {} partitions", topic.name(), topic.numPartitions()));
    var results = admin.createTopics(missing).values();
    for (var result : results.entrySet()) {
      try {
        result.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException(
              "cannot create topic '" + result.getKey() + "': " + e.getCause().getMessage(),
              e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while creating topics", e);
      } catch (TimeoutException e) {
        throw new IllegalStateException(
            "Kafka did not answer within "
                + TIMEOUT_SECONDS
                + " s while creating topic '"
                + result.getKey()
                + "'",
            e);
      }
    }
    awaitVisible(admin, missing.stream().map(NewTopic::name).toList());
  }

  /**
   * Waits until every topic just created shows up in the cluster metadata: a describe right after a
   * create can still answer "unknown topic" while the controller's metadata propagates.
   */
  private static void awaitVisible(Admin admin, List<String> names) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!partitions(admin, names).keySet().containsAll(names)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "topics "
                + names
                + " were created but did not become "
                + "visible within "
                + TIMEOUT_SECONDS
                + " s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for new topics", e);
      }
    }
  }

  /** Partition counts of the topics that exist. */
  private static Map<String, Integer> partitions(Admin admin, List<String> names) {
    Map<String, Integer> counts = new HashMap<>();
    var futures = admin.describeTopics(Set.copyOf(names)).topicNameValues();
    for (var entry : futures.entrySet()) {
      try {
        TopicDescription description = entry.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        counts.put(entry.getKey(), description.partitions().size());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw new IllegalStateException(
              "cannot describe topic '" + entry.getKey() + "': " + e.getCause().getMessage(),
              e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while describing topics", e);
      } catch (TimeoutException e) {
        throw new IllegalStateException(
            "Kafka did not answer within "
                + TIMEOUT_SECONDS
                + " s while describing topic '"
                + entry.getKey()
                + "'",
            e);
      }
    }
    return counts;
  }
}
