package io.shardstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.devstack.testing.ProgressWait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DevStackExtension.class)
class KafkaBrokerIT {

  @Test
  void producesAndConsumesARecord(KafkaEndpoint kafka) throws Exception {
    String topic = newTopic(kafka);
    try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
      producer.send(new ProducerRecord<>(topic, "user-1", "hello")).get();
    }

    List<ConsumerRecord<String, String>> records = consume(kafka, topic, "read_uncommitted", 1);

    assertThat(records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.key()).isEqualTo("user-1");
              assertThat(r.value()).isEqualTo("hello");
            });
  }

  /**
   * exactly_once_v2 needs the transaction state log, which only exists if RF 1 is allowed for it.
   */
  @Test
  void commitsATransactionThatReadCommittedConsumersSee(KafkaEndpoint kafka) throws Exception {
    String topic = newTopic(kafka);
    Map<String, Object> transactional =
        Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "devstack-it-" + UUID.randomUUID());
    try (KafkaProducer<String, String> producer = producer(kafka, transactional)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "user-2", "in a transaction"));
      producer.commitTransaction();
    }

    List<ConsumerRecord<String, String>> records = consume(kafka, topic, "read_committed", 1);

    assertThat(records).extracting(ConsumerRecord::value).containsExactly("in a transaction");
  }

  private static String newTopic(KafkaEndpoint kafka) throws Exception {
    String topic = "devstack-it-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    return topic;
  }

  private static KafkaProducer<String, String> producer(
      KafkaEndpoint kafka, Map<String, Object> extra) {
    Map<String, Object> config = new java.util.HashMap<>(extra);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static List<ConsumerRecord<String, String>> consume(
      KafkaEndpoint kafka, String topic, String isolation, int expected) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "devstack-it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            isolation);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      ProgressWait.until(
              expected + " records",
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
              })
          .progress("records read", records::size)
          .tryAwait();
    }
    return records;
  }
}
