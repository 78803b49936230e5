package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.schemas.DeadLetterHeaders;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.writer.testing.Planned;
import io.shardstream.writer.testing.Scenario;
import io.shardstream.writer.testing.ScenarioGenerator;
import io.shardstream.writer.testing.WriterDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The User/Email guard for the generic writer: a recorded event sequence (every kind of record the
 * scenario generator makes, invalid ones included) replayed through the writer's topology must give
 * the recorded table, byte for byte: every item with every attribute and its DynamoDB type, and
 * every dead letter with its reason. The events are recorded too (topic, key, value bytes), so the
 * fixture does not depend on the generator staying as it is.
 *
 * <p>Recording is deliberate, never automatic: {@code -Dshardstream.fixture.record=true} rewrites
 * both files under {@code src/test/resources} from the generator and today's topology (run from the
 * {@code writer} module directory, as Maven does). A change that alters the table on purpose
 * re-records and says why in its commit; any other difference is a regression.
 */
class UserEmailTableFixtureTest {
  private static final String DIR = "io/shardstream/writer/fixture/";
  private static final String EVENTS = DIR + "user-email-events.jsonl";
  private static final String TABLE = DIR + "user-email-table.json";
  private static final long SEED = 20_251_206L;
  private static final int USERS = 120;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final ObjectMapper LINES = new ObjectMapper();

  @Test
  void theRecordedEventsGiveTheRecordedTableByteForByte() throws IOException {
    if (Boolean.getBoolean("shardstream.fixture.record")) {
      record();
    }
    List<RecordedEvent> events = readEvents(resource(EVENTS));
    String expected = resource(TABLE);

    String actual = run(events);

    if (!actual.equals(expected)) {
      Path written = Path.of("target", "user-email-table.actual.json");
      Files.createDirectories(written.getParent());
      Files.writeString(written, actual, StandardCharsets.UTF_8);
      fail(firstDifference(expected, actual) + " (whole table written to " + written + ")");
    }
  }

  @Test
  void theFixtureCoversEveryKindOfItemAndDeadLetter() throws IOException {
    JsonNode table = JSON.readTree(resource(TABLE));

    assertThat(table.get("items").size()).isGreaterThan(100);
    assertThat(table.get("items").toString())
        .contains("\"firstNameCanonical\"", "\"email\"", "\"phone\"", "\"locale\"");
    List<String> reasons = new ArrayList<>();
    table.get("deadLetters").forEach(letter -> reasons.add(letter.get("reason").asText()));
    assertThat(reasons)
        .contains("email-owned-by-other-user", "user-deleted", "undecodable:malformed-avro");
  }

  /** The events through the topology; the table and the dead letters as canonical JSON. */
  private static String run(List<RecordedEvent> events) {
    // A small sink buffer, as in ScenarioTest, so that sinks also write between commits.
    try (WriterDriver writer = new WriterDriver(7)) {
      for (RecordedEvent event : events) {
        byte[] key = WriterDriver.bytes(event.key());
        if (event.topic().equals("users")) {
          writer.sendUserBytes(key, event.value(), event.timestamp());
        } else {
          writer.sendEmailBytes(key, event.value(), event.timestamp());
        }
      }
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      ObjectNode items = root.putObject("items");
      writer.table().attributeItems().forEach((id, item) -> items.set(id, attributes(item)));
      ArrayNode deadLetters = root.putArray("deadLetters");
      writer
          .deadLetters()
          .forEach(
              record ->
                  deadLetters
                      .addObject()
                      .put("topic", WriterDriver.header(record, DeadLetterHeaders.SOURCE_TOPIC))
                      .put("offset", WriterDriver.header(record, DeadLetterHeaders.SOURCE_OFFSET))
                      .put("reason", WriterDriver.header(record, DeadLetterHeaders.REASON)));
      return canonical(root);
    }
  }

  /** An item's attributes sorted by name, each as DynamoDB's typed JSON ({"S": "..."}). */
  private static ObjectNode attributes(Map<String, AttributeValue> item) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    new TreeMap<>(item).forEach((name, value) -> node.set(name, typed(value)));
    return node;
  }

  private static JsonNode typed(AttributeValue value) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    switch (value.type()) {
      case S -> node.put("S", value.s());
      case N -> node.put("N", value.n());
      case BOOL -> node.put("BOOL", value.bool());
      case NUL -> node.put("NULL", true);
      case B -> node.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
      case SS -> value.ss().stream().sorted().forEach(node.putArray("SS")::add);
      case NS -> value.ns().stream().sorted().forEach(node.putArray("NS")::add);
      case L -> value.l().forEach(element -> node.withArray("L").add(typed(element)));
      case M -> node.set("M", attributes(value.m()));
      default -> throw new AssertionError("attribute type " + value.type() + " in a table item");
    }
    return node;
  }

  private static String canonical(JsonNode node) {
    try {
      return JSON.writeValueAsString(node).replace("\r\n", "\n") + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One record as sent: its source topic (users / emails), key, value and timestamp. */
  private record RecordedEvent(String topic, String key, byte[] value, long timestamp) {}

  private static List<RecordedEvent> readEvents(String jsonLines) throws IOException {
    List<RecordedEvent> events = new ArrayList<>();
    for (String line : jsonLines.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = LINES.readTree(line);
      events.add(
          new RecordedEvent(
              node.get("topic").asText(),
              node.get("key").isNull() ? null : node.get("key").asText(),
              node.get("value").isNull()
                  ? null
                  : Base64.getDecoder().decode(node.get("value").asText()),
              node.get("timestamp").asLong()));
    }
    return events;
  }

  /** Generates the events, runs them through today's topology and rewrites both fixture files. */
  private static void record() throws IOException {
    Scenario scenario =
        ScenarioGenerator.generate(SEED, USERS, ScenarioGenerator.Format.PLAIN_AVRO);
    ChangeEventSerdes serdes = ChangeEventSerdes.plainAvro();
    var users = serdes.userEvents().serializer();
    var emails = serdes.emailEvents().serializer();
    List<RecordedEvent> events = new ArrayList<>();
    StringBuilder lines = new StringBuilder();
    for (Scenario.Step step : scenario.steps()) {
      Planned planned = step.planned();
      byte[] value =
          planned.value(
              users,
              emails,
              WriterDriver.TOPICS.entity("user"),
              WriterDriver.TOPICS.entity("email"));
      RecordedEvent event =
          new RecordedEvent(
              planned.target() == Planned.Target.USERS ? "users" : "emails",
              planned.key(),
              value,
              io.shardstream.writer.testing.Events.NOW);
      events.add(event);
      ObjectNode line = LINES.createObjectNode();
      line.put("topic", event.topic());
      line.put("key", event.key());
      line.put("value", value == null ? null : Base64.getEncoder().encodeToString(value));
      line.put("timestamp", event.timestamp());
      lines.append(LINES.writeValueAsString(line)).append('\n');
    }
    Path dir = Path.of("src", "test", "resources").resolve(DIR);
    Files.createDirectories(dir);
    Files.writeString(
        Path.of("src", "test", "resources", EVENTS), lines.toString(), StandardCharsets.UTF_8);
    Files.writeString(
        Path.of("src", "test", "resources", TABLE), run(events), StandardCharsets.UTF_8);
  }

  private static String resource(String name) throws IOException {
    Path recorded = Path.of("src", "test", "resources", name);
    if (Boolean.getBoolean("shardstream.fixture.record")) {
      return Files.readString(recorded, StandardCharsets.UTF_8);
    }
    try (var in = UserEmailTableFixtureTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("fixture " + name + " missing from the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String firstDifference(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (!a[i].equals(b[i])) {
        return "table differs from the fixture at line "
            + (i + 1)
            + ": expected <"
            + a[i].strip()
            + "> but was <"
            + b[i].strip()
            + ">";
      }
    }
    return "table has " + b.length + " lines, the fixture " + a.length;
  }
}
