package io.shardstream.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.RejectedInput;
import io.shardstream.schemas.DeadLetterHeaders;
import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

class StreamRecordMapperTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
  private final StreamRecordMapper users =
      new StreamRecordMapper(SourceMapping.of("users-src", SourceEntity.USER), CLOCK);

  @Test
  void insertBecomesAnUpsertWithTheNewImagesStateAndVersion() {
    UserChangeEvent event =
        user(users.map(StreamRecords.insert("100", SourceTables.user("u-1", 3, "José"))));

    assertThat(event.getOp()).isEqualTo(ChangeOp.UPSERT);
    assertThat(event.getVersion()).isEqualTo(3);
    assertThat(event.getSource()).isEqualTo("ddb-stream:users-src");
    assertThat(event.getOccurredAt()).isEqualTo(StreamRecords.CHANGED_AT);
    assertThat(event.getUser().getUserId()).isEqualTo("u-1");
    assertThat(event.getUser().getFirstName()).isEqualTo("José");
    assertThat(event.getUser().getCreated()).isEqualTo(Instant.ofEpochMilli(SourceTables.CREATED));
    assertThat(event.getUser().getUpdated())
        .isEqualTo(Instant.ofEpochMilli(SourceTables.CREATED + 3000));
    assertThat(event.getUser().getLocale()).isNull(); // absent attribute, optional field
  }

  @Test
  void modifyBecomesAnUpsertOfTheNewImage() {
    Record record =
        StreamRecords.modify(
            "101", SourceTables.user("u-1", 1, "Ana"), SourceTables.user("u-1", 2, "Ana María"));

    UserChangeEvent event = user(users.map(record));

    assertThat(event.getOp()).isEqualTo(ChangeOp.UPSERT);
    assertThat(event.getVersion()).isEqualTo(2);
    assertThat(event.getUser().getFirstName()).isEqualTo("Ana María");
  }

  @Test
  void removeBecomesADeleteOfTheOldImagesKeyOneVersionLater() {
    UserChangeEvent event =
        user(users.map(StreamRecords.remove("102", SourceTables.user("u-1", 7, "Ana"))));

    assertThat(event.getOp()).isEqualTo(ChangeOp.DELETE);
    assertThat(event.getVersion()).isEqualTo(8);
    assertThat(event.getUser()).isNull();
    assertThat(event.getUserKey().getUserId()).isEqualTo("u-1");
    assertThat(event.getUserKey().getCreated())
        .isEqualTo(Instant.ofEpochMilli(SourceTables.CREATED));
  }

  @Test
  void theSameRecordAlwaysGetsTheSameEventIdAndDifferentRecordsDifferentOnes() {
    Record record = StreamRecords.insert("100", SourceTables.user("u-1", 1, "Ana"));

    assertThat(user(users.map(record)).getEventId())
        .isEqualTo(user(users.map(record)).getEventId());
    assertThat(
            user(users.map(StreamRecords.insert("200", SourceTables.user("u-1", 1, "Ana"))))
                .getEventId())
        .isNotEqualTo(user(users.map(record)).getEventId());
  }

  @Test
  void timestampsAndVersionsMayBeIsoStrings() {
    Map<String, AttributeValue> item = SourceTables.user("u-1", 1, "Ana");
    item.put("created", AttributeValue.fromS("2025-03-01T10:15:30.123Z"));
    item.put("updated", AttributeValue.fromS("2025-06-02T08:00:00.456+02:00"));
    StreamRecordMapper byUpdated =
        new StreamRecordMapper(
            SourceMapping.of("users-src", SourceEntity.USER).withVersionAttribute("updated"),
            CLOCK);

    UserChangeEvent event = user(byUpdated.map(StreamRecords.insert("100", item)));

    assertThat(event.getUser().getCreated()).isEqualTo(Instant.parse("2025-03-01T10:15:30.123Z"));
    assertThat(event.getVersion())
        .isEqualTo(Instant.parse("2025-06-02T06:00:00.456Z").toEpochMilli());
  }

  @Test
  void aNumberVersionAttributeLikeUpdatedWorksToo() {
    StreamRecordMapper byUpdated =
        new StreamRecordMapper(
            SourceMapping.of("users-src", SourceEntity.USER).withVersionAttribute("updated"),
            CLOCK);

    assertThat(
            user(byUpdated.map(StreamRecords.insert("100", SourceTables.user("u-1", 4, "Ana"))))
                .getVersion())
        .isEqualTo(SourceTables.CREATED + 4000);
  }

  @Test
  void missingVersionAttributeIsRejectedWithAClearReason() {
    Map<String, AttributeValue> item = SourceTables.user("u-1", 1, "Ana");
    item.remove("version");

    assertThat(rejection(users.map(StreamRecords.insert("100", item))))
        .isEqualTo(
            "table users-src, INSERT seq 100 key {userId=u-1}: missing version attribute 'version'"
                + " in the new image");
    assertThat(rejection(users.map(StreamRecords.remove("101", item))))
        .endsWith("missing version attribute 'version' in the old image");
  }

  @Test
  void fractionalOrTextualVersionsAreRejected() {
    Map<String, AttributeValue> item = SourceTables.user("u-1", 1, "Ana");
    item.put("version", AttributeValue.fromN("1.5"));
    assertThat(rejection(users.map(StreamRecords.insert("100", item))))
        .endsWith("version attribute 'version' must be a whole number (64-bit), got 1.5");

    item.put("version", AttributeValue.fromS("three"));
    assertThat(rejection(users.map(StreamRecords.insert("100", item))))
        .endsWith(
            "version attribute 'version' must be a number or an ISO-8601 instant, got \"three\"");
  }

  @Test
  void wrongAttributeTypesAreNamedByTheImportParsersRules() {
    Map<String, AttributeValue> item = SourceTables.user("u-1", 1, "Ana");
    item.put("firstName", AttributeValue.fromN("7"));
    item.put("created", AttributeValue.fromN("1740824130123.5"));
    item.remove("lastName");

    String reason = rejection(users.map(StreamRecords.insert("100", item)));

    assertThat(reason)
        .contains("\"user.firstName\" must be a string, got a number 7")
        .contains("missing \"user.lastName\"")
        .contains("\"user.created\" must be an ISO-8601 instant or epoch milliseconds");
  }

  @Test
  void semanticallyInvalidValuesStillBecomeEventsForTheWriterToDeadLetter() {
    Map<String, AttributeValue> item = SourceTables.user("", 1, "Ana");
    item.put("phone", AttributeValue.fromS("555-CALL-ME"));

    UserChangeEvent event = user(users.map(StreamRecords.insert("100", item)));

    assertThat(event.getUser().getUserId()).isEmpty();
    assertThat(event.getUser().getPhone()).isEqualTo("555-CALL-ME");
  }

  @Test
  void recordsWithoutTheImagesTheyNeedAreRejected() {
    Map<String, AttributeValue> key = Map.of("userId", AttributeValue.fromS("u-1"));
    Record keysOnlyInsert =
        Record.builder()
            .eventID("e1")
            .eventName(OperationType.INSERT)
            .dynamodb(d -> d.sequenceNumber("100").keys(key))
            .build();
    Record keysOnlyRemove =
        Record.builder()
            .eventID("e2")
            .eventName(OperationType.REMOVE)
            .dynamodb(d -> d.sequenceNumber("101").keys(key))
            .build();

    assertThat(rejection(users.map(keysOnlyInsert)))
        .isEqualTo(
            "table users-src, INSERT seq 100 key {userId=u-1}: no new image: the stream's view type"
                + " must be NEW_AND_OLD_IMAGES");
    assertThat(rejection(users.map(keysOnlyRemove)))
        .contains("no old image: the stream's view type must be NEW_AND_OLD_IMAGES");
  }

  @Test
  void emailsMapTheirOwnFieldsAndRenamedAttributes() {
    StreamRecordMapper emails =
        new StreamRecordMapper(
            SourceMapping.of("emails-src", SourceEntity.EMAIL)
                .withAttributeNames(Map.of("email", "address")),
            CLOCK);
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("address", AttributeValue.fromS("ana@example.com"));
    item.put("userId", AttributeValue.fromS("u-1"));
    item.put("created", AttributeValue.fromN("1740824130123"));
    item.put("version", AttributeValue.fromN("2"));

    EmailChangeEvent upsert = email(emails.map(StreamRecords.insert("100", item)));
    EmailChangeEvent delete = email(emails.map(StreamRecords.remove("101", item)));

    assertThat(upsert.getEmail().getEmail()).isEqualTo("ana@example.com");
    assertThat(upsert.getVersion()).isEqualTo(2);
    assertThat(delete.getOp()).isEqualTo(ChangeOp.DELETE);
    assertThat(delete.getEmailKey().getEmail()).isEqualTo("ana@example.com");
    assertThat(delete.getVersion()).isEqualTo(3);

    item.remove("address");
    assertThat(rejection(emails.map(StreamRecords.insert("102", item))))
        .contains("missing \"email.email\" (attribute 'address')");
  }

  @Test
  void everyRejectionCarriesAStableCode() {
    Map<String, AttributeValue> noVersion = SourceTables.user("u-1", 1, "Ana");
    noVersion.remove("version");
    Map<String, AttributeValue> fractional = SourceTables.user("u-1", 1, "Ana");
    fractional.put("version", AttributeValue.fromN("1.5"));
    Map<String, AttributeValue> boolVersion = SourceTables.user("u-1", 1, "Ana");
    boolVersion.put("version", AttributeValue.fromBool(true));
    Map<String, AttributeValue> lastVersion = SourceTables.user("u-1", Long.MAX_VALUE, "Ana");
    Map<String, AttributeValue> numberName = SourceTables.user("u-1", 1, "Ana");
    numberName.put("firstName", AttributeValue.fromN("7"));
    Map<String, AttributeValue> key = Map.of("userId", AttributeValue.fromS("u-1"));

    assertThat(code(StreamRecords.insert("1", noVersion))).isEqualTo("stream:missing-version");
    assertThat(code(StreamRecords.remove("2", noVersion))).isEqualTo("stream:missing-version");
    assertThat(code(StreamRecords.insert("3", fractional))).isEqualTo("stream:bad-version");
    assertThat(code(StreamRecords.insert("4", boolVersion))).isEqualTo("stream:bad-version");
    assertThat(code(StreamRecords.remove("5", lastVersion))).isEqualTo("stream:bad-version");
    assertThat(code(StreamRecords.insert("6", numberName))).isEqualTo("stream:invalid-field");
    assertThat(
            code(
                Record.builder()
                    .eventID("e7")
                    .eventName(OperationType.INSERT)
                    .dynamodb(d -> d.sequenceNumber("7").keys(key))
                    .build()))
        .isEqualTo("stream:no-new-image");
    assertThat(
            code(
                Record.builder()
                    .eventID("e8")
                    .eventName(OperationType.REMOVE)
                    .dynamodb(d -> d.sequenceNumber("8").keys(key))
                    .build()))
        .isEqualTo("stream:no-old-image");
    assertThat(code(Record.builder().eventID("e9").eventName(OperationType.INSERT).build()))
        .isEqualTo("stream:no-change");
    assertThat(
            code(
                Record.builder()
                    .eventID("e10")
                    .eventName("TRUNCATE")
                    .dynamodb(d -> d.sequenceNumber("10").keys(key))
                    .build()))
        .isEqualTo("stream:unknown-event");
  }

  @Test
  void aRejectedRecordIsKeptWholeAsJsonInItsDeadLetter() throws Exception {
    Map<String, AttributeValue> oldItem = SourceTables.user("u-1", 1, "Ana");
    Map<String, AttributeValue> newItem = SourceTables.user("u-1", 2, "Ana María");
    newItem.remove("version");
    newItem.put("avatar", AttributeValue.fromB(SdkBytes.fromUtf8String("png")));
    newItem.put("tags", AttributeValue.fromSs(List.of("a", "b")));

    MappedChange.Rejected rejected =
        rejected(users.map(StreamRecords.modify("4100", oldItem, newItem)));
    RejectedInput letter = rejected.toDeadLetter();

    assertThat(rejected.code()).isEqualTo(RejectionCode.MISSING_VERSION);
    assertThat(rejected.table()).isEqualTo("users-src");
    JsonNode value = JSON.readTree(letter.value());
    assertThat(value)
        .isEqualTo(JSON.readTree(rejected.record().toString())); // as kept, binary as base64
    assertThat(value.properties())
        .extracting(Map.Entry::getKey)
        .containsExactly(
            "eventID",
            "eventName",
            "sequenceNumber",
            "approximateCreationDateTime",
            "keys",
            "newImage",
            "oldImage");
    assertThat(value.get("eventID").asText()).isEqualTo("ev-4100");
    assertThat(value.get("eventName").asText()).isEqualTo("MODIFY");
    assertThat(value.get("sequenceNumber").asText()).isEqualTo("4100");
    assertThat(value.get("approximateCreationDateTime").asText())
        .isEqualTo(StreamRecords.CHANGED_AT.toString());
    assertThat(value.get("keys")).isEqualTo(JSON.readTree("{\"userId\":\"u-1\"}"));
    assertThat(value.get("newImage").get("firstName").asText()).isEqualTo("Ana María");
    assertThat(value.get("newImage").get("created").isIntegralNumber()).isTrue();
    assertThat(value.get("newImage").get("created").asLong()).isEqualTo(SourceTables.CREATED);
    assertThat(value.get("newImage").get("avatar").asText()).isEqualTo("cG5n"); // base64 of "png"
    assertThat(value.get("newImage").get("tags")).isEqualTo(JSON.readTree("[\"a\",\"b\"]"));
    assertThat(value.get("newImage").has("version")).isFalse();
    assertThat(value.get("oldImage").get("version").asLong()).isEqualTo(1);

    assertThat(letter.reason()).isEqualTo("stream:missing-version");
    assertThat(letter.detail())
        .isEqualTo(
            "table users-src, MODIFY seq 4100 key {userId=u-1}: missing version attribute 'version'"
                + " in the new image");
    assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("{\"userId\":\"u-1\"}");
    assertThat(letter.sourceHeaders())
        .containsOnly(
            Map.entry(DeadLetterHeaders.SOURCE_TABLE, "users-src"),
            Map.entry(DeadLetterHeaders.SOURCE_SEQUENCE_NUMBER, "4100"),
            Map.entry(DeadLetterHeaders.SOURCE_EVENT_NAME, "MODIFY"));
  }

  @Test
  void aRecordWithoutAChangeStillBecomesADeadLetter() throws Exception {
    RejectedInput letter =
        rejected(users.map(Record.builder().eventID("e1").eventName(OperationType.INSERT).build()))
            .toDeadLetter();

    assertThat(letter.key()).isNull();
    assertThat(JSON.readTree(letter.value()))
        .isEqualTo(JSON.readTree("{\"eventID\":\"e1\",\"eventName\":\"INSERT\"}"));
    assertThat(letter.sourceHeaders())
        .containsOnly(
            Map.entry(DeadLetterHeaders.SOURCE_TABLE, "users-src"),
            Map.entry(DeadLetterHeaders.SOURCE_EVENT_NAME, "INSERT"));
  }

  private String code(Record record) {
    return rejected(users.map(record)).code().code();
  }

  private static UserChangeEvent user(MappedChange change) {
    assertThat(change).isInstanceOf(MappedChange.Event.class);
    return ((ChangeRecord.UserEventRecord) ((MappedChange.Event) change).record()).event();
  }

  private static EmailChangeEvent email(MappedChange change) {
    assertThat(change).isInstanceOf(MappedChange.Event.class);
    return ((ChangeRecord.EmailEventRecord) ((MappedChange.Event) change).record()).event();
  }

  private static String rejection(MappedChange change) {
    return rejected(change).detail();
  }

  private static MappedChange.Rejected rejected(MappedChange change) {
    assertThat(change).isInstanceOf(MappedChange.Rejected.class);
    return (MappedChange.Rejected) change;
  }
}
