package io.shardstream.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardstream.schemas.Topics;
import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.User;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The demo's writer and query API on the JVM's shared devstack, with what the dead letters and
 * pipeline tests send them: good user events and two kinds of bad ones.
 */
final class OpsStack implements AutoCloseable {
  /** A value that is not in the registry's wire format (its first byte is not 0). */
  static final String NOT_FRAMED = "undecodable:not-registry-framed";

  /** An event the registry decodes but the writer refuses: a phone with a dash. */
  static final String BAD_PHONE = "invalid:user.phone:format";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DemoServices services;
  private final KafkaProducer<byte[], byte[]> producer;
  private final ChangeEventSerdes serdes;
  private final HttpClient http = HttpClient.newHttpClient();

  /** A key that sees everything, and one bound to a beneficiary. */
  static final String FULL_KEY = "ops-full-key";

  static final String BOUND_KEY = "ops-bound-key";

  OpsStack(String kafka, URI dynamoDb, URI registry, Path dataDirectory) {
    services =
        DemoServices.start(
            new DemoServices.Stack(kafka, registry, dynamoDb),
            dataDirectory,
            false,
            0,
            0,
            Map.of(),
            Map.of("api.keys", FULL_KEY + "," + BOUND_KEY + ":b-ops"));
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    serdes = ChangeEventSerdes.registry(RegistrySettings.production(registry));
  }

  URI queryApi() {
    return services.queryApiUri();
  }

  int writerPort() {
    return services.writerPort();
  }

  /** A user event through the registry; {@code phone} with a dash is dead-lettered. */
  void sendUser(String userId, String phone) {
    Instant now = Instant.now();
    UserChangeEvent event =
        UserChangeEvent.newBuilder()
            .setEventId(UUID.randomUUID())
            .setOp(ChangeOp.UPSERT)
            .setVersion(now.toEpochMilli())
            .setOccurredAt(now)
            .setSource("ops-test")
            .setUser(
                User.newBuilder()
                    .setUserId(userId)
                    .setBeneficiaryId("b-ops")
                    .setFirstName("Ana")
                    .setLastName("Gómez")
                    .setPhone(phone)
                    .setCreated(now)
                    .setUpdated(now)
                    .build())
            .build();
    send(userId, serdes.userEvents().serializer().serialize(Topics.USERS.name(), event));
  }

  /** Bytes that are no event at all. */
  void sendGarbage(String key) {
    send(key, ("not an event: " + key).getBytes(StandardCharsets.UTF_8));
  }

  private void send(String key, byte[] value) {
    try {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.USERS.name(), key.getBytes(StandardCharsets.UTF_8), value))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot send to Kafka", e.getCause());
    }
  }

  /** A GET of the query API: status and JSON body. */
  Reply get(String path, String apiKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(queryApi().resolve(path)).timeout(Duration.ofSeconds(30));
    if (apiKey != null) {
      request.header("X-Api-Key", apiKey);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Reply(int status, JsonNode json) {}

  /** The count of {@code reason} in a {@code /v1/dead-letters} body (0 when absent). */
  static long count(JsonNode deadLetters, String reason) {
    for (JsonNode entry : deadLetters.get("byReason")) {
      if (entry.get("reason").asText().equals(reason)) {
        return entry.get("count").asLong();
      }
    }
    return 0;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    services.close();
  }
}
