package io.shardstream.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.shardstream.core.testing.ExampleConfigJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An entity's plural: its route segment and topic name, configured or the English default. */
class PluralTest {
  @Test
  void theDefaultIsTheRegularEnglishPlural() {
    Map<String, String> expected =
        Map.ofEntries(
            Map.entry("user", "users"),
            Map.entry("email", "emails"),
            Map.entry("person", "persons"),
            Map.entry("address", "addresses"),
            Map.entry("bankAccount", "bankAccounts"),
            Map.entry("contactInfo", "contactInfos"),
            Map.entry("employment", "employments"),
            Map.entry("box", "boxes"),
            Map.entry("quiz", "quizes"),
            Map.entry("batch", "batches"),
            Map.entry("wish", "wishes"),
            Map.entry("company", "companies"),
            Map.entry("day", "days"),
            Map.entry("BUS", "BUSes"));
    expected.forEach(
        (token, plural) ->
            assertThat(EntityDefinition.defaultPlural(token)).as(token).isEqualTo(plural));
  }

  @Test
  void theExampleModelsUseTheDefaults() {
    EntityConfig person = ConfigLoader.parse(ExampleConfigJson.person());
    assertThat(person.entities().values())
        .extracting(EntityDefinition::token, EntityDefinition::plural)
        .containsExactlyInAnyOrder(
            tuple("person", "persons"),
            tuple("address", "addresses"),
            tuple("bankAccount", "bankAccounts"),
            tuple("contactInfo", "contactInfos"),
            tuple("employment", "employments"));
    EntityConfig userEmail = ConfigLoader.parse(ExampleConfigJson.userEmail());
    assertThat(userEmail.entity("user").orElseThrow().plural()).isEqualTo("users");
    assertThat(userEmail.entity("email").orElseThrow().plural()).isEqualTo("emails");
  }

  @Test
  void aConfiguredPluralWinsAndChangesTheVersionOnlyWhenItDiffersFromTheDefault() {
    EntityConfig plain = ConfigLoader.parse(thing(""));
    EntityConfig people = ConfigLoader.parse(thing("\"plural\": \"people\","));
    EntityConfig explicitDefault = ConfigLoader.parse(thing("\"plural\": \"things\","));

    assertThat(plain.entity("thing").orElseThrow().plural()).isEqualTo("things");
    assertThat(plain.entity("thing").orElseThrow().pluralConfigured()).isFalse();
    assertThat(people.entity("thing").orElseThrow().plural()).isEqualTo("people");
    assertThat(people.entity("thing").orElseThrow().pluralConfigured()).isTrue();
    assertThat(people.version()).isNotEqualTo(plain.version());
    assertThat(explicitDefault.version()).isEqualTo(plain.version());
  }

  @Test
  void aPluralMustBeANonEmptyNameOfLettersAndDigits() {
    for (String bad : new String[] {"\"\"", "\"my-things\"", "\"2things\"", "\"thing s\"", "7"}) {
      ConfigValidationException e =
          catchThrowableOfType(
              ConfigValidationException.class,
              () -> ConfigLoader.parse(thing("\"plural\": " + bad + ",")));
      assertThat(e).as(bad).isNotNull();
      assertThat(e.errors())
          .as(bad)
          .extracting(ConfigError::path)
          .containsExactly("$.entities.thing.plural");
    }
  }

  @Test
  void twoEntitiesCannotShareAPluralWhateverTheCase() {
    ConfigValidationException e =
        catchThrowableOfType(
            ConfigValidationException.class,
            () ->
                ConfigLoader.parse(
                    """
                    {"hashKey": "pk", "rangeKey": "sk",
                     "entities": {
                       "thing": {"uniqueProperty": "id", "timestampProperty": "at"},
                       "item": {"uniqueProperty": "id", "timestampProperty": "at",
                                "plural": "Things"}},
                     "propertyTranscodes": {"id": "string", "at": "timestamp"}}\
                    """));
    assertThat(e.errors())
        .extracting(ConfigError::path, ConfigError::rule)
        .containsExactly(tuple("$.entities.thing.plural", "unique-plural"));
    assertThat(e.errors().get(0).message()).contains("'things'", "item's");
  }

  private static String thing(String extra) {
    return """
        {"hashKey": "pk", "rangeKey": "sk",
         "entities": {"thing": {%s "uniqueProperty": "id", "timestampProperty": "at"}},
         "propertyTranscodes": {"id": "string", "at": "timestamp"}}\
        """
        .formatted(extra);
  }
}
