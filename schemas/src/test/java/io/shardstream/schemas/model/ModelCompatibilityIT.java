package io.shardstream.schemas.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistrar;
import io.shardstream.schemas.registry.SchemaRegistryApi;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Person model's derived schemas against the real Apicurio registry, through both of its APIs:
 * registered once, then a config change that keeps BACKWARD compatibility passes and one that
 * breaks it is refused before anything runs, naming entity and attribute, and nothing is registered
 * by the check.
 */
@ExtendWith(DevStackExtension.class)
class ModelCompatibilityIT {

  @Test
  void apicuriosApiJudgesConfigChanges(RegistryEndpoint registry) throws Exception {
    judgesConfigChanges(new SchemaRegistrar(RegistrySettings.production(registry.url())));
  }

  @Test
  void theConfluentApiJudgesConfigChanges(RegistryEndpoint registry) throws Exception {
    judgesConfigChanges(
        new SchemaRegistrar(
            RegistrySettings.production(SchemaRegistryApi.CONFLUENT, registry.ccompatUrl())));
  }

  private static void judgesConfigChanges(SchemaRegistrar registrar) throws Exception {
    String run = UUID.randomUUID().toString();
    Function<String, String> topics = entity -> "model-it." + run + "." + entity;
    EntityConfig shipped = ConfigLoader.parse(ExampleConfigs.person());
    ModelCompatibility compatibility = new ModelCompatibility(registrar);
    // Nothing registered yet: any first schema passes.
    assertThatCode(() -> compatibility.requireBackward(shipped, topics)).doesNotThrowAnyException();
    EntityEventSchemas.derive(shipped)
        .forEach((entity, schema) -> registrar.registerValueSchema(topics.apply(entity), schema));

    EntityConfig optional =
        ConfigLoader.parse(
            EntityEventSchemasTest.withPersonAttribute(
                "nickname", "{\"type\": \"string\", \"maxLength\": 40}"));
    assertThatCode(() -> compatibility.requireBackward(optional, topics))
        .doesNotThrowAnyException();

    EntityConfig retyped =
        ConfigLoader.parse(
            EntityEventSchemasTest.withPersonAttribute("gender", "{\"type\": \"integer\"}"));
    IncompatibleModelException typeChange =
        catchThrowableOfType(
            IncompatibleModelException.class, () -> compatibility.requireBackward(retyped, topics));
    assertThat(typeChange.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.entity()).isEqualTo("person");
              assertThat(p.attribute()).isEqualTo("gender");
            });
    assertThat(typeChange.getMessage())
        .contains("entity 'person', attribute 'gender' (topic " + topics.apply("person") + ")");
    // The registry, asked on its own, refuses the same schema under the rule registration set.
    assertThat(
            registrar
                .checkValueSchema(
                    topics.apply("person"), EntityEventSchemas.derive(retyped).get("person"))
                .compatible())
        .isFalse();

    EntityConfig required =
        ConfigLoader.parse(
            EntityEventSchemasTest.withPersonAttribute(
                "nickname", "{\"type\": \"string\", \"required\": true}"));
    IncompatibleModelException newRequired =
        catchThrowableOfType(
            IncompatibleModelException.class,
            () -> compatibility.requireBackward(required, topics));
    assertThat(newRequired.problems())
        .extracting(SchemaProblem::entity, SchemaProblem::attribute)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("person", "nickname"));

    // The checks registered nothing: the newest schema is still the shipped config's.
    assertThat(registrar.latestValueSchema(topics.apply("person")))
        .contains(EntityEventSchemas.derive(shipped).get("person"));
  }
}
