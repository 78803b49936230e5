package io.shardstream.queryapi.changes;

import io.shardstream.schemas.changes.AppliedChange;
import io.shardstream.schemas.changes.AppliedChangeJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Kafka consumer of a server's change feed: it reads the applied-changes topic with {@code
 * isolation.level=read_committed} (a change is visible only once the writer's transaction, and so
 * its table write, is durable), without a consumer group (every partition assigned, nothing
 * committed: each server reads everything), and appends what it reads to the {@link ChangeBuffer}
 * every stream of the server shares.
 *
 * <p>It starts {@code buffer / partitions} records before each partition's end, so a server that
 * just started can already resume a client that was streaming from another instance. A topic that
 * does not exist yet (the writer creates it) or an unreachable broker is waited for; after a
 * failure the next consumer continues where the last one stopped. Partitions added to the topic
 * while it runs are read after a restart.
 */
public final class KafkaChangeSource implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaChangeSource.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final Map<String, String> clientSettings;
  private final String topic;
  private final ChangeBuffer buffer;
  private final Thread thread;
  private volatile boolean closed;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  /**
   * @param clientSettings the {@code kafka.*} settings without the prefix
   */
  public KafkaChangeSource(Map<String, String> clientSettings, String topic, ChangeBuffer buffer) {
    this.clientSettings = Map.copyOf(clientSettings);
    this.topic = Objects.requireNonNull(topic, "topic");
    this.buffer = Objects.requireNonNull(buffer, "buffer");
    this.thread = Thread.ofPlatform().daemon().name("change-feed-" + topic).unstarted(this::run);
  }

  public KafkaChangeSource start() {
    thread.start();
    return this;
  }

  /** The consumer's settings: the operator's, then what the feed's correctness needs. */
  Map<String, Object> consumerSettings() {
    Map<String, Object> settings = new HashMap<>(clientSettings);
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // The writer creates the topic with its partitions: never a broker default one by asking.
    settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
    settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "shardstream-query-api-changes");
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return settings;
  }

  private void run() {
    boolean first = true;
    String lastProblem = null;
    while (!closed) {
      try (KafkaConsumer<byte[], byte[]> opened = new KafkaConsumer<>(consumerSettings())) {
        consumer = opened;
        if (closed) {
          return;
        }
        List<TopicPartition> partitions = partitions(opened);
        if (partitions.isEmpty()) {
          String problem = "topic '" + topic + "' does not exist yet (the writer creates it)";
          if (!problem.equals(lastProblem)) {
            LOG.info("change feed: {}; waiting for it", problem);
            lastProblem = problem;
          }
          pause();
          continue;
        }
        opened.assign(partitions);
        if (first) {
          startNearTheEnd(opened, partitions);
          first = false;
        } else {
          long[] next = buffer.next();
          for (TopicPartition partition : partitions) {
            opened.seek(
                partition, partition.partition() < next.length ? next[partition.partition()] : 0);
          }
        }
        lastProblem = null;
        LOG.info("change feed: reading {} partitions of '{}'", partitions.size(), topic);
        while (!closed) {
          List<ChangeBuffer.Entry> entries = new ArrayList<>();
          for (ConsumerRecord<byte[], byte[]> record : opened.poll(POLL)) {
            decode(record, entries);
          }
          buffer.append(entries);
        }
      } catch (WakeupException e) {
        return; // closing
      } catch (KafkaException e) {
        if (closed) {
          return;
        }
        String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (!problem.equals(lastProblem)) {
          LOG.warn("change feed: Kafka failed ({}); trying again every {}", problem, RETRY);
          lastProblem = problem;
        }
        pause();
      }
    }
  }

  private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> opened) {
    List<PartitionInfo> infos = opened.partitionsFor(topic, Duration.ofSeconds(10));
    if (infos == null) {
      return List.of();
    }
    return infos.stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .sorted(Comparator.comparingInt(TopicPartition::partition))
        .toList();
  }

  private void startNearTheEnd(
      KafkaConsumer<byte[], byte[]> opened, List<TopicPartition> partitions) {
    Map<TopicPartition, Long> begin = opened.beginningOffsets(partitions);
    Map<TopicPartition, Long> end = opened.endOffsets(partitions);
    int count = partitions.get(partitions.size() - 1).partition() + 1;
    long[] start = new long[count];
    long[] ends = new long[count];
    long perPartition = Math.max(1, buffer.capacity() / partitions.size());
    for (TopicPartition partition : partitions) {
      long first = Math.max(begin.get(partition), end.get(partition) - perPartition);
      start[partition.partition()] = first;
      ends[partition.partition()] = end.get(partition);
      opened.seek(partition, first);
    }
    buffer.start(start, ends);
  }

  private void decode(ConsumerRecord<byte[], byte[]> record, List<ChangeBuffer.Entry> entries) {
    if (record.value() == null) {
      return;
    }
    try {
      AppliedChange change = AppliedChangeJson.fromBytes(record.value());
      entries.add(new ChangeBuffer.Entry(record.partition(), record.offset(), change));
    } catch (SerializationException e) {
      LOG.warn(
          "change feed: skipped {}-{}@{}, not an applied change: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** Stops the consumer and wakes every stream (they end). */
  @Override
  public void close() {
    closed = true;
    KafkaConsumer<byte[], byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    buffer.close();
  }
}
