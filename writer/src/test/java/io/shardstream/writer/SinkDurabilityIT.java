package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.keys.EntityManager;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.dynamo.table.TableCreator;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.service.Metrics;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.testing.Events;
import io.shardstream.writer.testing.LiveStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offsets are committed only after the table writes are durable, on the Kafka Streams version in
 * use: with the table gone, the writer processes but never commits; once the table is back, the
 * same records are processed again, written, committed, and counted once.
 */
@ExtendWith(DevStackExtension.class)
class SinkDurabilityIT {
  private static final String NAME = "durability";

  @Test
  void commitsNothingWhileTheTableCannotBeWritten(
      KafkaEndpoint kafka,
      DynamoDbEndpoint dynamoDb,
      RegistryEndpoint registry,
      @TempDir Path stateDir)
      throws Exception {
    try (LiveStack stack = new LiveStack(kafka, dynamoDb)) {
      WriterSettings settings =
          WriterSettings.from(
              stack.writerSettings(
                  NAME, registry, stateDir, Map.of("writer.dynamodb.retry-max-elapsed", "2s")));
      String usersTopic = settings.topics().entity("user");
      stack.createTopics(2, usersTopic, settings.topics().entity("email"));
      Serializer<UserChangeEvent> users =
          ChangeEventSerdes.registry(RegistrySettings.development(registry.url()))
              .userEvents()
              .serializer();
      try (WriterService writer = WriterService.create(settings, Metrics.newRegistry("writer"));
          KafkaProducer<byte[], byte[]> producer = stack.producer()) {
        writer.start();
        LiveStack.await(
            Duration.ofSeconds(60),
            () -> writer.state() == KafkaStreams.State.RUNNING,
            () -> "writer state " + writer.state());
        WriterMetrics metrics = writer.metrics();
        String group = settings.applicationId();

        send(producer, users, usersTopic, 0, 100);
        LiveStack.await(
            Duration.ofSeconds(60),
            () -> metrics.eventsTotal() == 100 && committed(stack, group, usersTopic) >= 100,
            () ->
                "events "
                    + metrics.eventsTotal()
                    + ", committed "
                    + committed(stack, group, usersTopic));
        long committedBefore = committed(stack, group, usersTopic);

        // The table goes away: every write now fails for good (ResourceNotFoundException).
        stack.dynamoDb().deleteTable(b -> b.tableName(settings.table()));
        send(producer, users, usersTopic, 100, 150);
        LiveStack.await(
            Duration.ofSeconds(60),
            () -> metrics.registry().get(WriterMetrics.FLUSH_FAILURES).counter().count() >= 2,
            () -> "no failed flush");
        Thread.sleep(2_000);
        assertThat(committed(stack, group, usersTopic)).isEqualTo(committedBefore);
        assertThat(metrics.eventsTotal()).isEqualTo(100);
        assertThat(LiveStack.httpStatus(writer.httpPort(), "/health/ready")).isEqualTo(503);

        // The table is back: the same records are processed again, written and committed.
        TableCreator.ensure(stack.dynamoDb(), settings.table(), settings.entityConfig());
        LiveStack.await(
            Duration.ofSeconds(90),
            () ->
                metrics.eventsTotal() >= 150
                    && committed(stack, group, usersTopic) > committedBefore,
            () ->
                "events "
                    + metrics.eventsTotal()
                    + ", committed "
                    + committed(stack, group, usersTopic));
        Thread.sleep(1_000);
        assertThat(metrics.eventsTotal()).as("each event counted once").isEqualTo(150);
        EntityManager entities = new EntityManager(settings.entityConfig());
        var items = stack.scan(settings.table());
        assertThat(items).hasSize(50);
        for (int i = 100; i < 150; i++) {
          String userId = "u-" + i;
          assertThat(items.values())
              .anySatisfy(
                  item ->
                      assertThat(item).isEqualTo(entities.addKeys("user", expectedItem(userId))));
        }
      }
    }
  }

  private static long committed(LiveStack stack, String group, String topic) {
    try {
      return stack.committedOffsets(group, topic);
    } catch (Exception e) {
      return -1;
    }
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer,
      Serializer<UserChangeEvent> users,
      String topic,
      int from,
      int to) {
    for (int i = from; i < to; i++) {
      String userId = "u-" + i;
      producer.send(
          new ProducerRecord<>(
              topic,
              userId.getBytes(StandardCharsets.UTF_8),
              users.serialize(topic, Events.userUpsert(userId, 1))));
    }
    producer.flush();
  }

  private static Map<String, Object> expectedItem(String userId) {
    return Map.of(
        "userId",
        userId,
        "beneficiaryId",
        "b-1",
        "firstName",
        "Ana",
        "lastName",
        "Gómez-Juárez",
        "phone",
        "5551234",
        "created",
        Events.CREATED,
        "updated",
        Events.CREATED);
  }
}
