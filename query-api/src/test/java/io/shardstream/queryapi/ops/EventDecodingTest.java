package io.shardstream.queryapi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.schemas.DeadLetterHeaders;
import io.shardstream.schemas.avro.ChangeOp;
import io.shardstream.schemas.avro.User;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventDecodingTest {
  private static final EventDecoding PLAIN =
      new EventDecoding(Optional.of(ChangeEventSerdes.plainAvro()), "users", "emails");

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
  void bytesThatAreNoEventStayBase64WithWhy() {
    byte[] garbage = {0x13, 0x37, 0x00, 0x42};

    EventDecoding.Shown shown = PLAIN.value(from("users", garbage));

    assertThat(shown.json()).isNull();
    assertThat(shown.base64()).isEqualTo(Base64.getEncoder().encodeToString(garbage));
    assertThat(shown.problem()).isNotBlank();
  }

  @Test
  void withoutARegistryEventsStayBase64AndSaySo() {
    EventDecoding none = new EventDecoding(Optional.empty(), "users", "emails");
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
