package io.shardstream.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.model.EntityEventSchemas;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistrar;
import io.shardstream.service.Metrics;
import io.shardstream.service.SettingsException;
import io.shardstream.writer.testing.LiveStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's start against the real registry: an entity configuration whose derived event schema
 * could not read the events the topic's registered schema wrote (BACKWARD) is refused before
 * anything is created or consumed, with the entity, topic and attribute named.
 */
@ExtendWith(DevStackExtension.class)
class WriterModelCompatibilityIT {
  private static final String NAME = "compat";

  @Test
  void aNewRequiredAttributeIsRefusedBeforeAnythingRuns(
      KafkaEndpoint kafka,
      DynamoDbEndpoint dynamoDb,
      RegistryEndpoint registry,
      @TempDir Path stateDir)
      throws Exception {
    EntityConfig shipped = ConfigLoader.parse(ExampleConfigs.userEmail());
    SchemaRegistrar registrar = new SchemaRegistrar(RegistrySettings.development(registry.url()));
    String usersTopic = NAME + ".users.changes";
    registrar.registerValueSchema(
        usersTopic, EntityEventSchemas.derive(shipped.entity("user").orElseThrow()));

    // The same model, with an attribute old events do not have, declared required.
    ObjectMapper json = new ObjectMapper();
    ObjectNode changed = (ObjectNode) json.readTree(ExampleConfigs.userEmail());
    ((ObjectNode) changed.at("/entities/user/attributes"))
        .putObject("nickname")
        .put("type", "string")
        .put("required", true);
    Path config = stateDir.resolve("changed-config.json");
    Files.writeString(config, json.writeValueAsString(changed));

    try (LiveStack stack = new LiveStack(kafka, dynamoDb)) {
      WriterSettings settings =
          WriterSettings.from(
              stack.writerSettings(
                  NAME,
                  registry,
                  stateDir,
                  Map.of(
                      "entity.config", config.toString(), "writer.create-source-topics", "true")));
      try (WriterService writer = WriterService.create(settings, Metrics.newRegistry("writer"))) {
        assertThatThrownBy(writer::start)
            .isInstanceOf(SettingsException.class)
            .hasMessageContaining("BACKWARD")
            .hasMessageContaining("user")
            .hasMessageContaining(usersTopic)
            .hasMessageContaining("nickname");
      }
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get())
            .doesNotContain(usersTopic, NAME + ".dlq", NAME + "-writer-email-owner-changes");
      }
    }
  }
}
