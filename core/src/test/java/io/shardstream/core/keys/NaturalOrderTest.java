package io.shardstream.core.keys;

import static io.shardstream.core.testing.SeedUsers.BUMP_16;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.DelimiterOrder;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.testing.ExampleConfigJson;
import io.shardstream.core.testing.SeedUsers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped configuration's generated key delimiter sorts below every canonical character, so
 * name keys order naturally; Entity Manager's {@code |} keeps its keys and its order, and says so.
 */
class NaturalOrderTest {
  /** The seed config as Entity Manager ships delimiters: {@code |}. */
  private static final EntityConfig ENTITY_MANAGER_DELIMITERS =
      ConfigLoader.parse(
          ExampleConfigJson.userEmail()
              .replace(
                  "\"generatedKeyDelimiter\": \"" + DelimiterOrder.NATURAL + "\"",
                  "\"generatedKeyDelimiter\": \"|\""));

  /** Pairs from the issue: the first must come first. */
  private static final List<List<String>> LAST_NAMES_IN_ORDER =
      List.of(
          List.of("Lee", "Leeds"),
          List.of("Ana", "Anabel"),
          List.of("Smith", "Smithe"),
          List.of("Mart", "Martin"),
          List.of("Martin", "Martínez"));

  @Test
  void theShippedConfigOrdersNamesNaturallyAndSaysNothing() {
    EntityConfig seed = SeedUsers.CONFIG;
    assertThat(seed.generatedKeyDelimiter()).isEqualTo(DelimiterOrder.NATURAL);
    assertThat(DelimiterOrder.isNatural(seed.generatedKeyDelimiter())).isTrue();
    assertThat(DelimiterOrder.notice(seed)).isEmpty();
    EntityManager manager = new EntityManager(seed);
    for (List<String> pair : LAST_NAMES_IN_ORDER) {
      assertThat(compareKeys(manager, pair.get(0), pair.get(1)))
          .as("%s before %s", pair.get(0), pair.get(1))
          .isNegative();
    }
  }

  @Test
  void entityManagersDelimiterKeepsItsOrderAndExplainsIt() {
    EntityManager manager = new EntityManager(ENTITY_MANAGER_DELIMITERS);
    // The defect the shipped config avoids: lee|… sorts after leeds|… ('|' is above 'd').
    assertThat(compareKeys(manager, "Lee", "Leeds")).isPositive();
    assertThat(manager.addKeys("user", UnkeyedUsers.user("u-1", BUMP_16)).get("lastNameRangeKey"))
        .isEqualTo("lastNameCanonical#gomezjuarez|firstNameCanonical#ada|created#" + BUMP_16);
    assertThat(DelimiterOrder.notice(ENTITY_MANAGER_DELIMITERS))
        .hasValueSatisfying(
            notice ->
                assertThat(notice)
                    .contains("generatedKeyDelimiter '|'")
                    .contains("Leeds before Lee")
                    .contains("Entity Manager's keys")
                    .contains("','")
                    .contains("shardstream replay"));
    // Without generatedKeyDelimiter Entity Manager's default '|' applies: the same notice.
    EntityConfig implicit =
        ConfigLoader.parse(
            ExampleConfigJson.userEmail().replace("\"generatedKeyDelimiter\": \",\",", ""));
    assertThat(implicit.generatedKeyDelimiter()).isEqualTo("|");
    assertThat(DelimiterOrder.notice(implicit)).isPresent();
  }

  @Test
  void naturalMeansBelowEveryCanonicalCharacter() {
    for (String natural : List.of(",", "!", "$", "/", " ", "\u001f", ",|")) {
      assertThat(DelimiterOrder.isNatural(natural)).as(natural).isTrue();
    }
    for (String not : List.of("|", "~", ":", "@", "^", "\u00a7")) {
      assertThat(DelimiterOrder.isNatural(not)).as(not).isFalse();
    }
  }

  /** Each config rejects its own delimiter in values; real names never hold either. */
  @Test
  void eachDelimiterIsRejectedInValuesOfItsConfig() {
    assertThatThrownBy(() -> SeedUsers.MANAGER.addKeys("user", UnkeyedUsers.user("a,b", BUMP_16)))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("delimiter ','");
    assertThat(SeedUsers.MANAGER.addKeys("user", UnkeyedUsers.user("a|b", BUMP_16)))
        .containsEntry("rangeKey", "userId#a|b");
    EntityManager entityManager = new EntityManager(ENTITY_MANAGER_DELIMITERS);
    assertThatThrownBy(() -> entityManager.addKeys("user", UnkeyedUsers.user("a|b", BUMP_16)))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("delimiter '|'");
    Map<String, Object> user = UnkeyedUsers.user("u-2", BUMP_16);
    user.put("lastName", "Smith, Jr. | O'Neil");
    assertThat(SeedUsers.MANAGER.addKeys("user", user).get("lastNameRangeKey"))
        .isEqualTo("lastNameCanonical#smithjroneil,firstNameCanonical#ada,created#" + BUMP_16);
  }

  /** The sign of comparing two users' lastNameRangeKeys as DynamoDB does (UTF-8 bytes). */
  private static int compareKeys(EntityManager manager, String lastA, String lastB) {
    Comparator<String> utf8 =
        (a, b) ->
            Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    return Integer.signum(
        utf8.compare(lastNameKey(manager, lastA, "u-a"), lastNameKey(manager, lastB, "u-b")));
  }

  private static String lastNameKey(EntityManager manager, String lastName, String id) {
    Map<String, Object> user = UnkeyedUsers.user(id, BUMP_16);
    user.put("lastName", lastName);
    return (String) manager.addKeys("user", user).get("lastNameRangeKey");
  }
}
