package io.shardstream.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.ingest.ChangeRecord;
import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.Email;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.EmailKey;
import io.shardstream.schemas.avro.User;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.avro.UserKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventLineParserTest {
  private static final Instant IMPORTED_AT = Instant.parse("2026-11-20T12:00:00Z");
  private final EventLineParser parser = new EventLineParser(IMPORTED_AT, "file");

  @Test
  void readsAUserUpsertWithEveryField() {
    String line =
        """
        {"type":"user","op":"UPSERT","version":3,"eventId":"6f1c1f0e-8a34-4c1e-9a57-0c0d5d1e2f3a",\
        "occurredAt":"2025-06-02T08:00:00.456Z","source":"crm-export","user":{"userId":"u-1","beneficiaryId":"b-42",\
        "firstName":"José","lastName":"Gómez-Juárez","phone":"15551234567","created":"2025-03-01T10:15:30.123Z",\
        "updated":"2025-06-02T08:00:00.456Z","locale":"es-MX"}}""";

    assertThat(parser.parse(line))
        .isEqualTo(
            new ParsedLine.Event(
                ChangeRecord.of(
                    UserChangeEvent.newBuilder()
                        .setEventId(UUID.fromString("6f1c1f0e-8a34-4c1e-9a57-0c0d5d1e2f3a"))
                        .setOp(ChangeOp.UPSERT)
                        .setVersion(3)
                        .setOccurredAt(Instant.parse("2025-06-02T08:00:00.456Z"))
                        .setSource("crm-export")
                        .setUser(
                            new User(
                                "u-1",
                                "b-42",
                                "José",
                                "Gómez-Juárez",
                                "15551234567",
                                Instant.parse("2025-03-01T10:15:30.123Z"),
                                Instant.parse("2025-06-02T08:00:00.456Z"),
                                "es-MX"))
                        .build())));
  }

  @Test
  void fillsInOptionalEnvelopeFields() {
    String line =
        "{\"type\":\"user\",\"op\":\"UPSERT\",\"version\":1,\"user\":{\"userId\":\"u-1\",\"beneficiaryId\":\"b-1\","
            + "\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"created\":1700000000000,\"updated\":\"2023-11-15T00:00:00+01:00\"}}";

    UserChangeEvent event = userEvent(parser.parse(line));

    assertThat(event.getEventId())
        .as("name-based: the same line gives the same id on every import")
        .isEqualTo(UUID.nameUUIDFromBytes(line.getBytes(StandardCharsets.UTF_8)));
    assertThat(event.getSource()).isEqualTo("file");
    assertThat(event.getOccurredAt())
        .as("an upsert happened when the user was updated")
        .isEqualTo(Instant.parse("2023-11-14T23:00:00Z"));
    assertThat(event.getUser().getCreated()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(event.getUser().getPhone()).isNull();
    assertThat(event.getUser().getLocale()).isNull();
  }

  @Test
  void readsDeletesAndEmails() {
    assertThat(
            userEvent(
                parser.parse(
                    "{\"type\":\"user\",\"op\":\"DELETE\",\"version\":4,"
                        + "\"userKey\":{\"userId\":\"u-1\",\"created\":\"2025-03-01T10:15:30.123Z\"}}")))
        .satisfies(
            event -> {
              assertThat(event.getUserKey())
                  .isEqualTo(new UserKey("u-1", Instant.parse("2025-03-01T10:15:30.123Z")));
              assertThat(event.getUser()).isNull();
              assertThat(event.getOccurredAt()).isEqualTo(IMPORTED_AT);
            });
    assertThat(
            emailEvent(
                parser.parse(
                    "{\"type\":\"email\",\"op\":\"UPSERT\",\"version\":1,"
                        + "\"email\":{\"email\":\"ada@example.com\",\"userId\":\"u-1\",\"created\":\"2025-03-01T10:15:30.123Z\"}}")))
        .satisfies(
            event -> {
              assertThat(event.getEmail())
                  .isEqualTo(
                      new Email(
                          "ada@example.com", "u-1", Instant.parse("2025-03-01T10:15:30.123Z")));
              assertThat(event.getOccurredAt())
                  .isEqualTo(Instant.parse("2025-03-01T10:15:30.123Z"));
            });
    assertThat(
            emailEvent(
                    parser.parse(
                        "{\"type\":\"email\",\"op\":\"DELETE\",\"version\":2,\"emailKey\":{\"email\":\"ada@example.com\"}}"))
                .getEmailKey())
        .isEqualTo(new EmailKey("ada@example.com"));
  }

  @Test
  void leavesSemanticRulesToTheWriter() {
    String line =
        "{\"type\":\"user\",\"op\":\"UPSERT\",\"version\":-1,\"user\":{\"userId\":\"\",\"beneficiaryId\":\"b|1\","
            + "\"firstName\":\"\",\"lastName\":\"\",\"phone\":\"CALL-NOW\",\"created\":\"2099-01-01T00:00:00Z\",\"updated\":0}}";

    assertThat(parser.parse(line)).isInstanceOf(ParsedLine.Event.class);
  }

  @Test
  void blankLinesAreNotEvents() {
    assertThat(parser.parse("   \t")).isEqualTo(ParsedLine.BLANK);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      not JSON                 | {"type":"user",                                                     | not valid JSON
      trailing text            | {"type":"user"} x                                                   | not valid JSON
      not an object            | [1,2]                                                               | a line must hold one JSON object, got an array
      duplicate field          | {"type":"user","type":"email"}                                      | Duplicate field 'type'
      unknown type             | {"type":"person","op":"UPSERT","version":1}                         | "type" must be "user" or "email", got "person"
      unknown op               | {"type":"user","op":"MERGE","version":1,"user":{}}                  | "op" must be "UPSERT" or "DELETE", got "MERGE"
      version is text          | {"type":"email","op":"DELETE","version":"2","emailKey":{"email":"a@b.c"}}   | "version" must be a whole number (64-bit), got a string "2"
      version has a fraction   | {"type":"email","op":"DELETE","version":2.5,"emailKey":{"email":"a@b.c"}}   | "version" must be a whole number (64-bit), got a number 2.5
      version too big          | {"type":"email","op":"DELETE","version":99999999999999999999,"emailKey":{"email":"a@b.c"}} | "version" must be a whole number (64-bit)
      missing version          | {"type":"email","op":"DELETE","emailKey":{"email":"a@b.c"}}         | missing "version"
      upsert with a key        | {"type":"email","op":"UPSERT","version":1,"emailKey":{"email":"a@b.c"}}     | "emailKey" does not belong in UPSERT (it carries "email"); missing "email"
      delete with a state      | {"type":"user","op":"DELETE","version":1,"user":{"userId":"u"}}     | "user" does not belong in DELETE (it carries "userKey"); missing "userKey"
      payload not an object    | {"type":"email","op":"DELETE","version":1,"emailKey":"a@b.c"}       | "emailKey" must be an object, got a string "a@b.c"
      unknown field            | {"type":"email","op":"DELETE","version":1,"emailKey":{"email":"a@b.c"},"emial":1} | unknown field "emial"
      unknown nested field     | {"type":"email","op":"DELETE","version":1,"emailKey":{"email":"a@b.c","created":1}} | unknown field "emailKey.created" (expected email)
      other entity's payload   | {"type":"user","op":"DELETE","version":1,"emailKey":{"email":"a@b.c"}}      | unknown field "emailKey"
      bad eventId              | {"type":"email","op":"DELETE","version":1,"eventId":"1-1-1-1-1","emailKey":{"email":"a@b.c"}} | "eventId" must be a UUID
      bad timestamp            | {"type":"user","op":"DELETE","version":1,"userKey":{"userId":"u","created":"yesterday"}} | "userKey.created" must be an ISO-8601 instant such as 2025-03-01T10:15:30.123Z, got a string "yesterday"
      date without time        | {"type":"user","op":"DELETE","version":1,"userKey":{"userId":"u","created":"2025-01-01"}} | "userKey.created" must be an ISO-8601 instant
      timestamp is a boolean   | {"type":"user","op":"DELETE","version":1,"userKey":{"userId":"u","created":true}} | "userKey.created" must be an ISO-8601 instant or epoch milliseconds, got a boolean true
      id is a number           | {"type":"user","op":"DELETE","version":1,"userKey":{"userId":7,"created":0}} | "userKey.userId" must be a string, got a number 7
      required field is null   | {"type":"email","op":"DELETE","version":1,"emailKey":{"email":null}} | missing "emailKey.email"
      """)
  void reportsWhatIsWrong(String name, String line, String reason) {
    assertThat(parser.parse(line))
        .isInstanceOfSatisfying(
            ParsedLine.Invalid.class, invalid -> assertThat(invalid.reason()).contains(reason));
  }

  @Test
  void reportsEveryProblemOfALineAtOnce() {
    String line =
        "{\"type\":\"user\",\"op\":\"UPSERT\",\"user\":{\"userId\":\"u-1\",\"firstName\":3,"
            + "\"lastName\":\"L\",\"created\":\"soon\",\"updated\":0,\"nickname\":\"x\"}}";

    assertThat(parser.parse(line))
        .isInstanceOfSatisfying(
            ParsedLine.Invalid.class,
            invalid ->
                assertThat(invalid.reason().split("; "))
                    .containsExactlyInAnyOrder(
                        "missing \"version\"",
                        "unknown field \"user.nickname\" (expected beneficiaryId, created, firstName, lastName, locale, phone, updated, userId)",
                        "missing \"user.beneficiaryId\"",
                        "\"user.firstName\" must be a string, got a number 3",
                        "\"user.created\" must be an ISO-8601 instant such as 2025-03-01T10:15:30.123Z, got a string \"soon\""));
  }

  private static UserChangeEvent userEvent(ParsedLine parsed) {
    assertThat(parsed).isInstanceOf(ParsedLine.Event.class);
    return ((ChangeRecord.UserEventRecord) ((ParsedLine.Event) parsed).record()).event();
  }

  private static EmailChangeEvent emailEvent(ParsedLine parsed) {
    assertThat(parsed).isInstanceOf(ParsedLine.Event.class);
    return ((ChangeRecord.EmailEventRecord) ((ParsedLine.Event) parsed).record()).event();
  }
}
