package io.shardstream.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.dynamo.LocalDynamoDb;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.InMemoryEventSink;
import io.shardstream.ingest.kafka.KafkaDeadLetterSink;
import io.shardstream.schemas.DeadLetterHeaders;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.avro.UserChangeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * KCL against DynamoDB Local: items written to a source table arrive as events, in order per key;
 * an item that cannot be an event arrives on the dead-letter topic of a real broker.
 */
@ExtendWith(DevStackExtension.class)
class DdbStreamSourceIT {
  private static final Logger LOG = LoggerFactory.getLogger(DdbStreamSourceIT.class);

  @Test
  void insertsModificationsAndRemovalsArriveAsEventsAndTheRestAsDeadLetters(
      DynamoDbEndpoint endpoint, KafkaEndpoint kafka) throws Exception {
    String table = "users-src-" + System.nanoTime();
    String deadLetterTopic = Topics.DEAD_LETTERS.name();
    createTopic(kafka, deadLetterTopic);
    try (DynamoDbClient dynamo = LocalDynamoDb.client(endpoint);
        KafkaDeadLetterSink deadLetters =
            KafkaDeadLetterSink.create(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), deadLetterTopic)) {
      SourceTables.createUserTable(dynamo, table);
      InMemoryEventSink sink = new InMemoryEventSink();
      StreamSourceConfig config =
          StreamSourceConfig.of(SourceMapping.of(table, SourceEntity.USER), endpoint.url())
              .withTimings(KclTimings.responsive());
      long start = System.nanoTime();
      try (DdbStreamSource source = DdbStreamSource.start(config, sink, deadLetters)) {
        SourceTables.putUser(dynamo, table, "u-1", 1, "Ana");
        SourceTables.putUser(dynamo, table, "u-1", 2, "Ana María");
        SourceTables.putUser(dynamo, table, "u-2", 1, "Bo");
        dynamo.deleteItem(
            r -> r.tableName(table).key(Map.of("userId", AttributeValue.fromS("u-2"))));
        Map<String, AttributeValue> noVersion =
            new java.util.HashMap<>(SourceTables.user("u-3", 1, "Cy"));
        noVersion.remove("version");
        dynamo.putItem(r -> r.tableName(table).item(noVersion));

        // KCL's lease and shard discovery show nothing countable: its stats are all there is.
        ProgressWait.until("KCL started", source.started()::isDone)
            .progress("stream stats", () -> source.stats().summary())
            .stallTimeout(Duration.ofSeconds(120))
            .await();
        source.started().get();
        LOG.info("KCL started after {} ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
        ProgressWait.awaitProgress(
            "4 events sent and 1 rejected",
            "records sent and stream stats",
            () -> List.of(sink.records().size(), source.stats().summary()),
            () -> sink.records().size() >= 4 && source.stats().rejected() >= 1);
        LOG.info("4 events after {} ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
      }
      List<UserChangeEvent> events =
          sink.records().stream().map(r -> ((ChangeRecord.UserEventRecord) r).event()).toList();
      assertThat(events)
          .extracting(e -> e.getOp() + " " + key(e) + " v" + e.getVersion())
          .containsExactly("UPSERT u-1 v1", "UPSERT u-1 v2", "UPSERT u-2 v1", "DELETE u-2 v2");
      assertThat(events.get(1).getUser().getFirstName()).isEqualTo("Ana María");
      assertThat(events.get(3).getUserKey().getCreated())
          .isEqualTo(events.get(2).getUser().getCreated());

      ConsumerRecord<byte[], byte[]> deadLetter = deadLetterOf(kafka, deadLetterTopic, table);
      assertThat(header(deadLetter, DeadLetterHeaders.REASON)).isEqualTo("stream:missing-version");
      assertThat(header(deadLetter, DeadLetterHeaders.DETAIL))
          .startsWith("table " + table + ", INSERT seq ")
          .endsWith("missing version attribute 'version' in the new image");
      assertThat(header(deadLetter, DeadLetterHeaders.SOURCE_EVENT_NAME)).isEqualTo("INSERT");
      assertThat(header(deadLetter, DeadLetterHeaders.SOURCE_SEQUENCE_NUMBER)).matches("\\d+");
      assertThat(new String(deadLetter.key(), StandardCharsets.UTF_8))
          .isEqualTo("{\"userId\":\"u-3\"}");
      JsonNode value = JsonMapper.builder().build().readTree(deadLetter.value());
      assertThat(value.get("sequenceNumber").asText())
          .isEqualTo(header(deadLetter, DeadLetterHeaders.SOURCE_SEQUENCE_NUMBER));
      assertThat(value.get("eventName").asText()).isEqualTo("INSERT");
      assertThat(value.get("eventID").asText()).isNotBlank();
      assertThat(value.get("newImage").get("firstName").asText()).isEqualTo("Cy");
      assertThat(value.get("newImage").has("version")).isFalse();
    }
  }

  private static void createTopic(KafkaEndpoint kafka, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  /** The dead letter of a record of {@code table}: the topic is shared by this JVM's tests. */
  private static ConsumerRecord<byte[], byte[]> deadLetterOf(
      KafkaEndpoint kafka, String topic, String table) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
      long[] read = {0};
      ProgressWait.until(
              "a dead letter of table " + table + " on " + topic,
              () -> {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                  read[0]++;
                  if (table.equals(header(record, DeadLetterHeaders.SOURCE_TABLE))) {
                    found.add(record);
                  }
                }
                return !found.isEmpty();
              })
          .progress("records read", () -> read[0])
          .await();
      return found.get(0);
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
    Header header = record.headers().lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String key(UserChangeEvent event) {
    return event.getUser() != null ? event.getUser().getUserId() : event.getUserKey().getUserId();
  }
}
