package io.shardstream.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Run after a registry restart, before any producer could register a schema again: the records
 * already in {@code users.changes} carry schema ids (Confluent wire format: magic byte 0, 4-byte
 * id) that must still resolve, through the Confluent-compatible API every registry of that kind
 * serves, to the schema each record was written with (the record decodes with it, and names its
 * key). A registry that kept its schemas in memory would answer 404 here.
 */
class RecordsSchemaIdsResolveIT {

  private static final String TOPIC = "users.changes";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration NO_ANSWER = Duration.ofMinutes(3);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI registry = URI.create(System.getProperty("smoke.registry"));

  @Test
  void everySchemaIdInTheLogStillResolvesToTheWritersSchema() throws Exception {
    List<ConsumerRecord<String, byte[]>> records = readTopicFromStart();
    assertThat(records).as("records in %s", TOPIC).isNotEmpty();
    Map<Integer, Schema> schemas = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      ByteBuffer value = ByteBuffer.wrap(record.value());
      assertThat(value.get()).as("magic byte of %s", record).isZero();
      int id = value.getInt();
      Schema schema = schemas.computeIfAbsent(id, this::schemaById);
      GenericRecord decoded =
          new GenericDatumReader<GenericRecord>(schema)
              .read(
                  null,
                  DecoderFactory.get().binaryDecoder(value.array(), 5, value.remaining(), null));
      assertThat(decoded.toString())
          .as("record at offset %d", record.offset())
          .contains(record.key());
    }
    System.out.printf(
        "SMOKE registry: %d records of %s decode with their schema ids %s after the restart%n",
        records.size(), TOPIC, schemas.keySet());
  }

  /**
   * The schema the registry answers for {@code id}. A registry that has just restarted may answer
   * slowly (or 503) while it reads its journal: asked again until it gives an answer, for at most
   * {@link #NO_ANSWER}; a 404 is an answer (the id is orphaned) and fails at once.
   */
  private Schema schemaById(int id) {
    URI uri = registry.resolve("/apis/ccompat/v7/schemas/ids/" + id);
    long giveUp = System.nanoTime() + NO_ANSWER.toNanos();
    String lastProblem;
    do {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return new Schema.Parser().parse(JSON.readTree(response.body()).path("schema").asText());
        }
        lastProblem = response.statusCode() + " " + response.body();
        if (response.statusCode() < 500) {
          break;
        }
      } catch (IOException e) {
        lastProblem = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      sleep();
    } while (System.nanoTime() < giveUp);
    throw new AssertionError(
        "schema id " + id + " does not resolve: GET " + uri + ": " + lastProblem);
  }

  private static void sleep() {
    try {
      Thread.sleep(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private List<ConsumerRecord<String, byte[]>> readTopicFromStart() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("smoke.kafka"));
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(TOPIC).stream()
              .map(p -> new TopicPartition(TOPIC, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        assertThat(System.nanoTime())
            .as("read %s to its end within 60 s", TOPIC)
            .isLessThan(deadline);
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    return records;
  }
}
