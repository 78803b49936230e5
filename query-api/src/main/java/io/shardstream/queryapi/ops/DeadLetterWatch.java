package io.shardstream.queryapi.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the dead-letter topic from its beginning into a {@link DeadLetterLog}, then follows it: one
 * consumer per server, on partitions it assigns itself (no consumer group, nothing committed: every
 * server counts the whole topic). Only committed records count ({@code read_committed}): the writer
 * dead-letters inside its transactions, and an aborted one was not a dead letter.
 */
public final class DeadLetterWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterWatch.class);
  private static final Duration POLL = Duration.ofMillis(500);

  /** New partitions of the topic are picked up this often. */
  private static final Duration PARTITION_CHECK = Duration.ofSeconds(10);

  private final String topic;
  private final DeadLetterLog log;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;
  private volatile String status = "starting";
  private volatile Instant readAt;
  private volatile boolean caughtUp;
  private volatile boolean closed;

  public DeadLetterWatch(Map<String, String> kafka, String topic, DeadLetterLog log) {
    this.topic = topic;
    this.log = log;
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // The writer creates the topic with its partition count; a metadata request must not.
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "shardstream-query-api-dead-letters");
    this.consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = Thread.ofPlatform().daemon().name("dead-letters-" + topic).unstarted(this::run);
  }

  public DeadLetterWatch start() {
    thread.start();
    return this;
  }

  public String topic() {
    return topic;
  }

  public DeadLetterLog log() {
    return log;
  }

  /** What the reader is doing ("reading", "waiting for the topic", a failure), for people. */
  public String status() {
    return status;
  }

  /** Whether the reader has reached the topic's end at least once: the counts are complete. */
  public boolean caughtUp() {
    return caughtUp;
  }

  /** When the reader last polled, or null. */
  public Instant readAt() {
    return readAt;
  }

  private void run() {
    Set<TopicPartition> assigned = Set.of();
    long nextCheck = 0;
    while (!closed) {
      try {
        if (System.nanoTime() >= nextCheck) {
          Set<TopicPartition> partitions = partitions();
          nextCheck = System.nanoTime() + PARTITION_CHECK.toNanos();
          if (partitions.isEmpty()) {
            status = "waiting for topic '" + topic + "' to exist";
            Thread.sleep(POLL.toMillis());
            nextCheck = 0;
            continue;
          }
          if (!partitions.equals(assigned)) {
            assign(assigned, partitions);
            assigned = partitions;
          }
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          log.add(DeadLetter.of(record));
        }
        readAt = Instant.now();
        status = "reading";
        if (!caughtUp) {
          caughtUp = atEnd(assigned);
        }
      } catch (WakeupException | InterruptException e) {
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        if (closed) {
          break;
        }
        status = "cannot read '" + topic + "': " + e.getMessage();
        LOG.warn("dead letters: {}", status);
        sleepQuietly();
      }
    }
    consumer.close(Duration.ofSeconds(5));
  }

  /** New partitions start at their beginning; those already read keep their position. */
  private void assign(Set<TopicPartition> before, Set<TopicPartition> now) {
    consumer.assign(now);
    List<TopicPartition> added = now.stream().filter(p -> !before.contains(p)).toList();
    consumer.seekToBeginning(added);
    caughtUp = false;
  }

  private Set<TopicPartition> partitions() {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
    return infos == null
        ? Set.of()
        : infos.stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .collect(Collectors.toSet());
  }

  private boolean atEnd(Set<TopicPartition> partitions) {
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    if (!thread.isAlive() && thread.getState() == Thread.State.NEW) {
      consumer.close(Duration.ZERO);
      return;
    }
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
