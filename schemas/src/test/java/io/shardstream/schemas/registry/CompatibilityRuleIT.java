package io.shardstream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.schemas.RegistryApi;
import io.shardstream.schemas.avro.UserChangeEvent;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real registry refuses schema changes that would leave old events unreadable. */
@ExtendWith(DevStackExtension.class)
class CompatibilityRuleIT {
  private RegistryApi api;
  private SchemaRegistrar registrar;
  private String topic;

  @BeforeEach
  void setUp(RegistryEndpoint registry) {
    api = new RegistryApi(registry);
    registrar = new SchemaRegistrar(RegistrySettings.production(registry.url()));
    topic = "users.changes." + UUID.randomUUID();
  }

  @Test
  void aRequiredFieldWithoutDefaultIsRejected() throws Exception {
    registrar.registerValueSchema(topic, UserChangeEvent.getClassSchema());

    assertThatThrownBy(() -> registrar.registerValueSchema(topic, withRequiredField("tier")))
        .isInstanceOfSatisfying(
            IncompatibleSchemaException.class,
            e ->
                assertThat(e.violations())
                    .isNotEmpty()
                    .anySatisfy(v -> assertThat(v).contains("tier")))
        .hasMessageContaining("rejected a schema")
        .hasMessageContaining(topic + "-value");

    assertThat(
            api.core("/groups/default/artifacts/" + topic + "-value/versions").get("count").asInt())
        .as("the rejected version was not added")
        .isEqualTo(1);
  }

  @Test
  void anArtifactCreatedWithoutRuleGetsItBeforeTheNewVersionIsChecked() throws Exception {
    api.createBareArtifact(topic + "-value", UserChangeEvent.getClassSchema().toString());

    assertThatThrownBy(() -> registrar.registerValueSchema(topic, withRequiredField("tier")))
        .isInstanceOf(IncompatibleSchemaException.class);
    assertThat(registrar.compatibility(topic + "-value")).isEqualTo("BACKWARD");
  }

  @Test
  void aStricterRuleIsKept() throws Exception {
    registrar.registerValueSchema(topic, UserChangeEvent.getClassSchema());
    api.put(
        "/groups/default/artifacts/" + topic + "-value/rules/COMPATIBILITY",
        "{\"ruleType\":\"COMPATIBILITY\",\"config\":\"FULL_TRANSITIVE\"}");

    registrar.registerValueSchema(topic, UserChangeEvent.getClassSchema());

    assertThat(registrar.compatibility(topic + "-value")).isEqualTo("FULL_TRANSITIVE");
  }

  /** The current event with one more required field: new readers could not read old events. */
  private static Schema withRequiredField(String name) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode schema = (ObjectNode) json.readTree(UserChangeEvent.getClassSchema().toString());
    schema.withArray("fields").addObject().put("name", name).put("type", "string");
    return new Schema.Parser().parse(schema.toString());
  }
}
