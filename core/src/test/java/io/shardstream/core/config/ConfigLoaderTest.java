package io.shardstream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shardstream.core.testing.ExampleConfigJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  @Test
  void loadsTheSeedConfigWithItsIndexes() {
    EntityConfig config = ConfigLoader.parse(ExampleConfigJson.userEmail());
    assertThat(config.indexes())
        .containsOnlyKeys(
            "created",
            "firstName",
            "lastName",
            "phone",
            "updated",
            "userBeneficiaryCreated",
            "userBeneficiaryFirstName",
            "userBeneficiaryLastName",
            "userBeneficiaryPhone",
            "userBeneficiaryUpdated",
            "userCreated",
            "userUpdated");
    EntityDefinition user = config.entity("user").orElseThrow();
    assertThat(user.shardBumps()).first().isEqualTo(ShardBump.UNSHARDED);
    assertThat(user.shardBumps()).hasSize(3);
    assertThat(user.canonicalize()).containsEntry("firstNameCanonical", "firstName");
    assertThat(config.version()).hasSize(16);
  }

  @Test
  void appliesEntityManagerDefaults() {
    EntityConfig config =
        ConfigLoader.parse(
            """
            {"hashKey": "pk", "rangeKey": "sk",
             "entities": {"thing": {"uniqueProperty": "id", "timestampProperty": "at"}},
             "propertyTranscodes": {"id": "string", "at": "timestamp"}}\
            """);
    assertThat(config.generatedKeyDelimiter()).isEqualTo("|");
    assertThat(config.generatedValueDelimiter()).isEqualTo("#");
    assertThat(config.shardKeyDelimiter()).isEqualTo("!");
    assertThat(config.entity("thing").orElseThrow().shardBumps())
        .containsExactly(ShardBump.UNSHARDED);
    assertThat(config.entity("thing").orElseThrow().defaultPageSize()).isEqualTo(10);
  }

  @Test
  void versionIgnoresKeyOrderAndDefaultsButNotContent() {
    String a =
        """
        {"hashKey": "pk", "rangeKey": "sk",
         "entities": {"thing": {"uniqueProperty": "id", "timestampProperty": "at"}},
         "propertyTranscodes": {"id": "string", "at": "timestamp"}}\
        """;
    String b =
        """
        {"propertyTranscodes": {"at": "timestamp", "id": "string"}, "shardKeyDelimiter": "!",
         "entities": {"thing": {"timestampProperty": "at", "uniqueProperty": "id"}},
         "rangeKey": "sk", "hashKey": "pk"}\
        """;
    String c =
        a.replace(
            "\"timestampProperty\": \"at\"}",
            "\"timestampProperty\": \"at\", \"shardBumps\": [{\"timestamp\": 5, \"charBits\": 1,"
                + " \"chars\": 1}]}");
    assertThat(ConfigLoader.parse(a).version())
        .isEqualTo(ConfigLoader.parse(b).version())
        .isNotEqualTo(ConfigLoader.parse(c).version());
  }

  @Test
  void reportsEveryErrorAtOnceWithPathAndRule() {
    ConfigValidationException e =
        catchThrowableOfType(
            ConfigValidationException.class,
            () ->
                ConfigLoader.parse(
                    """
                    {"hashKey": "pk", "rangeKey": "",
                     "colour": "blue",
                     "entities": {
                       "user": {"uniqueProperty": "userId", "timestampProperty": "created",
                                "shardBumps": [{"timestamp": 10, "charBits": 6, "chars": 1},
                                               {"timestamp": 20, "charBits": 2, "chars": 0}]},
                       "email": {"timestampProperty": "created"}
                     },
                     "generatedProperties": {"sharded": {"userHashKey": ["userId", "nickname"]}},
                     "indexes": {"byName": {"hashKey": "userId", "rangeKey": "name"}},
                     "propertyTranscodes": {"userId": "string", "created": "timestamp", "x": "float"}}\
                    """));
    assertThat(e.errors())
        .extracting(ConfigError::path, ConfigError::rule)
        .contains(
            org.assertj.core.groups.Tuple.tuple("$.rangeKey", "non-empty"),
            org.assertj.core.groups.Tuple.tuple("$.colour", "unknown-property"),
            org.assertj.core.groups.Tuple.tuple("$.entities.user.shardBumps[0].charBits", "range"),
            org.assertj.core.groups.Tuple.tuple("$.entities.email.uniqueProperty", "required"),
            org.assertj.core.groups.Tuple.tuple(
                "$.generatedProperties.sharded.userHashKey[1]", "transcoded"),
            org.assertj.core.groups.Tuple.tuple("$.indexes.byName.hashKey", "index-hash-key"),
            org.assertj.core.groups.Tuple.tuple("$.indexes.byName.rangeKey", "index-range-key"),
            org.assertj.core.groups.Tuple.tuple("$.propertyTranscodes.x", "known-transcode"));
    assertThat(e.getMessage())
        .contains("configuration errors:")
        .contains(
            "$.entities.user.shardBumps[0].charBits: 'charBits' must be between 1 and 5, got 6");
  }

  @Test
  void shardBumpCharsMustIncreaseAndTimestampsBeUnique() {
    List<ConfigError> errors =
        errorsOf(
            """
            [{"timestamp": 10, "charBits": 2, "chars": 2}, {"timestamp": 20, "charBits": 2, "chars": 1}]\
            """);
    assertThat(errors).extracting(ConfigError::rule).containsExactly("increasing-chars");
    assertThat(
            errorsOf(
                """
                [{"timestamp": 10, "charBits": 2, "chars": 1}, {"timestamp": 10, "charBits": 2, "chars": 2}]\
                """))
        .extracting(ConfigError::rule)
        .containsExactly("unique");
    assertThat(errorsOf("[{\"timestamp\": 10, \"charBits\": 5, \"chars\": 5}]"))
        .extracting(ConfigError::rule)
        .containsExactly("shard-count");
  }

  @Test
  void delimitersMustBeNonWordAndNotContainEachOther() {
    ConfigValidationException e =
        catchThrowableOfType(
            ConfigValidationException.class,
            () ->
                ConfigLoader.parse(
                    """
                    {"hashKey": "pk", "rangeKey": "sk", "generatedKeyDelimiter": "||",
                     "generatedValueDelimiter": "|", "shardKeyDelimiter": "x"}\
                    """));
    assertThat(e.errors())
        .extracting(ConfigError::path, ConfigError::rule)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("$.generatedKeyDelimiter", "delimiter-collision"),
            org.assertj.core.groups.Tuple.tuple("$.shardKeyDelimiter", "non-word-delimiter"));
  }

  @Test
  void rejectsNamesThatContainADelimiterAndKeyCollisions() {
    ConfigValidationException e =
        catchThrowableOfType(
            ConfigValidationException.class,
            () ->
                ConfigLoader.parse(
                    """
                    {"hashKey": "pk", "rangeKey": "sk",
                     "entities": {"us|er": {"uniqueProperty": "id", "timestampProperty": "at"}},
                     "generatedProperties": {"unsharded": {"at": ["id"]}},
                     "propertyTranscodes": {"id": "string", "at": "timestamp", "sk": "string"}}\
                    """));
    assertThat(e.errors()).extracting(ConfigError::rule).contains("no-delimiter", "key-collision");
  }

  @Test
  void reportsJsonSyntaxErrorsWithTheirPosition() {
    ConfigValidationException e =
        catchThrowableOfType(
            ConfigValidationException.class,
            () -> ConfigLoader.parse("{\"hashKey\": \"pk\",\n  \"rangeKey\" \"sk\"}"));
    assertThat(e.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.rule()).isEqualTo("json-syntax");
              assertThat(error.message()).contains("line 2");
            });
  }

  @Test
  void syntaxErrorsNameThePathBeingReadAndNoParserInternals() {
    ConfigError error =
        syntaxErrorOf(
            "{\"hashKey\": \"pk\",\n \"entities\": {\"user\": {\"shardBumps\": [{\"charBits\": 2,}]}}}");
    assertThat(error.path()).isEqualTo("$.entities.user.shardBumps[0].charBits");
    assertThat(error.message()).startsWith("not valid JSON at line 2, column ");

    ConfigError duplicate = syntaxErrorOf("{\"hashKey\": \"pk\",\n \"hashKey\": \"sk\"}");
    assertThat(duplicate.path()).isEqualTo("$.hashKey");
    assertThat(duplicate.message()).contains("line 2").contains("Duplicate field 'hashKey'");

    ConfigError unclosed = syntaxErrorOf("{\"entities\": {\"user\": {}");
    assertThat(unclosed.path()).isEqualTo("$.entities.user");
    assertThat(unclosed.message()).contains("end-of-input");

    for (ConfigError e : List.of(error, duplicate, unclosed)) {
      assertThat(e.message())
          .doesNotContain(
              "Source:",
              "ObjectNode",
              "DeserializationFeature",
              "StreamReadFeature",
              "com.fasterxml");
    }
  }

  @Test
  void wrongTypesNameTheirPathAndTheTypeExpected() {
    ConfigValidationException e =
        catchThrowableOfType(
            ConfigValidationException.class,
            () ->
                ConfigLoader.parse(
                    """
                {"hashKey": "pk", "rangeKey": 5,
                 "entities": {"t": {"uniqueProperty": "id", "timestampProperty": "at",
                                    "shardBumps": "none"}},
                 "propertyTranscodes": {"id": "string", "at": "timestamp"}}\
                """));
    assertThat(e.getMessage())
        .contains("$.rangeKey: 'rangeKey' must be a string [type]")
        .contains("$.entities.t.shardBumps: 'shardBumps' must be an array [type]")
        .doesNotContain("com.fasterxml");
  }

  private static ConfigError syntaxErrorOf(String json) {
    ConfigValidationException e =
        catchThrowableOfType(ConfigValidationException.class, () -> ConfigLoader.parse(json));
    assertThat(e).as("no error for %s", json).isNotNull();
    assertThat(e.errors()).hasSize(1);
    assertThat(e.errors().get(0).rule()).isEqualTo("json-syntax");
    return e.errors().get(0);
  }

  @Test
  void acceptsEntityManagersOwnConfigKeys() {
    EntityConfig config =
        ConfigLoader.parse(
            """
            {"hashKey": "pk", "rangeKey": "sk", "throttle": 5,
             "entities": {"t": {"uniqueProperty": "id", "timestampProperty": "at",
                                "defaultLimit": 20, "defaultPageSize": 5}},
             "indexes": {"byAt": {"hashKey": "pk", "rangeKey": "at", "projections": ["id"]}},
             "propertyTranscodes": {"id": "string", "at": "timestamp"}}\
            """);
    assertThat(config.index("byAt").orElseThrow().projections()).containsExactly("id");
    assertThat(config.entity("t").orElseThrow().defaultLimit()).isEqualTo(20);
  }

  private static List<ConfigError> errorsOf(String bumps) {
    return catchThrowableOfType(
            ConfigValidationException.class,
            () ->
                ConfigLoader.parse(
                    """
                    {"hashKey": "pk", "rangeKey": "sk",
                     "entities": {"t": {"uniqueProperty": "id", "timestampProperty": "at", "shardBumps": %s}},
                     "propertyTranscodes": {"id": "string", "at": "timestamp"}}\
                    """
                        .formatted(bumps)))
        .errors();
  }
}
