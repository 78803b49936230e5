package io.shardstream.writer;

import static io.shardstream.writer.testing.WriterDriver.bytes;
import static io.shardstream.writer.testing.WriterDriver.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.schemas.DeadLetterHeaders;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.EmailKey;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.avro.UserKey;
import io.shardstream.writer.metrics.EventOutcome;
import io.shardstream.writer.testing.Events;
import io.shardstream.writer.testing.WriterDriver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every dead-letter reason, with the record's original bytes and the reason/source headers. */
class DeadLetterTest {
  private final WriterDriver writer = new WriterDriver();

  @AfterEach
  void close() {
    writer.close();
  }

  static Stream<Arguments> invalidUsers() {
    Function<String, UserChangeEvent> valid = id -> Events.userUpsert(id, 1);
    return Stream.of(
        Arguments.of(
            "invalid:user.user:missing",
            "u-1",
            UserChangeEvent.newBuilder(valid.apply("u-1")).setUser(null).build()),
        Arguments.of(
            "invalid:user.userKey:unexpected",
            "u-1",
            UserChangeEvent.newBuilder(valid.apply("u-1"))
                .setUserKey(
                    UserKey.newBuilder()
                        .setUserId("u-1")
                        .setCreated(Instant.ofEpochMilli(Events.CREATED))
                        .build())
                .build()),
        Arguments.of(
            "invalid:user.userKey:missing",
            "u-1",
            UserChangeEvent.newBuilder(Events.userDelete("u-1", 2)).setUserKey(null).build()),
        Arguments.of(
            "invalid:user.user:unexpected",
            "u-1",
            UserChangeEvent.newBuilder(Events.userDelete("u-1", 2))
                .setUser(Events.user("u-1").build())
                .build()),
        Arguments.of("invalid:user.userId:empty", "", valid.apply("")),
        Arguments.of(
            "invalid:user.userId:empty",
            "",
            UserChangeEvent.newBuilder(Events.userDelete("", 2)).build()),
        Arguments.of(
            "invalid:user.beneficiaryId:empty",
            "u-1",
            Events.userUpsert(Events.user("u-1").setBeneficiaryId(" ").build(), 1)),
        Arguments.of(
            "invalid:user.phone:format",
            "u-1",
            Events.userUpsert(Events.user("u-1").setPhone("555-1234").build(), 1)),
        Arguments.of(
            "invalid:user.phone:format",
            "u-1",
            Events.userUpsert(Events.user("u-1").setPhone("").build(), 1)),
        Arguments.of(
            "invalid:user.created:in-future",
            "u-1",
            Events.userUpsert(
                Events.user("u-1")
                    .setCreated(Instant.ofEpochMilli(Events.NOW + 6 * 60_000))
                    .setUpdated(Instant.ofEpochMilli(Events.NOW + 6 * 60_000))
                    .build(),
                1)),
        Arguments.of(
            "invalid:user.updated:before-created",
            "u-1",
            Events.userUpsert(
                Events.user("u-1").setUpdated(Instant.ofEpochMilli(Events.CREATED - 1)).build(),
                1)),
        Arguments.of("invalid:user.key:mismatch", "u-2", valid.apply("u-1")),
        Arguments.of("invalid:user.key:mismatch", "u-2", Events.userDelete("u-1", 2)),
        Arguments.of("invalid:user.key:missing", null, valid.apply("u-1")),
        Arguments.of("invalid:user.userId:delimiter", "u,1", valid.apply("u,1")),
        Arguments.of("invalid:user.userId:delimiter", "u,1", Events.userDelete("u,1", 2)),
        Arguments.of(
            "invalid:user.beneficiaryId:delimiter",
            "u-1",
            Events.userUpsert(Events.user("u-1").setBeneficiaryId("b,1").build(), 1)),
        Arguments.of(
            "invalid:user.userId:too-long", "u".repeat(1100), valid.apply("u".repeat(1100))),
        Arguments.of(
            "invalid:user.item:too-large",
            "u-1",
            Events.userUpsert(Events.user("u-1").setLocale("x".repeat(410_000)).build(), 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUsers")
  void deadLettersInvalidUserEvents(String reason, String key, UserChangeEvent event) {
    byte[] value = writer.userBytes(event);
    writer.sendUserBytes(bytes(key), value, Events.NOW);

    TestRecord<byte[], byte[]> deadLetter = single(writer.deadLetters());
    assertDeadLetter(deadLetter, reason, WriterDriver.TOPICS.entity("user"), bytes(key), value);
    assertThat(header(deadLetter, DeadLetterHeaders.EVENT_ID))
        .isEqualTo(event.getEventId().toString());
    assertThat(writer.table().items()).isEmpty();
    assertThat(writer.metrics().deadLetters(reason)).isEqualTo(1);
    assertThat(writer.metrics().eventsTotal()).isEqualTo(1);
  }

  static Stream<Arguments> invalidEmails() {
    return Stream.of(
        Arguments.of(
            "invalid:email.email:missing",
            "a@x.io",
            EmailChangeEvent.newBuilder(Events.emailUpsert("a@x.io", "u-1", 1))
                .setEmail(null)
                .build()),
        Arguments.of(
            "invalid:email.emailKey:unexpected",
            "a@x.io",
            EmailChangeEvent.newBuilder(Events.emailUpsert("a@x.io", "u-1", 1))
                .setEmailKey(EmailKey.newBuilder().setEmail("a@x.io").build())
                .build()),
        Arguments.of(
            "invalid:email.emailKey:missing",
            "a@x.io",
            EmailChangeEvent.newBuilder(Events.emailDelete("a@x.io", 1)).setEmailKey(null).build()),
        Arguments.of("invalid:email.email:empty", "", Events.emailUpsert("", "u-1", 1)),
        Arguments.of("invalid:email.email:empty", "", Events.emailDelete("", 1)),
        Arguments.of(
            "invalid:email.email:format",
            "not-an-address",
            Events.emailUpsert("not-an-address", "u-1", 1)),
        Arguments.of(
            "invalid:email.email:format", "a b@x.io", Events.emailUpsert("a b@x.io", "u-1", 1)),
        Arguments.of("invalid:email.email:format", "a@x", Events.emailUpsert("a@x", "u-1", 1)),
        Arguments.of("invalid:email.userId:empty", "a@x.io", Events.emailUpsert("a@x.io", "", 1)),
        Arguments.of(
            "invalid:email.key:mismatch", "b@x.io", Events.emailUpsert("a@x.io", "u-1", 1)),
        Arguments.of("invalid:email.key:mismatch", "b@x.io", Events.emailDelete("a@x.io", 1)),
        Arguments.of(
            "invalid:email.created:in-future",
            "a@x.io",
            Events.emailUpsert("a@x.io", "u-1", 1, Events.NOW + 3_600_000)),
        Arguments.of(
            "invalid:email.email:delimiter", "a,b@x.io", Events.emailUpsert("a,b@x.io", "u-1", 1)),
        Arguments.of(
            "invalid:email.email:delimiter", "a,b@x.io", Events.emailDelete("a,b@x.io", 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidEmails")
  void deadLettersInvalidEmailEvents(String reason, String key, EmailChangeEvent event) {
    byte[] value = writer.emailBytes(event);
    writer.sendEmailBytes(bytes(key), value, Events.NOW);

    TestRecord<byte[], byte[]> deadLetter = single(writer.deadLetters());
    assertDeadLetter(deadLetter, reason, WriterDriver.TOPICS.entity("email"), bytes(key), value);
    assertThat(writer.table().items()).isEmpty();
    assertThat(writer.metrics().deadLetters(reason)).isEqualTo(1);
    assertThat(writer.metrics().eventsTotal()).isEqualTo(1);
  }

  @Test
  void deadLettersUndecodableRecordsOfBothTopics() {
    byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
    writer.sendUserBytes(bytes("u-1"), garbage, Events.NOW);
    writer.sendUserBytes(bytes("u-2"), null, Events.NOW + 1);
    writer.sendEmailBytes(bytes("a@x.io"), garbage, Events.NOW + 2);
    // An email event on the users topic does not read as a user event either.
    writer.sendUserBytes(
        bytes("u-3"), writer.emailBytes(Events.emailUpsert("a@x.io", "u-3", 1)), Events.NOW + 3);

    List<TestRecord<byte[], byte[]>> deadLetters = writer.deadLetters();
    assertThat(deadLetters).hasSize(4);
    assertDeadLetter(
        deadLetters.get(0), "undecodable:malformed-avro", "users.changes", bytes("u-1"), garbage);
    assertDeadLetter(
        deadLetters.get(1), "undecodable:null-value", "users.changes", bytes("u-2"), null);
    assertDeadLetter(
        deadLetters.get(2),
        "undecodable:malformed-avro",
        "emails.changes",
        bytes("a@x.io"),
        garbage);
    assertThat(header(deadLetters.get(3), DeadLetterHeaders.REASON)).startsWith("undecodable:");
    assertThat(deadLetters)
        .allSatisfy(record -> assertThat(header(record, DeadLetterHeaders.EVENT_ID)).isNull());
    assertThat(writer.metrics().events(EventOutcome.DEAD_LETTERED)).isEqualTo(4);
  }

  @Test
  void keepsTheSourceHeadersAndReplacesOldDeadLetterHeaders() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("traceparent", bytes("00-abc-def-01"));
    headers.add(DeadLetterHeaders.REASON, bytes("an earlier reason"));
    writer.sendUserBytes(
        bytes("u-1"),
        writer.userBytes(Events.userUpsert(Events.user("u-1").setPhone("x").build(), 1)),
        Events.NOW,
        headers);

    TestRecord<byte[], byte[]> deadLetter = single(writer.deadLetters());
    assertThat(header(deadLetter, "traceparent")).isEqualTo("00-abc-def-01");
    assertThat(deadLetter.headers().headers(DeadLetterHeaders.REASON)).hasSize(1);
    assertThat(header(deadLetter, DeadLetterHeaders.REASON)).isEqualTo("invalid:user.phone:format");
  }

  @Test
  void acceptsACreationTimeWithinTheSkew() {
    long created = Events.NOW + 60_000;
    writer.send(
        Events.userUpsert(
            Events.user("u-1")
                .setCreated(Instant.ofEpochMilli(created))
                .setUpdated(Instant.ofEpochMilli(created))
                .build(),
            1));

    assertThat(writer.deadLetters()).isEmpty();
    assertThat(writer.userItem("u-1")).containsEntry("created", created);
  }

  @Test
  void theStreamGoesOnAfterADeadLetter() {
    writer.sendUserBytes(bytes("u-1"), new byte[] {1, 2, 3}, Events.NOW);
    writer.send(Events.userUpsert("u-2", 1));

    assertThat(writer.deadLetters()).hasSize(1);
    assertThat(writer.userItem("u-2")).isNotNull();
    assertThat(writer.metrics().events(EventOutcome.APPLIED)).isEqualTo(1);
  }

  static void assertDeadLetter(
      TestRecord<byte[], byte[]> record, String reason, String topic, byte[] key, byte[] value) {
    assertThat(header(record, DeadLetterHeaders.REASON)).isEqualTo(reason);
    assertThat(header(record, DeadLetterHeaders.DETAIL)).isNotBlank();
    assertThat(header(record, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(topic);
    assertThat(header(record, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(record, DeadLetterHeaders.SOURCE_OFFSET)).matches("\\d+");
    assertThat(header(record, DeadLetterHeaders.SOURCE_TIMESTAMP))
        .isEqualTo(Long.toString(record.timestamp()));
    assertThat(record.key()).isEqualTo(key);
    assertThat(record.value()).isEqualTo(value);
  }

  static TestRecord<byte[], byte[]> single(List<TestRecord<byte[], byte[]>> records) {
    assertThat(records).hasSize(1);
    return records.get(0);
  }
}
