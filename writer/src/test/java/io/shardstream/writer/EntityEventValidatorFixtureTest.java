package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.model.EntityEventSchemas;
import io.shardstream.schemas.serde.ChangeEventDecoder;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.schemas.serde.DecodeResult;
import io.shardstream.writer.check.Checked;
import io.shardstream.writer.event.EntityChange;
import io.shardstream.writer.event.EntityEventValidator;
import io.shardstream.writer.item.TableItems;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/**
 * The recorded User/Email events ({@link UserEmailTableFixtureTest}'s 941 records) decoded as
 * generic records of the schemas derived from the config and checked by {@link
 * EntityEventValidator}: every record the fixture dead-letters for its bytes or its content is
 * refused with the recorded reason, every other record passes (ownership and deleted users are the
 * stages' rules, not the validator's), and each check gives the same change as the same record
 * decoded into the generated classes.
 */
class EntityEventValidatorFixtureTest {
  private static final String DIR = "io/shardstream/writer/fixture/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SKEW = Duration.ofMinutes(5);

  @Test
  void theValidatorRefusesWhatTheFixtureRefusesWithTheRecordedReasons() throws IOException {
    EntityConfig config = ConfigLoader.parse(ExampleConfigs.userEmail());
    TableItems items = new TableItems(new EntityManager(config));
    ChangeEventSerdes serdes = ChangeEventSerdes.plainAvro();
    Map<String, Intake> intakes =
        Map.of(
            "users",
            new Intake("user", items, serdes, serdes.userEvents().deserializer()),
            "emails",
            new Intake("email", items, serdes, serdes.emailEvents().deserializer()));

    Map<String, String> expected = new LinkedHashMap<>();
    for (JsonNode letter : JSON.readTree(resource("user-email-table.json")).get("deadLetters")) {
      String reason = letter.get("reason").asText();
      if (reason.startsWith("invalid:") || reason.startsWith("undecodable:")) {
        expected.put(
            letter.get("topic").asText().replace(".changes", "")
                + "@"
                + letter.get("offset").asText(),
            reason);
      }
    }

    Map<String, String> refused = new LinkedHashMap<>();
    Map<String, Integer> offsets = new HashMap<>();
    int passed = 0;
    for (String line : resource("user-email-events.jsonl").split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode record = JSON.readTree(line);
      String topic = record.get("topic").asText();
      int offset = offsets.merge(topic, 1, Integer::sum) - 1;
      String key = record.get("key").isNull() ? null : record.get("key").asText();
      byte[] value =
          record.get("value").isNull()
              ? null
              : Base64.getDecoder().decode(record.get("value").asText());
      String reason = intakes.get(topic).check(key, value, record.get("timestamp").asLong());
      if (reason == null) {
        passed++;
      } else {
        refused.put(topic + "@" + offset, reason);
      }
    }

    assertThat(refused).isEqualTo(expected);
    assertThat(passed).isGreaterThan(800);
  }

  /** One topic's decoding and validation, generic and through the generated classes. */
  private static final class Intake {
    private final EntityEventValidator validator;
    private final ChangeEventDecoder<GenericRecord> generic;
    private final Deserializer<? extends GenericRecord> generated;

    Intake(
        String entity,
        TableItems items,
        ChangeEventSerdes serdes,
        Deserializer<? extends GenericRecord> generated) {
      this.validator = new EntityEventValidator(items.entity(entity), items, SKEW);
      this.generic = serdes.genericDecoder(EntityEventSchemas.derive(items.entity(entity)));
      this.generated = generated;
    }

    /** The reason the record is refused, null when it passes. */
    String check(String key, byte[] value, long timestamp) {
      return switch (generic.decode("topic", value)) {
        case DecodeResult.Failed<GenericRecord> failed -> "undecodable:" + failed.failure().code();
        case DecodeResult.Ok<GenericRecord> ok -> {
          Checked<EntityChange> change = validator.check(key, ok.event(), timestamp);
          assertThat(change)
              .as("the same record read into the generated class")
              .isEqualTo(validator.check(key, generated.deserialize("topic", value), timestamp));
          yield change instanceof Checked.Rejected<EntityChange> rejected
              ? rejected.rejection().reason()
              : null;
        }
      };
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        EntityEventValidatorFixtureTest.class.getClassLoader().getResourceAsStream(DIR + name)) {
      assertThat(in).as("fixture " + name).isNotNull();
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
