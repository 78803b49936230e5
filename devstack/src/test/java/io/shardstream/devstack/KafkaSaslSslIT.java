package io.shardstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.devstack.testing.ProgressWait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's SASL_SSL listener (SCRAM-SHA-512 over TLS): clients with the user's password and the
 * truststore produce and consume; a wrong password, or no truststore, is refused at once with an
 * authentication error, not a hang.
 */
class KafkaSaslSslIT {
  @TempDir static Path dataDirectory;
  private static LocalStack stack;
  private static SecureKafkaEndpoint secure;

  @BeforeAll
  static void start() {
    stack =
        LocalStack.start(
            LocalStackConfig.forTests(dataDirectory)
                .withComponents(Component.KAFKA)
                .withKafkaSaslSsl(true));
    secure = stack.endpoints().secureKafka();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void producesAndConsumesOverSaslSsl() throws Exception {
    assertThat(secure.bootstrapServers()).isNotEqualTo(stack.endpoints().kafkaBootstrapServers());
    String topic = "sasl-ssl-it";
    try (Admin admin = Admin.create(settings(secure))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(settings(secure), new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "k", "over TLS")).get(30, TimeUnit.SECONDS);
    }

    Map<String, Object> consumerSettings = settings(secure);
    consumerSettings.put(ConsumerConfig.GROUP_ID_CONFIG, "sasl-ssl-it");
    consumerSettings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(consumerSettings, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      ProgressWait.until(
              "the record",
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
              })
          .progress("records read", records::size)
          .tryAwait();
    }
    assertThat(records).extracting(ConsumerRecord::value).containsExactly("over TLS");
  }

  @Test
  void refusesAWrongPasswordAtOnce() {
    long begin = System.nanoTime();
    try (Admin admin = Admin.create(settings(secure.withPassword("not-the-password")))) {
      assertThatThrownBy(() -> admin.describeCluster().nodes().get(60, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(SaslAuthenticationException.class)
          .hasMessageContaining("Authentication failed")
          .hasMessageContaining("SCRAM-SHA-512");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void refusesAClientThatDoesNotTrustTheBroker() {
    Map<String, Object> untrusting = settings(secure);
    untrusting.remove("ssl.truststore.location");
    untrusting.remove("ssl.truststore.password");
    untrusting.remove("ssl.truststore.type");
    try (Admin admin = Admin.create(untrusting)) {
      assertThatThrownBy(() -> admin.describeCluster().nodes().get(60, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(SslAuthenticationException.class);
    }
  }

  @Test
  void hidesThePasswordWhenPrinted() {
    assertThat(secure.toString()).doesNotContain(secure.password()).contains("***");
  }

  private static Map<String, Object> settings(SecureKafkaEndpoint endpoint) {
    return new HashMap<>(endpoint.clientSettings());
  }
}
