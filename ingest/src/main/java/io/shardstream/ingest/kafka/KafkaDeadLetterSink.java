package io.shardstream.ingest.kafka;

import io.shardstream.ingest.DeadLetterSink;
import io.shardstream.ingest.IngestSettings;
import io.shardstream.ingest.RejectedInput;
import io.shardstream.schemas.DeadLetterHeaders;
import io.shardstream.service.Settings;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces dead letters to the dead-letter topic ({@code topics.dead-letters}, default {@code
 * shardstream.dlq}) with the writer's header scheme ({@link DeadLetterHeaders}): reason, detail and
 * the source headers, the key and value as given. The producer has the event sink's guarantees
 * (idempotent, {@code acks=all}; {@link KafkaEventSink#producerConfig}), so that a source can
 * checkpoint past a dead letter once its future completes.
 */
public final class KafkaDeadLetterSink implements DeadLetterSink {
  private static final AtomicInteger SINKS = new AtomicInteger();

  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;

  private KafkaDeadLetterSink(Map<String, Object> config, String topic) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * @param producerSettings Kafka producer settings ({@code bootstrap.servers} at least);
   *     idempotence and {@code acks=all} are added and may not be weakened
   * @throws IllegalArgumentException when the settings ask for weaker delivery guarantees
   */
  public static KafkaDeadLetterSink create(Map<String, ?> producerSettings, String topic) {
    return new KafkaDeadLetterSink(producerConfig(producerSettings), topic);
  }

  /**
   * The event sink's producer configuration ({@link KafkaEventSink#producerConfig}: idempotent,
   * {@code acks=all}), under a client id of its own unless the settings name one.
   *
   * @throws IllegalArgumentException when the settings ask for weaker delivery guarantees
   */
  static Map<String, Object> producerConfig(Map<String, ?> producerSettings) {
    Map<String, Object> config =
        new LinkedHashMap<>(KafkaEventSink.producerConfig(producerSettings));
    if (!producerSettings.containsKey(ProducerConfig.CLIENT_ID_CONFIG)) {
      // Broker logs and JMX tell it from the event sink's producer.
      config.put(
          ProducerConfig.CLIENT_ID_CONFIG,
          "shardstream-ingest-dead-letters-" + SINKS.incrementAndGet());
    }
    return config;
  }

  /** From the {@code kafka.*} settings and {@code topics.dead-letters} ({@link IngestSettings}). */
  public static KafkaDeadLetterSink fromSettings(Settings settings) {
    return create(
        IngestSettings.producerConfig(settings), IngestSettings.deadLetterTopic(settings));
  }

  public String topic() {
    return topic;
  }

  @Override
  public CompletableFuture<Void> send(RejectedInput letter) {
    Headers headers = new RecordHeaders();
    add(headers, DeadLetterHeaders.REASON, letter.reason());
    add(headers, DeadLetterHeaders.DETAIL, DeadLetterHeaders.detail(letter.detail()));
    letter.sourceHeaders().forEach((key, value) -> add(headers, key, value));
    CompletableFuture<Void> delivered = new CompletableFuture<>();
    try {
      producer.send(
          new ProducerRecord<>(topic, null, letter.key(), letter.value(), headers),
          (metadata, failure) -> {
            if (failure == null) {
              delivered.complete(null);
            } else {
              delivered.completeExceptionally(failure);
            }
          });
    } catch (RuntimeException e) {
      delivered.completeExceptionally(e);
    }
    return delivered;
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }

  private static void add(Headers headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
