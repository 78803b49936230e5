package io.shardstream.writer.replay;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The source topics read from the beginning up to given offsets with a plain consumer (no group, no
 * commits, committed records only), handed over one record at a time: in each partition's order,
 * partitions interleaved by record timestamp (the closest thing to the order the events happened
 * in).
 */
final class SourceLog {
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration STALL = Duration.ofSeconds(60);

  private SourceLog() {}

  /**
   * @param clientSettings Kafka client settings (bootstrap servers, security)
   * @param until per partition, the offset to stop before (the replay's committed offsets)
   */
  static void read(
      Map<String, Object> clientSettings,
      Map<TopicPartition, Long> until,
      Consumer<ConsumerRecord<byte[], byte[]>> handler) {
    Properties properties = new Properties();
    properties.putAll(clientSettings);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> records = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(until.keySet());
      consumer.seekToBeginning(until.keySet());
      long lastProgress = System.nanoTime();
      while (!done(consumer, until)) {
        int count = 0;
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (record.offset() < until.get(partition)) {
            records.computeIfAbsent(partition, p -> new ArrayDeque<>()).add(record);
            count++;
          }
        }
        // Partitions already read up to their limit fetch nothing more.
        consumer.pause(
            until.entrySet().stream()
                .filter(e -> consumer.position(e.getKey()) >= e.getValue())
                .map(Map.Entry::getKey)
                .toList());
        if (count > 0) {
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
          throw new IllegalStateException(
              "reading the source topics stalled for " + STALL + " before reaching " + until);
        }
      }
    }
    PriorityQueue<ArrayDeque<ConsumerRecord<byte[], byte[]>>> heads =
        new PriorityQueue<>(
            Comparator.comparingLong(
                    (ArrayDeque<ConsumerRecord<byte[], byte[]>> q) -> q.peek().timestamp())
                .thenComparing(q -> q.peek().topic())
                .thenComparingInt(q -> q.peek().partition()));
    records.values().stream().filter(q -> !q.isEmpty()).forEach(heads::add);
    while (!heads.isEmpty()) {
      ArrayDeque<ConsumerRecord<byte[], byte[]>> head = heads.poll();
      handler.accept(head.poll());
      if (!head.isEmpty()) {
        heads.add(head);
      }
    }
  }

  private static boolean done(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> until) {
    return until.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
