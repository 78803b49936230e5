package io.shardstream.queryapi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.schemas.DeadLetterHeaders;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.User;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.model.EntityEventSchemas;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventDecodingTest {
  private static final EntityConfig USER_EMAIL = ConfigLoader.parse(ExampleConfigs.userEmail());
  private static final Map<String, String> TOPICS = Map.of("user", "users", "email", "emails");
  private static final EventDecoding PLAIN =
      new EventDecoding(
          Optional.of(ChangeEventSerdes.plainAvro()),
          TOPICS,
          EntityEventSchemas.derive(USER_EMAIL));

  private static DeadLetter from(String topic, byte[] value) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.REASON, "r".getBytes(StandardCharsets.UTF_8));
    if (topic != null) {
      headers.add(DeadLetterHeaders.SOURCE_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
    }
    return DeadLetter.of(0, 0, 0, headers, "k".getBytes(StandardCharsets.UTF_8), value);
  }

  private static UserChangeEvent event() {
    Instant at = Instant.parse("2025-06-02T08:00:00.456Z");
    return UserChangeEvent.newBuilder()
        .setEventId(UUID.fromString("6f1c1f0e-8a34-4c1e-9a57-0c0d5d1e2f3a"))
        .setOp(ChangeOp.UPSERT)
        .setVersion(at.toEpochMilli())
        .setOccurredAt(at)
        .setSource("user-service")
        .setUser(
            User.newBuilder()
                .setUserId("u-1")
                .setBeneficiaryId("b-1")
                .setFirstName("Ana")
                .setLastName("Gómez")
                .setCreated(at)
                .setUpdated(at)
                .build())
        .build();
  }

  @Test
  void anEventOfASourceTopicDecodesToItsJsonForm() {
    byte[] bytes =
        ChangeEventSerdes.plainAvro().userEvents().serializer().serialize("users", event());

    EventDecoding.Shown shown = PLAIN.value(from("users", bytes));

    assertThat(shown.problem()).isNull();
    assertThat(shown.base64()).isNull();
    assertThat(shown.json().at("/user/userId").asText()).isEqualTo("u-1");
    assertThat(shown.json().at("/user/lastName").asText()).isEqualTo("Gómez");
    assertThat(shown.json().at("/op").asText()).isEqualTo("UPSERT");
  }

  @Test
  void anEventOfAnyEntityDecodesThroughItsDerivedSchema() {
    EntityConfig person = ConfigLoader.parse(ExampleConfigs.person());
    Schema schema = EntityEventSchemas.derive(person).get("address");
    GenericRecord address =
        new GenericData.Record(schema.getField("address").schema().getTypes().get(1));
    address.put("id", "a-1");
    address.put("personId", "p-1");
    address.put("personCreatedAt", Instant.parse("2025-06-02T08:00:00Z"));
    address.put("type", "home");
    address.put("street", "Calle Mayor 5");
    address.put("city", "Madrid");
    address.put("country", "ES");
    address.put("isPrimary", true);
    GenericRecord event = new GenericData.Record(schema);
    event.put("eventId", UUID.fromString("6f1c1f0e-8a34-4c1e-9a57-0c0d5d1e2f3a"));
    event.put("op", new GenericData.EnumSymbol(schema.getField("op").schema(), "UPSERT"));
    event.put("version", 1L);
    event.put("occurredAt", Instant.parse("2025-06-02T08:00:00Z"));
    event.put("source", "person-service");
    event.put("address", address);
    byte[] bytes = plainAvro(schema, event);
    EventDecoding decoding =
        new EventDecoding(
            Optional.of(ChangeEventSerdes.plainAvro()),
            Map.of("address", "addresses.changes"),
            EntityEventSchemas.derive(person));

    EventDecoding.Shown shown = decoding.value(from("addresses.changes", bytes));

    assertThat(shown.problem()).isNull();
    assertThat(shown.json().at("/address/street").asText()).isEqualTo("Calle Mayor 5");
    assertThat(shown.json().at("/address/personId").asText()).isEqualTo("p-1");
  }

  private static byte[] plainAvro(Schema schema, GenericRecord event) {
    GenericData data = new GenericData();
    data.addLogicalTypeConversion(new Conversions.UUIDConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      new GenericDatumWriter<GenericRecord>(schema, data).write(event, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Test
  void bytesThatAreNoEventStayBase64WithWhy() {
    byte[] garbage = {0x13, 0x37, 0x00, 0x42};

    EventDecoding.Shown shown = PLAIN.value(from("users", garbage));

    assertThat(shown.json()).isNull();
    assertThat(shown.base64()).isEqualTo(Base64.getEncoder().encodeToString(garbage));
    assertThat(shown.problem()).isNotBlank();
  }

  @Test
  void withoutARegistryEventsStayBase64AndSaySo() {
    EventDecoding none =
        new EventDecoding(Optional.empty(), TOPICS, EntityEventSchemas.derive(USER_EMAIL));
    byte[] bytes =
        ChangeEventSerdes.plainAvro().userEvents().serializer().serialize("users", event());

    EventDecoding.Shown shown = none.value(from("users", bytes));

    assertThat(shown.base64()).isEqualTo(Base64.getEncoder().encodeToString(bytes));
    assertThat(shown.problem()).contains("registry.url");
  }

  @Test
  void aJsonValueIsShownAsJson() {
    // The DynamoDB Streams source dead-letters the stream record as JSON.
    byte[] json = "{\"eventName\":\"INSERT\",\"keys\":{\"userId\":\"u-9\"}}".getBytes();

    EventDecoding.Shown shown = PLAIN.value(from(null, json));

    assertThat(shown.json().at("/keys/userId").asText()).isEqualTo("u-9");
  }

  @Test
  void aKeyIsTextWhenItIsUtf8ElseBase64() {
    assertThat(EventDecoding.key("u-1".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Map.entry("u-1", false));
    assertThat(EventDecoding.key(new byte[] {(byte) 0xff, 0x01}))
        .isEqualTo(Map.entry("/wE=", true));
    assertThat(EventDecoding.key(null)).isNull();
  }
}
