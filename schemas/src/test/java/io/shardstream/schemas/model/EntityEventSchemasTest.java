package io.shardstream.schemas.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.schemas.ExampleConfigs;
import io.shardstream.schemas.SchemaHistory;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

class EntityEventSchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void derivesOneEventSchemaPerPersonModelEntity() {
    Map<String, Schema> schemas =
        EntityEventSchemas.derive(ConfigLoader.parse(ExampleConfigs.person()));

    assertThat(schemas)
        .containsOnlyKeys("address", "bankAccount", "contactInfo", "employment", "person");
    Schema person = schemas.get("person");
    assertThat(person.getFullName()).isEqualTo("io.shardstream.events.PersonChangeEvent");
    assertThat(person.getFields())
        .extracting(Schema.Field::name)
        .containsExactly("eventId", "op", "version", "occurredAt", "source", "person", "personKey");
    Schema state = nonNull(person.getField("person").schema());
    assertThat(state.getFullName()).isEqualTo("io.shardstream.events.Person");
    assertThat(state.getFields())
        .extracting(Schema.Field::name)
        .containsExactly(
            "id", "firstName", "lastName", "dateOfBirth", "gender", "createdAt", "updatedAt");
    assertThat(state.getField("id").schema().getType()).isEqualTo(Schema.Type.STRING);
    Schema birth = state.getField("dateOfBirth").schema();
    assertThat(birth.getType()).as("optional: nullable").isEqualTo(Schema.Type.UNION);
    assertThat(nonNull(birth).getLogicalType().getName()).isEqualTo("date");
    assertThat(state.getField("dateOfBirth").defaultVal())
        .isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
    assertThat(state.getField("createdAt").schema().getLogicalType().getName())
        .isEqualTo("timestamp-millis");
    Schema employment = nonNull(schemas.get("employment").getField("employment").schema());
    assertThat(nonNull(employment.getField("salary").schema()).getType())
        .isEqualTo(Schema.Type.DOUBLE);
    assertThat(employment.getField("isCurrent").schema().getType()).isEqualTo(Schema.Type.BOOLEAN);
    // A co-located child's DELETE carries what its partition is computed from.
    Schema addressKey = nonNull(schemas.get("address").getField("addressKey").schema());
    assertThat(addressKey.getFields())
        .extracting(Schema.Field::name)
        .containsExactly("id", "personId", "personCreatedAt");
    Schema personKey = nonNull(person.getField("personKey").schema());
    assertThat(personKey.getFields())
        .extracting(Schema.Field::name)
        .containsExactly("id", "createdAt");
    assertThat(personKey.getField("createdAt").schema().getType()).isEqualTo(Schema.Type.UNION);
  }

  @Test
  void theSameConfigDerivesTheSameSchemaTextEveryTime() {
    EntityConfig config = ConfigLoader.parse(ExampleConfigs.person());
    assertThat(EntityEventSchemas.derive(config).toString())
        .isEqualTo(
            EntityEventSchemas.derive(ConfigLoader.parse(ExampleConfigs.person())).toString());
  }

  /**
   * Today's User/Email events and the schemas derived from the shipped config: the derived state
   * records have the same fields and types as today's (mutually compatible); the derived envelopes
   * read every event today's producers write (BACKWARD), so a generic writer can consume today's
   * topics with them. The reverse does not hold for users: the derived key makes {@code created}
   * optional (as emails' keys already are), which today's classes cannot read.
   */
  @Test
  void theDerivedUserEmailSchemasReadTodaysEvents() {
    Map<String, Schema> derived =
        EntityEventSchemas.derive(ConfigLoader.parse(ExampleConfigs.userEmail()));

    Schema user = derived.get("user");
    Schema email = derived.get("email");
    assertThat(ModelCompatibility.backward("user", "t", user, UserChangeEvent.getClassSchema()))
        .isEmpty();
    assertThat(ModelCompatibility.backward("user", "t", user, SchemaHistory.userEventV1()))
        .isEmpty();
    assertThat(ModelCompatibility.backward("email", "t", email, EmailChangeEvent.getClassSchema()))
        .isEmpty();
    Schema derivedUser = nonNull(user.getField("user").schema());
    Schema todaysUser = nonNull(UserChangeEvent.getClassSchema().getField("user").schema());
    assertThat(mutual(derivedUser, todaysUser)).isTrue();
    assertThat(derivedUser.getFields())
        .extracting(f -> f.name() + ":" + f.schema())
        .containsExactlyElementsOf(
            todaysUser.getFields().stream()
                .map(f -> f.name() + ":" + withoutJavaHints(f.schema()))
                .toList());
    Schema derivedEmail = nonNull(email.getField("email").schema());
    Schema todaysEmail = nonNull(EmailChangeEvent.getClassSchema().getField("email").schema());
    assertThat(mutual(derivedEmail, todaysEmail)).isTrue();
    assertThat(
            SchemaCompatibility.checkReaderWriterCompatibility(
                    UserChangeEvent.getClassSchema(), user)
                .getType())
        .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
  }

  @Test
  void aNewOptionalAttributeIsBackwardCompatible() throws Exception {
    Schema before = personSchema(ExampleConfigs.person());
    Schema after =
        personSchema(withPersonAttribute("nickname", "{\"type\": \"string\", \"maxLength\": 40}"));

    assertThat(ModelCompatibility.backward("person", "persons", after, before)).isEmpty();
  }

  @Test
  void aTypeChangeOrANewRequiredAttributeIsRefusedNamingTheAttribute() throws Exception {
    Schema before = personSchema(ExampleConfigs.person());
    Schema retyped = personSchema(withPersonAttribute("gender", "{\"type\": \"integer\"}"));
    Schema required =
        personSchema(withPersonAttribute("nickname", "{\"type\": \"string\", \"required\": true}"));

    List<SchemaProblem> typeProblems =
        ModelCompatibility.backward("person", "persons", retyped, before);
    assertThat(typeProblems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.attribute()).isEqualTo("gender");
              assertThat(p.toString())
                  .startsWith("entity 'person', attribute 'gender' (topic persons): type changed")
                  .contains("string")
                  .contains("long");
            });
    assertThat(ModelCompatibility.backward("person", "persons", required, before))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.attribute()).isEqualTo("nickname");
              assertThat(p.problem()).contains("required without a default");
            });
  }

  static Schema personSchema(String configJson) {
    return EntityEventSchemas.derive(ConfigLoader.parse(configJson)).get("person");
  }

  /** The Person example with one attribute of {@code person} added or replaced. */
  static String withPersonAttribute(String name, String definition) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(ExampleConfigs.person());
    ((ObjectNode) root.at("/entities/person/attributes")).set(name, JSON.readTree(definition));
    return root.toString();
  }

  private static boolean mutual(Schema a, Schema b) {
    return SchemaCompatibility.checkReaderWriterCompatibility(a, b).getType()
            == SchemaCompatibilityType.COMPATIBLE
        && SchemaCompatibility.checkReaderWriterCompatibility(b, a).getType()
            == SchemaCompatibilityType.COMPATIBLE;
  }

  /** The generated classes' schema carries a hint for Java code generation, not a type. */
  private static String withoutJavaHints(Schema schema) {
    return schema
        .toString()
        .replace("{\"type\":\"string\",\"avro.java.string\":\"String\"}", "\"string\"");
  }

  private static Schema nonNull(Schema schema) {
    return schema.getType() == Schema.Type.UNION ? schema.getTypes().get(1) : schema;
  }
}
