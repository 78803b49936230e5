package io.shardstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void namesAreTheOnesOperatorsCreate() {
    assertThat(Topics.all())
        .extracting(Topic::name)
        .containsExactly(
            "users.changes", "emails.changes", "shardstream.dlq", "shardstream.applied-changes");
  }

  @Test
  void settingKeysAreTheOnesTheServicesDocument() {
    assertThat(Topics.all())
        .extracting(Topic::settingKey)
        .containsExactly(
            "topics.users", "topics.emails", "topics.dead-letters", "topics.applied-changes");
  }

  @Test
  void keysArePlainStrings() {
    try (Serde<String> keys = Topics.USERS.keySerde()) {
      assertThat(keys.serializer().serialize(Topics.USERS.name(), "u-1"))
          .isEqualTo("u-1".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void valueSerdesComeFromTheChosenFraming() {
    UserChangeEvent event = SampleEvents.userUpsert("u-1");
    try (Serde<UserChangeEvent> values = Topics.USERS.valueSerde(ChangeEventSerdes.plainAvro())) {
      byte[] bytes = values.serializer().serialize(Topics.USERS.name(), event);

      assertThat(values.deserializer().deserialize(Topics.USERS.name(), bytes)).isEqualTo(event);
    }
  }

  @Test
  void eventTopicsHaveSchemasAndDeadLettersAreRawBytes() {
    assertThat(Topics.USERS.valueSchema()).contains(UserChangeEvent.getClassSchema());
    assertThat(Topics.EMAILS.valueSchema()).isPresent();
    assertThat(Topics.DEAD_LETTERS.valueSchema()).isEmpty();
    byte[] original = {0, 1, 2};
    assertThat(
            Topics.DEAD_LETTERS
                .valueSerde(ChangeEventSerdes.plainAvro())
                .deserializer()
                .deserialize(Topics.DEAD_LETTERS.name(), original))
        .isEqualTo(original);
  }
}
