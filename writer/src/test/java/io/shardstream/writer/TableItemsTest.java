package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.writer.check.Checked;
import io.shardstream.writer.item.KeyedItem;
import io.shardstream.writer.item.TableItems;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine's key rules as dead-letter reasons naming the entity, DynamoDB's whole-batch refusals
 * caught per item, and any entity of the configuration.
 */
class TableItemsTest {
  private static final TableItems SEED =
      new TableItems(new EntityManager(ConfigLoader.parse(ExampleConfigs.userEmail())));

  /** Each key rule the engine names becomes its reason code; the detail is the engine's message. */
  @ParameterizedTest(name = "{0}={1} -> {2}")
  @CsvSource({
    "userId, 'u,1', invalid:user.userId:delimiter",
    "beneficiaryId, 'b,1', invalid:user.beneficiaryId:delimiter",
    "userId, LONG, invalid:user.userId:too-long",
    "firstName, LONG, invalid:user.firstNameRangeKey:too-long",
    "created, delimiter, invalid:user.created:unkeyable"
  })
  void eachKeyRuleIsItsOwnReasonCode(String property, String value, String reason) {
    Map<String, Object> user = new HashMap<>();
    user.put("userId", "u-1");
    user.put("beneficiaryId", "b-1");
    user.put("firstName", "Ada");
    user.put("lastName", "Lovelace");
    user.put("created", 1L);
    user.put("updated", 1L);
    user.put(property, value.equals("LONG") ? "x".repeat(1100) : value);

    assertThat(SEED.keyed("user", user))
        .isInstanceOfSatisfying(
            Checked.Rejected.class,
            rejected -> assertThat(rejected.rejection().reason()).isEqualTo(reason));
  }

  @Test
  void anEmptyStringInAnIndexKeyIsRefusedBeforeTheWrite() throws Exception {
    ObjectNode config = (ObjectNode) new ObjectMapper().readTree(ExampleConfigs.userEmail());
    ((ObjectNode) config.get("indexes"))
        .putObject("locale")
        .put("hashKey", "hashKey")
        .put("rangeKey", "locale");
    ((ObjectNode) config.get("propertyTranscodes")).put("locale", "string");
    TableItems items = new TableItems(new EntityManager(ConfigLoader.fromTree(config)));

    Checked<KeyedItem> keyed =
        items.keyed(
            "user",
            Map.of(
                "userId",
                "u-1",
                "beneficiaryId",
                "b",
                "firstName",
                "A",
                "lastName",
                "B",
                "created",
                1L,
                "updated",
                1L,
                "locale",
                ""));

    assertThat(keyed)
        .isInstanceOfSatisfying(
            Checked.Rejected.class,
            rejected ->
                assertThat(rejected.rejection().reason())
                    .isEqualTo("invalid:user.locale:empty-index-key"));
  }

  @Test
  void anyEntityOfTheConfigurationIsKeyedAndAnUnknownOneIsNamed() {
    TableItems person =
        new TableItems(new EntityManager(ConfigLoader.parse(ExampleConfigs.person())));
    Map<String, Object> item = new HashMap<>();
    item.put("id", "p-1");
    item.put("firstName", "Ana");
    item.put("lastName", "Lee");
    item.put("createdAt", 1_748_736_000_000L);
    item.put("updatedAt", 1_748_736_000_000L);

    KeyedItem keyed = TableItems.knownValid(person.keyed("person", item));
    assertThat(keyed.key())
        .isEqualTo(TableItems.knownValid(person.primaryKey("person", "p-1", 1_748_736_000_000L)));
    assertThat(keyed.attributes()).containsKey("firstNameCanonical");
    assertThatThrownBy(() -> person.entity("user"))
        .hasMessage("no entity 'user' in the configuration");
  }
}
