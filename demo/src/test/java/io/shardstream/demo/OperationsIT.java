package io.shardstream.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /v1/dead-letters} and {@code /v1/pipeline} over real HTTP, with the demo's writer on a
 * real broker, DynamoDB Local and the Apicurio registry: bad events are counted under their reason
 * with the original event, the writer shows ready and its lag falls to 0 once it has caught up, and
 * only a full-access key sees either.
 */
@ExtendWith(DevStackExtension.class)
class OperationsIT {
  @TempDir static Path data;
  private static OpsStack stack;

  @BeforeAll
  static void start(KafkaEndpoint kafka, DynamoDbEndpoint dynamoDb, RegistryEndpoint registry) {
    stack = new OpsStack(kafka.bootstrapServers(), dynamoDb.url(), registry.url(), data);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  private static JsonNode deadLetters() {
    OpsStack.Reply reply = stack.get("/v1/dead-letters", OpsStack.FULL_KEY);
    assertThat(reply.status()).as(reply.json().toString()).isEqualTo(200);
    return reply.json();
  }

  private static JsonNode pipeline() {
    OpsStack.Reply reply = stack.get("/v1/pipeline", OpsStack.FULL_KEY);
    assertThat(reply.status()).as(reply.json().toString()).isEqualTo(200);
    return reply.json();
  }

  /** The whole topic read once: counts from here on are exact. */
  private static JsonNode caughtUp() {
    ProgressWait.awaitProgress(
        "the query API has read the dead-letter topic to its end",
        "its status and total",
        () -> deadLetters().get("status").asText() + " " + deadLetters().get("total"),
        () -> deadLetters().get("caughtUp").asBoolean());
    return deadLetters();
  }

  @Test
  void badEventsAreCountedUnderTheirReasonWithTheOriginalEvent() {
    JsonNode before = caughtUp();
    String run = UUID.randomUUID().toString().substring(0, 8);

    stack.sendGarbage("garbage-1-" + run);
    stack.sendGarbage("garbage-2-" + run);
    stack.sendUser("bad-phone-" + run, "555-1234");
    stack.sendUser("good-" + run, "15551234567");

    long notFramed = OpsStack.count(before, OpsStack.NOT_FRAMED) + 2;
    long badPhone = OpsStack.count(before, OpsStack.BAD_PHONE) + 1;
    ProgressWait.awaitProgress(
        "the three dead letters are counted",
        "the dead-letter total",
        () -> deadLetters().get("total").asLong(),
        () -> {
          JsonNode now = deadLetters();
          return OpsStack.count(now, OpsStack.NOT_FRAMED) >= notFramed
              && OpsStack.count(now, OpsStack.BAD_PHONE) >= badPhone;
        });
    awaitWriterCaughtUp();

    JsonNode after = deadLetters();
    assertThat(OpsStack.count(after, OpsStack.NOT_FRAMED)).isEqualTo(notFramed);
    assertThat(OpsStack.count(after, OpsStack.BAD_PHONE)).isEqualTo(badPhone);
    assertThat(after.get("total").asLong()).isEqualTo(before.get("total").asLong() + 3);
    assertThat(after.get("topic").asText()).isEqualTo(Topics.DEAD_LETTERS.name());

    JsonNode phone = latest(after, "bad-phone-" + run);
    assertThat(phone.get("reason").asText()).isEqualTo(OpsStack.BAD_PHONE);
    assertThat(phone.get("detail").asText()).isNotBlank();
    assertThat(phone.at("/source/topic").asText()).isEqualTo(Topics.USERS.name());
    assertThat(phone.at("/source/offset").asText()).matches("\\d+");
    // Decoded through the registry: the original event, as JSON.
    assertThat(phone.at("/event/user/userId").asText()).isEqualTo("bad-phone-" + run);
    assertThat(phone.at("/event/user/phone").asText()).isEqualTo("555-1234");
    assertThat(phone.at("/source/eventId").asText()).isEqualTo(phone.at("/event/eventId").asText());

    JsonNode garbage = latest(after, "garbage-2-" + run);
    assertThat(garbage.get("reason").asText()).isEqualTo(OpsStack.NOT_FRAMED);
    assertThat(garbage.has("event")).isFalse();
    assertThat(garbage.get("eventNotDecoded").asText()).isNotBlank();
    assertThat(Base64.getDecoder().decode(garbage.get("eventBase64").asText()))
        .isEqualTo(("not an event: garbage-2-" + run).getBytes(StandardCharsets.UTF_8));
    assertThat(latest(after, "good-" + run)).isNull();
  }

  @Test
  void thePipelineShowsTheWriterReadyAndItsLagFallsToZeroOnceCaughtUp() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 20; i++) {
      stack.sendUser("pipeline-" + i + "-" + run, "15551234567");
    }

    JsonNode sample = awaitWriterCaughtUp();

    assertThat(sample.get("consumerGroup").asText()).isEqualTo("shardstream-writer");
    assertThat(sample.at("/lagByTopic/" + Topics.USERS.name()).asLong()).isZero();
    assertThat(sample.at("/lagByTopic/" + Topics.EMAILS.name()).isNumber()).isTrue();
    assertThat(sample.get("writers")).hasSize(1);
    JsonNode writer = sample.get("writers").get(0);
    assertThat(writer.get("url").asText()).endsWith(":" + stack.writerPort());
    assertThat(writer.get("ready").asBoolean()).isTrue();
    assertThat(writer.at("/checks/kafka-streams/status").asText()).isEqualTo("UP");
    assertThat(sample.get("eventsPerSecond").isNumber()).isTrue();
    assertThat(sample.get("kafkaProblem").isNull()).isTrue();
  }

  @Test
  void onlyAFullAccessKeySeesDeadLettersAndThePipeline() {
    for (String path : new String[] {"/v1/dead-letters", "/v1/pipeline"}) {
      OpsStack.Reply bound = stack.get(path, OpsStack.BOUND_KEY);
      assertThat(bound.status()).isEqualTo(403);
      assertThat(bound.json().get("detail").asText()).contains("full-access API key");
      assertThat(stack.get(path, null).status()).isEqualTo(401);
      assertThat(stack.get(path, OpsStack.FULL_KEY).status()).isEqualTo(200);
    }
  }

  /** Waits until the pipeline shows the writer ready with no lag; the sample that showed it. */
  private static JsonNode awaitWriterCaughtUp() {
    ProgressWait.awaitProgress(
        "the writer is ready and has caught up",
        "the pipeline sample",
        () -> pipeline().get("totalLag").toString() + pipeline().get("writers"),
        () -> {
          JsonNode sample = pipeline();
          return sample.get("totalLag").isNumber()
              && sample.get("totalLag").asLong() == 0
              && sample.get("writers").size() == 1
              && sample.get("writers").get(0).get("ready").asBoolean();
        });
    return pipeline();
  }

  private static JsonNode latest(JsonNode deadLetters, String key) {
    return StreamSupport.stream(deadLetters.get("latest").spliterator(), false)
        .filter(letter -> key.equals(letter.path("key").asText(null)))
        .findFirst()
        .orElse(null);
  }
}
