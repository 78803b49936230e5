package io.shardstream.ingest.kafka;

import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The change topics of the test broker, which every test class of this JVM shares: tests read only
 * what was written after their {@link #mark()}.
 */
final class ChangeTopics {
  static final int PARTITIONS = 3;

  private final KafkaEndpoint kafka;
  private final List<String> names;

  /** The standard change topics ({@link Topics}). */
  ChangeTopics(KafkaEndpoint kafka) throws ExecutionException, InterruptedException {
    this(kafka, List.of(Topics.USERS.name(), Topics.EMAILS.name()));
  }

  /** Topics of the given names (created when missing). */
  ChangeTopics(KafkaEndpoint kafka, List<String> names)
      throws ExecutionException, InterruptedException {
    this.kafka = kafka;
    this.names = List.copyOf(names);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      for (String name : names) {
        try {
          admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1))).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }

  /** The current end of every partition. */
  Map<TopicPartition, Long> mark() {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      return new HashMap<>(consumer.endOffsets(partitions()));
    }
  }

  /**
   * Everything written after {@code mark}: until {@code count} records arrived, or none arrived for
   * a while.
   */
  List<ConsumerRecord<String, byte[]>> readSince(Map<TopicPartition, Long> mark, int count) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.assign(partitions());
      mark.forEach(consumer::seek);
      ProgressWait.until(
              count + " records",
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
              })
          .progress("records read", records::size)
          .tryAwait();
      // Anything beyond the expected count would be a duplicate the producer made: look a little
      // longer.
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    return records;
  }

  private List<TopicPartition> partitions() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String name : names) {
      for (int p = 0; p < PARTITIONS; p++) {
        partitions.add(new TopicPartition(name, p));
      }
    }
    return partitions;
  }

  private KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of("bootstrap.servers", kafka.bootstrapServers(), "max.poll.records", 5000),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }
}
