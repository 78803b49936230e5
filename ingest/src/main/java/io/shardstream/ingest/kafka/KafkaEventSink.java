package io.shardstream.ingest.kafka;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.ChangeTopicNames;
import io.shardstream.ingest.EventSink;
import io.shardstream.ingest.IngestSettings;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.registry.SchemaNotRegisteredException;
import io.shardstream.schemas.registry.SchemaRegistryException;
import io.shardstream.schemas.registry.SchemaRegistryUnavailableException;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.service.CommonSettings;
import io.shardstream.service.Settings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces change records to their topics with an idempotent producer (no duplicates or reordering
 * from the producer's own retries), keyed by the entity's unique property so that one entity's
 * events stay in one partition, in order. Values go through the registry serdes here rather than in
 * the producer, so that deliberately undecodable bytes can share the same producer, and so that a
 * registry failure surfaces in the caller's thread.
 */
public final class KafkaEventSink implements EventSink {
  // Client ids name producers in broker logs and quotas; one per sink, as Kafka's JMX registration
  // complains about two live producers with the same id.
  private static final AtomicInteger SINKS = new AtomicInteger();

  private final KafkaProducer<String, byte[]> producer;
  private final Object bootstrapServers;
  private final Serializer<UserChangeEvent> userValues;
  private final Serializer<EmailChangeEvent> emailValues;
  private final ChangeTopicNames topics;
  private final ChangeEventSerdes serdes;
  // One serializer per derived schema: each looks its schema up (or registers it) once per topic.
  private final Map<Schema, Serializer<GenericRecord>> entityValues = new ConcurrentHashMap<>();

  private KafkaEventSink(
      Map<String, Object> config, ChangeEventSerdes serdes, ChangeTopicNames topics) {
    this.topics = topics;
    this.serdes = serdes;
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    this.bootstrapServers = config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
    this.userValues = Topics.USERS.valueSerde(serdes).serializer();
    this.emailValues = Topics.EMAILS.valueSerde(serdes).serializer();
  }

  /**
   * To the change topics' default names.
   *
   * @param producerSettings Kafka producer settings ({@code bootstrap.servers} at least);
   *     idempotence and {@code acks=all} are added and may not be weakened
   */
  public static KafkaEventSink create(Map<String, ?> producerSettings, ChangeEventSerdes serdes) {
    return create(producerSettings, serdes, ChangeTopicNames.defaults());
  }

  /** Like {@link #create(Map, ChangeEventSerdes)}, to the given topic names. */
  public static KafkaEventSink create(
      Map<String, ?> producerSettings, ChangeEventSerdes serdes, ChangeTopicNames topics) {
    return new KafkaEventSink(producerConfig(producerSettings), serdes, topics);
  }

  /**
   * From the {@code kafka.*}, {@code registry.*} and {@code topics.*} settings ({@link
   * IngestSettings}).
   */
  public static KafkaEventSink fromSettings(Settings settings) {
    return create(
        IngestSettings.producerConfig(settings),
        ChangeEventSerdes.registry(IngestSettings.registry(settings)),
        IngestSettings.changeTopics(settings));
  }

  /**
   * The producer configuration used for {@code producerSettings}: throughput-friendly defaults, the
   * caller's settings over them, then the delivery guarantees, which are not negotiable: a
   * non-idempotent producer may write a retried batch twice or reorder an entity's versions.
   *
   * @throws IllegalArgumentException when the settings ask for weaker delivery guarantees
   */
  public static Map<String, Object> producerConfig(Map<String, ?> producerSettings) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "shardstream-ingest-" + SINKS.incrementAndGet());
    // Imports send as fast as they read: bigger, fuller batches cost a few ms of latency only.
    config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
    config.putAll(producerSettings);
    require(config, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", "true");
    require(config, ProducerConfig.ACKS_CONFIG, "all", "all", "-1");
    config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    return Collections.unmodifiableMap(config);
  }

  private static void require(
      Map<String, Object> config, String key, String value, String... accepted) {
    Object given = config.get(key);
    if (given != null) {
      String text = String.valueOf(given).trim().toLowerCase(Locale.ROOT);
      if (!java.util.List.of(accepted).contains(text)) {
        throw new IllegalArgumentException(
            "ingest producers run with "
                + key
                + "="
                + value
                + " (idempotent, acknowledged by all in-sync replicas); the setting "
                + key
                + "="
                + given
                + " would allow lost, duplicated or reordered events: remove it");
      }
    }
    config.put(key, value);
  }

  @Override
  public CompletableFuture<Void> send(ChangeRecord record) {
    String topic = topics.of(record);
    byte[] value;
    try {
      value =
          switch (record) {
            case ChangeRecord.UserEventRecord user -> userValues.serialize(topic, user.event());
            case ChangeRecord.EmailEventRecord email -> emailValues.serialize(topic, email.event());
            case ChangeRecord.Undecodable raw -> raw.value();
            case ChangeRecord.EntityEvent entity ->
                entityValues
                    .computeIfAbsent(entity.event().getSchema(), serdes::genericSerializer)
                    .serialize(topic, entity.event());
          };
    } catch (SchemaNotRegisteredException e) {
      throw IngestSettings.howToRegister(e);
    } catch (SchemaRegistryUnavailableException e) {
      throw IngestSettings.whatToCheck(e);
    } catch (SchemaRegistryException e) {
      throw e; // the registry's problem, not this record's: the caller stops
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Void> delivered = new CompletableFuture<>();
    try {
      producer.send(
          new ProducerRecord<>(topic, record.key(), value),
          (metadata, failure) -> {
            if (failure == null) {
              delivered.complete(null);
            } else {
              delivered.completeExceptionally(explain(failure));
            }
          });
    } catch (RuntimeException e) {
      delivered.completeExceptionally(e);
    }
    return delivered;
  }

  /**
   * A timeout is almost always Kafka out of reach, an authentication failure a wrong user, password
   * or truststore: say where the sink looked and what to check.
   */
  private Exception explain(Exception failure) {
    if (failure instanceof AuthenticationException) {
      return new KafkaUnreachableException(
          CommonSettings.kafkaRefused(bootstrapServers, failure), failure);
    }
    if (!(failure instanceof TimeoutException)) {
      return failure;
    }
    return new KafkaUnreachableException(
        "Kafka at "
            + bootstrapServers
            + " did not answer ("
            + failure.getMessage()
            + "): check "
            + IngestSettings.BOOTSTRAP_SERVERS
            + " ("
            + Settings.envName(IngestSettings.BOOTSTRAP_SERVERS)
            + ") and that the broker is running",
        failure);
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    try {
      producer.close();
    } finally {
      userValues.close();
      emailValues.close();
      entityValues.values().forEach(Serializer::close);
    }
  }
}
