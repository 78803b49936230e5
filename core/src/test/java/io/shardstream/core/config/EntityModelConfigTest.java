package io.shardstream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.core.testing.ExampleConfigJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional per-entity declarations: attributes, parent relations, uniqueness rules. */
class EntityModelConfigTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theShippedUserEmailConfigDeclaresItsModelAndKeepsItsVersion() throws Exception {
    EntityConfig config = ConfigLoader.parse(ExampleConfigJson.userEmail());

    EntityDefinition user = config.entity("user").orElseThrow();
    assertThat(user.model().attributes().keySet())
        .containsExactly(
            "userId",
            "beneficiaryId",
            "firstName",
            "lastName",
            "phone",
            "created",
            "updated",
            "locale");
    assertThat(user.model().attribute("phone").orElseThrow().format())
        .contains(AttributeFormat.PHONE);
    EntityModel email = config.entity("email").orElseThrow().model();
    assertThat(email.parent())
        .contains(new ParentRelation("user", "userId", true, false, java.util.Optional.empty()));
    assertThat(email.unique()).containsExactly(new UniqueRule("email", "userId"));
    // Declarations shape no key: the version (cursors, replays) is the one without them.
    assertThat(config.version())
        .isEqualTo(
            ConfigLoader.fromTree(withoutDeclarations(ExampleConfigJson.userEmail())).version());
  }

  @Test
  void anEntityManagerConfigDeclaresNothing() {
    EntityConfig config =
        ConfigLoader.parse(
            """
            {"hashKey": "pk", "rangeKey": "sk",
             "entities": {"thing": {"uniqueProperty": "id", "timestampProperty": "at"}},
             "propertyTranscodes": {"id": "string", "at": "timestamp"}}\
            """);
    assertThat(config.entity("thing").orElseThrow().model()).isEqualTo(EntityModel.UNDECLARED);
  }

  @Test
  void thePersonModelCoLocatesItsChildrenAndColocationShapesTheVersion() throws Exception {
    EntityConfig config = ConfigLoader.parse(ExampleConfigJson.person());

    assertThat(config.entities())
        .containsOnlyKeys("person", "address", "bankAccount", "contactInfo", "employment");
    for (String child : List.of("address", "bankAccount", "contactInfo", "employment")) {
      EntityModel model = config.entity(child).orElseThrow().model();
      assertThat(model.colocated()).as(child).isTrue();
      assertThat(model.parent().orElseThrow().parentTimestampProperty())
          .as(child)
          .contains("personCreatedAt");
    }
    AttributeDefinition iban =
        config.entity("bankAccount").orElseThrow().model().attribute("iban").orElseThrow();
    assertThat(iban.sensitive()).isTrue();
    assertThat(iban.format()).contains(AttributeFormat.IBAN);
    assertThat(config.entity("employment").orElseThrow().model().attribute("salary").orElseThrow())
        .extracting(AttributeDefinition::type)
        .isEqualTo(AttributeType.NUMBER);
    ObjectNode notColocated = (ObjectNode) JSON.readTree(ExampleConfigJson.person());
    ((ObjectNode) notColocated.at("/entities/address/parent")).put("colocated", false);
    ((ObjectNode) notColocated.at("/entities/address/parent")).remove("parentTimestampProperty");
    assertThat(ConfigLoader.fromTree(notColocated).version()).isNotEqualTo(config.version());
  }

  @Test
  void reportsEveryDeclarationErrorWithItsPath() {
    ConfigValidationException e =
        catchThrowableOfType(
            ConfigValidationException.class,
            () ->
                ConfigLoader.parse(
                    """
                    {"hashKey": "pk", "rangeKey": "sk",
                     "entities": {
                       "person": {"uniqueProperty": "id", "timestampProperty": "createdAt",
                         "canonicalize": {"nameCanonical": "name"},
                         "attributes": {
                           "id": {"type": "string"},
                           "createdAt": {"type": "string", "required": true},
                           "age": {"type": "integer", "maxLength": 3},
                           "mood": {"type": "feeling"},
                           "secret": {"type": "string", "sensitive": true},
                           "nick": {"type": "string", "format": "handle"}
                         },
                         "parent": {"entity": "pet", "property": "petId", "colocated": true,
                                    "parentTimestampProperty": "createdAt"}},
                       "pet": {"uniqueProperty": "id", "timestampProperty": "createdAt",
                         "attributes": {"id": {"type": "string", "required": true},
                                        "createdAt": {"type": "timestamp", "required": true}},
                         "parent": {"entity": "person", "property": "ownerId"}},
                       "address": {"uniqueProperty": "id", "timestampProperty": "createdAt",
                         "shardBumps": [{"timestamp": 1, "charBits": 2, "chars": 1}],
                         "attributes": {"id": {"type": "string", "required": true},
                                        "createdAt": {"type": "timestamp", "required": true},
                                        "personId": {"type": "integer", "required": true}},
                         "parent": {"entity": "person", "property": "personId", "colocated": true},
                         "unique": [{"property": "street", "owner": "city"}]},
                       "planet": {"uniqueProperty": "id", "timestampProperty": "createdAt",
                         "parent": {"entity": "galaxy", "property": "galaxyId"}}
                     },
                     "generatedProperties": {"unsharded": {"secretKey": ["secret"]}},
                     "indexes": {"bySecret": {"hashKey": "pk", "rangeKey": "secretKey"}},
                     "propertyTranscodes": {"id": "string", "createdAt": "timestamp",
                                            "secret": "string", "nameCanonical": "string"}}\
                    """));

    assertThat(e.errors())
        .extracting(ConfigError::path, ConfigError::rule)
        .contains(
            tuple("$.entities.person.uniqueProperty", "required-attribute"),
            tuple("$.entities.person.timestampProperty", "attribute-type"),
            tuple("$.entities.person.attributes.createdAt.type", "transcode-type"),
            tuple("$.entities.person.attributes.age.maxLength", "string-only"),
            tuple("$.entities.person.attributes.mood.type", "known-type"),
            tuple("$.entities.person.attributes.nick.format", "known-format"),
            tuple("$.entities.person.attributes.secret.sensitive", "sensitive-key"),
            tuple("$.entities.person.canonicalize.nameCanonical", "declared"),
            tuple("$.entities.person.parent.property", "declared"),
            tuple("$.entities.person.parent.entity", "parent-cycle"),
            tuple("$.entities.pet.parent.entity", "parent-cycle"),
            tuple("$.entities.address.parent.parentTimestampProperty", "required"),
            tuple("$.entities.address.parent.colocated", "colocated-depth"),
            tuple("$.entities.address.shardBumps", "colocated-shard-bumps"),
            tuple("$.entities.address.unique[0].property", "declared"),
            tuple("$.entities.address.unique[0].property", "unsupported"),
            tuple("$.entities.address.unique[0].owner", "unique-owner"),
            tuple("$.entities.planet.parent.entity", "relation-target"));
    assertThat(e.errors())
        .filteredOn(error -> error.rule().equals("parent-cycle"))
        .first()
        .extracting(ConfigError::message)
        .asString()
        .contains("person -> pet -> person");
  }

  @Test
  void aCoLocatedChildCarriesItsParentsTimestampAndAReferenceOfTheParentIdsType() {
    ConfigValidationException e =
        catchThrowableOfType(
            ConfigValidationException.class,
            () ->
                ConfigLoader.parse(
                    """
                    {"hashKey": "pk", "rangeKey": "sk",
                     "entities": {
                       "person": {"uniqueProperty": "id", "timestampProperty": "createdAt",
                         "attributes": {"id": {"type": "string", "required": true},
                                        "createdAt": {"type": "timestamp", "required": true}}},
                       "address": {"uniqueProperty": "id", "timestampProperty": "personCreatedAt",
                         "attributes": {"id": {"type": "string", "required": true},
                                        "personId": {"type": "integer", "required": true},
                                        "personCreatedAt": {"type": "timestamp", "required": true},
                                        "bornAt": {"type": "boolean"}},
                         "parent": {"entity": "person", "property": "personId", "colocated": true,
                                    "parentTimestampProperty": "bornAt"}},
                       "note": {"uniqueProperty": "id", "timestampProperty": "at",
                         "parent": {"entity": "person", "property": "personId",
                                    "parentTimestampProperty": "at"}}
                     },
                     "indexes": {"byStreet": {"hashKey": "pk", "rangeKey": "street"}},
                     "propertyTranscodes": {"id": "string", "createdAt": "timestamp",
                       "personCreatedAt": "timestamp", "at": "timestamp", "street": "string"}}\
                    """));

    assertThat(e.errors())
        .extracting(ConfigError::path, ConfigError::rule)
        .containsExactlyInAnyOrder(
            tuple("$.entities.address.parent.property", "reference-type"),
            tuple("$.entities.address.parent.parentTimestampProperty", "required-attribute"),
            tuple("$.entities.address.parent.parentTimestampProperty", "attribute-type"),
            tuple("$.entities.note", "attributes-required"),
            tuple("$.entities.note.parent.parentTimestampProperty", "colocated-only"));
  }

  /**
   * Every process must iterate the entities in the same order: Kafka Streams instances of one
   * writer build their topologies from it and refuse to work together when the orders differ (a
   * JVM-salted Map.copyOf order did differ from writer to writer).
   */
  @Test
  void entitiesIndexesAndGeneratedPropertiesIterateInNameOrder() {
    EntityConfig person = ConfigLoader.parse(ExampleConfigJson.person());

    assertThat(person.entities().keySet())
        .containsExactly("address", "bankAccount", "contactInfo", "employment", "person");
    assertThat(List.copyOf(person.indexes().keySet())).isSorted();
    assertThat(List.copyOf(person.propertyTranscodes().keySet())).isSorted();
    assertThat(List.copyOf(person.generatedProperties().keySet())).isSorted();
  }

  /**
   * Relations are one level deep (a cascade reaches children, not grandchildren), and a co-located
   * child may not carry the range key of an index on the table's hash key: the parent's searches
   * read those partitions and would list the child as a parent.
   */
  @Test
  void relationsAreOneLevelAndCoLocatedChildrenStayOutOfTheParentsIndexes() {
    ConfigValidationException e =
        catchThrowableOfType(
            ConfigValidationException.class,
            () ->
                ConfigLoader.parse(
                    """
                    {"hashKey": "pk", "rangeKey": "sk", "generatedKeyDelimiter": ",",
                     "entities": {
                       "person": {"uniqueProperty": "id", "timestampProperty": "createdAt",
                         "attributes": {"id": {"type": "string", "required": true},
                                        "createdAt": {"type": "timestamp", "required": true},
                                        "updatedAt": {"type": "timestamp"}}},
                       "account": {"uniqueProperty": "id", "timestampProperty": "personCreatedAt",
                         "attributes": {"id": {"type": "string", "required": true},
                                        "personId": {"type": "string", "required": true},
                                        "personCreatedAt": {"type": "timestamp", "required": true},
                                        "updatedAt": {"type": "timestamp"}},
                         "parent": {"entity": "person", "property": "personId", "colocated": true,
                                    "parentTimestampProperty": "personCreatedAt"}},
                       "card": {"uniqueProperty": "id", "timestampProperty": "at",
                         "attributes": {"id": {"type": "string", "required": true},
                                        "accountId": {"type": "string", "required": true},
                                        "at": {"type": "timestamp", "required": true}},
                         "parent": {"entity": "account", "property": "accountId"}}
                     },
                     "indexes": {"updated": {"hashKey": "pk", "rangeKey": "updatedAt"}},
                     "propertyTranscodes": {"id": "string", "createdAt": "timestamp",
                       "personCreatedAt": "timestamp", "at": "timestamp",
                       "updatedAt": "timestamp"}}\
                    """));

    assertThat(e.errors())
        .extracting(ConfigError::path, ConfigError::rule)
        .containsExactlyInAnyOrder(
            tuple("$.entities.account.attributes", "colocated-index"),
            tuple("$.entities.card.parent.entity", "relation-depth"));
    assertThat(e.errors())
        .extracting(ConfigError::message)
        .anySatisfy(m -> assertThat(m).contains("'accountUpdatedAt'"))
        .anySatisfy(m -> assertThat(m).contains("make 'card' a child of 'person'"));
  }

  /**
   * An index on a property no entity declares stays valid (an empty index, as in Entity Manager):
   * configs derived from a typed one, such as the shipped config plus an index, keep loading.
   */
  @Test
  void anIndexOnAnUndeclaredPropertyIsAllowed() {
    EntityConfig config =
        ConfigLoader.parse(
            ExampleConfigJson.userEmail()
                .replace(
                    "\"indexes\": {",
                    "\"indexes\": {\n    \"nickname\": { \"hashKey\": \"hashKey\", \"rangeKey\":"
                        + " \"nickname\" },")
                .replace(
                    "\"propertyTranscodes\": {",
                    "\"propertyTranscodes\": {\n    \"nickname\": \"string\","));
    assertThat(config.index("nickname")).isPresent();
  }

  @Test
  void theShippedConfigsDeclareTheirKeyBindingAndTimeOrder() {
    EntityConfig userEmail = ConfigLoader.parse(ExampleConfigJson.userEmail());
    assertThat(userEmail.keyBindingProperty()).contains("beneficiaryId");
    assertThat(userEmail.entity("user").orElseThrow().model().attribute("updated").orElseThrow())
        .extracting(AttributeDefinition::notBefore)
        .isEqualTo(java.util.Optional.of("created"));
    EntityConfig person = ConfigLoader.parse(ExampleConfigJson.person());
    assertThat(person.keyBindingProperty()).isEmpty();
    assertThat(person.entity("person").orElseThrow().model().attribute("updatedAt").orElseThrow())
        .extracting(AttributeDefinition::notBefore)
        .isEqualTo(java.util.Optional.of("createdAt"));
    assertThat(person.entity("employment").orElseThrow().model().attribute("endDate").orElseThrow())
        .extracting(AttributeDefinition::notBefore)
        .isEqualTo(java.util.Optional.of("startDate"));
  }

  @Test
  void keyBindingAndNotBeforeAreValidatedWithTheirPaths() {
    ConfigValidationException e =
        catchThrowableOfType(
            ConfigValidationException.class,
            () ->
                ConfigLoader.parse(
                    """
                    {"hashKey": "pk", "rangeKey": "sk",
                     "keyBinding": {"property": "tenantId", "scope": "x"},
                     "entities": {
                       "thing": {"uniqueProperty": "id", "timestampProperty": "at",
                         "attributes": {
                           "id": {"type": "string", "required": true},
                           "at": {"type": "timestamp", "required": true},
                           "seen": {"type": "timestamp", "notBefore": "missing"},
                           "self": {"type": "timestamp", "notBefore": "self"},
                           "day": {"type": "date", "notBefore": "at"},
                           "count": {"type": "integer", "notBefore": "id"},
                           "empty": {"type": "date", "notBefore": ""}}}},
                     "propertyTranscodes": {"id": "string", "at": "timestamp"}}\
                    """));

    assertThat(e.errors())
        .extracting(ConfigError::path, ConfigError::rule)
        .containsExactlyInAnyOrder(
            tuple("$.keyBinding.scope", "unknown-property"),
            tuple("$.keyBinding.property", "declared"),
            tuple("$.entities.thing.attributes.seen.notBefore", "declared"),
            tuple("$.entities.thing.attributes.self.notBefore", "declared"),
            tuple("$.entities.thing.attributes.day.notBefore", "attribute-type"),
            tuple("$.entities.thing.attributes.count.notBefore", "attribute-type"),
            tuple("$.entities.thing.attributes.empty.notBefore", "non-empty"));
    assertThat(e.errors())
        .filteredOn(error -> error.path().equals("$.keyBinding.property"))
        .extracting(ConfigError::message)
        .containsExactly(
            "'tenantId' is not a declared attribute of any entity; declare it in the attributes of"
                + " the entities an API key may be bound to");
  }

  @Test
  void aKeyBindingNeedsAPropertyAndNotBeforeKeepsTheVersion() throws Exception {
    ConfigValidationException e =
        catchThrowableOfType(
            ConfigValidationException.class,
            () ->
                ConfigLoader.parse(
                    ExampleConfigJson.userEmail()
                        .replace(
                            "\"keyBinding\": { \"property\": \"beneficiaryId\" }",
                            "\"keyBinding\": {}")));
    assertThat(e.errors())
        .extracting(ConfigError::path, ConfigError::rule)
        .containsExactly(tuple("$.keyBinding.property", "required"));

    ObjectNode plain = (ObjectNode) JSON.readTree(ExampleConfigJson.userEmail());
    plain.remove("keyBinding");
    ((ObjectNode) plain.at("/entities/user/attributes/updated")).remove("notBefore");
    assertThat(ConfigLoader.fromTree(plain).version())
        .isEqualTo(ConfigLoader.parse(ExampleConfigJson.userEmail()).version());
  }

  /** The config with every entity's attributes, parent and unique rules removed. */
  private static ObjectNode withoutDeclarations(String json) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(json);
    root.remove("keyBinding"); // it names a declared attribute
    root.get("entities")
        .forEach(entity -> ((ObjectNode) entity).remove(List.of("attributes", "parent", "unique")));
    return root;
  }
}
