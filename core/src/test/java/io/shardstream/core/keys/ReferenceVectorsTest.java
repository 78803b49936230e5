package io.shardstream.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.core.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reproduces every key vector that Entity Manager 6.14.0's own {@code addKeys} produced: {@code
 * entity-manager-keys.json} beside this class on the test classpath (how it was made: the README in
 * that folder).
 */
class ReferenceVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VECTORS = "entity-manager-keys.json";
  private static final Map<String, List<String>> COMPARED =
      Map.of(
          "user",
              List.of(
                  "hashKey",
                  "rangeKey",
                  "userHashKey",
                  "beneficiaryHashKey",
                  "firstNameRangeKey",
                  "lastNameRangeKey"),
          "email", List.of("hashKey", "rangeKey", "userHashKey"));

  private static JsonNode reference;

  @BeforeAll
  static void readVectors() throws IOException {
    try (InputStream in = ReferenceVectorsTest.class.getResourceAsStream(VECTORS)) {
      assertThat(in).as("test resource " + VECTORS + " beside this class").isNotNull();
      reference = JSON.readTree(in);
    }
    assertThat(reference.get("source").asText())
        .isEqualTo("@karmaniverous/entity-manager 6.14.0 EntityManager.addKeys");
    assertThat(reference.get("vectors")).hasSize(192);
  }

  /**
   * With each entity's generated properties listed (user: all four; email: userHashKey), every
   * compared field of every vector is equal byte for byte, including fields the reference writes
   * with empty elements, and fields it leaves out.
   */
  @Test
  void everyVectorMatchesWhenEntitiesListTheirGeneratedProperties() {
    int compared = 0;
    for (JsonNode vector : reference.get("vectors")) {
      ObjectNode config = configNamed(vector).deepCopy();
      ((ObjectNode) config.get("entities").get("user"))
          .putArray("generated")
          .add("userHashKey")
          .add("beneficiaryHashKey")
          .add("firstNameRangeKey")
          .add("lastNameRangeKey");
      ((ObjectNode) config.get("entities").get("email")).putArray("generated").add("userHashKey");
      Map<String, Object> keyed = addKeys(config, vector);
      for (String field : COMPARED.get(vector.get("entity").asText())) {
        JsonNode expected = vector.get("output").get(field);
        assertThat(keyed.get(field))
            .as(describe(vector, field))
            .isEqualTo(expected == null ? null : expected.asText());
        compared++;
      }
    }
    assertThat(compared).isEqualTo(150 * 6 + 42 * 3);
  }

  /**
   * With the reference's config unchanged, every field is equal except where shardstream's default
   * rule differs on purpose (DESIGN §3): an unsharded generated property whose first element is
   * missing is not written. The test checks each such case is exactly that.
   */
  @Test
  void referenceConfigAsIsDiffersOnlyWhereTheFirstElementIsMissing() {
    int equal = 0;
    List<String> omitted = new ArrayList<>();
    for (JsonNode vector : reference.get("vectors")) {
      Map<String, Object> keyed = addKeys(configNamed(vector), vector);
      for (String field : COMPARED.get(vector.get("entity").asText())) {
        JsonNode expected = vector.get("output").get(field);
        Object actual = keyed.get(field);
        if (expected != null && actual == null && field.endsWith("RangeKey")) {
          // The reference wrote "<first>#|..." : the first element was empty.
          assertThat(expected.asText()).as(describe(vector, field)).matches("^[A-Za-z]+#\\|.*");
          omitted.add(describe(vector, field));
        } else {
          assertThat(actual)
              .as(describe(vector, field))
              .isEqualTo(expected == null ? null : expected.asText());
          equal++;
        }
      }
    }
    assertThat(omitted).isNotEmpty();
    assertThat(equal + omitted.size()).isEqualTo(150 * 6 + 42 * 3);
  }

  /** The reference writes user-only range keys onto emails with empty elements; shardstream not. */
  @Test
  void emailsDoNotCarryUserNameRangeKeys() {
    for (JsonNode vector : reference.get("vectors")) {
      if (vector.get("entity").asText().equals("email")) {
        assertThat(vector.get("output").has("firstNameRangeKey")).isTrue();
        Map<String, Object> keyed = addKeys(configNamed(vector), vector);
        assertThat(keyed).doesNotContainKeys("firstNameRangeKey", "lastNameRangeKey");
      }
    }
  }

  private static JsonNode configNamed(JsonNode vector) {
    return reference.get("configs").get(vector.get("config").asText());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> addKeys(JsonNode config, JsonNode vector) {
    EntityManager manager = new EntityManager(ConfigLoader.fromTree(config));
    Map<String, Object> input = JSON.convertValue(vector.get("input"), Map.class);
    return manager.addKeys(vector.get("entity").asText(), input);
  }

  private static String describe(JsonNode vector, String field) {
    Iterator<String> ids = vector.get("input").fieldNames();
    return vector.get("config").asText()
        + "/"
        + vector.get("entity").asText()
        + " "
        + vector.get("input").get(ids.next())
        + " "
        + field;
  }
}
