package io.shardstream.writer.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.dynamo.TableKeys;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.changes.AppliedChange;
import io.shardstream.schemas.changes.AppliedChangeJson;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.writer.TopicNames;
import io.shardstream.writer.WriterTopology;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.sink.ThreadSinks;
import io.shardstream.writer.state.StoreKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The writer's topology on a {@link TopologyTestDriver}, with plain Avro values, an {@link
 * InMemoryTable} behind the sinks and a simple meter registry. Records sent to the internal topics
 * are fed back by the driver, so a send returns with both stages and any cascade done.
 */
public final class WriterDriver implements AutoCloseable {
  public static final String APP = "writer-test";
  private static final EntityConfig CONFIG = ConfigLoader.parse(ExampleConfigs.userEmail());
  public static final TopicNames TOPICS = TopicNames.defaults(APP, CONFIG);

  private final EntityConfig config = CONFIG;
  private final EntityManager entities = new EntityManager(config);
  private final InMemoryTable table = new InMemoryTable(TableKeys.of(config));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final WriterMetrics metrics = new WriterMetrics(registry);
  private final ThreadSinks threadSinks = new ThreadSinks();
  private final TopologyTestDriver driver;
  private final TestInputTopic<byte[], byte[]> users;
  private final TestInputTopic<byte[], byte[]> emails;
  private final TestOutputTopic<byte[], byte[]> deadLetters;
  private final TestOutputTopic<byte[], byte[]> appliedChanges;
  private final Serializer<UserChangeEvent> userValues;
  private final Serializer<EmailChangeEvent> emailValues;

  public WriterDriver() {
    this(1000);
  }

  public WriterDriver(int flushMaxOps) {
    this(flushMaxOps, ChangeEventSerdes.plainAvro());
  }

  /** With the given serdes for reading (the test's records are always written as plain Avro). */
  public WriterDriver(int flushMaxOps, ChangeEventSerdes readers) {
    ChangeEventSerdes serdes = ChangeEventSerdes.plainAvro();
    this.userValues = serdes.userEvents().serializer();
    this.emailValues = serdes.emailEvents().serializer();
    var topology =
        WriterTopology.build(
            new WriterTopology.Dependencies(
                TOPICS,
                new TableItems(entities),
                readers,
                table,
                metrics,
                Duration.ofMinutes(5),
                flushMaxOps,
                StoreKind.MEMORY,
                Duration.ZERO,
                threadSinks));
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    this.driver = new TopologyTestDriver(topology, properties);
    ByteArraySerializer bytes = new ByteArraySerializer();
    this.users = driver.createInputTopic(TOPICS.entity("user"), bytes, bytes);
    this.emails = driver.createInputTopic(TOPICS.entity("email"), bytes, bytes);
    this.deadLetters =
        driver.createOutputTopic(
            TOPICS.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.appliedChanges =
        driver.createOutputTopic(
            TOPICS.appliedChanges(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  public void send(UserChangeEvent event) {
    String key =
        event.getUser() != null ? event.getUser().getUserId() : event.getUserKey().getUserId();
    send(key, event);
  }

  public void send(String key, UserChangeEvent event) {
    sendUserBytes(bytes(key), userValues.serialize(TOPICS.entity("user"), event), Events.NOW);
  }

  public void send(EmailChangeEvent event) {
    String key =
        event.getEmail() != null ? event.getEmail().getEmail() : event.getEmailKey().getEmail();
    send(key, event);
  }

  public void send(String key, EmailChangeEvent event) {
    sendEmailBytes(bytes(key), emailValues.serialize(TOPICS.entity("email"), event), Events.NOW);
  }

  public void sendUserBytes(byte[] key, byte[] value, long timestamp) {
    users.pipeInput(new TestRecord<>(key, value, new RecordHeaders(), timestamp));
    commit();
  }

  public void sendUserBytes(byte[] key, byte[] value, long timestamp, Headers headers) {
    users.pipeInput(new TestRecord<>(key, value, headers, timestamp));
    commit();
  }

  public void sendEmailBytes(byte[] key, byte[] value, long timestamp) {
    emails.pipeInput(new TestRecord<>(key, value, new RecordHeaders(), timestamp));
    commit();
  }

  /**
   * What the writer's producer does before each transaction commit ({@code
   * DurableCommitClientSupplier}); the test driver commits after every record.
   */
  private void commit() {
    threadSinks.writeAll();
  }

  public byte[] userBytes(UserChangeEvent event) {
    return userValues.serialize(TOPICS.entity("user"), event);
  }

  public byte[] emailBytes(EmailChangeEvent event) {
    return emailValues.serialize(TOPICS.entity("email"), event);
  }

  public List<TestRecord<byte[], byte[]>> deadLetters() {
    return deadLetters.readRecordsToList();
  }

  /** The change-feed records since the last call, in order, with their keys checked. */
  public List<AppliedChange> appliedChanges() {
    return appliedChanges.readRecordsToList().stream()
        .map(
            record -> {
              AppliedChange change = AppliedChangeJson.fromBytes(record.value());
              if (!change.id().equals(new String(record.key(), StandardCharsets.UTF_8))) {
                throw new AssertionError("change keyed by another id than its own: " + change);
              }
              return change;
            })
        .toList();
  }

  public InMemoryTable table() {
    return table;
  }

  public WriterMetrics metrics() {
    return metrics;
  }

  public EntityManager entities() {
    return entities;
  }

  /** The user's table item, or null. */
  public Map<String, Object> userItem(String userId) {
    return table.find("userId", userId) == null
        ? null
        : table.items().values().stream()
            .filter(item -> userId.equals(item.get("userId")) && !item.containsKey("email"))
            .findFirst()
            .orElse(null);
  }

  /** The email's table item, or null. */
  public Map<String, Object> emailItem(String email) {
    return table.find("email", email);
  }

  public static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  public static String header(TestRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    driver.close();
  }
}
