package io.shardstream.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.testing.ExampleConfigJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Person model's keys: co-located children in their person's partition. The expected keys are
 * worked out by hand from {@link ShardKey#hash} (npm string-hash): {@code hash("p-1") = 193359657},
 * which is shard 9 of 16 ({@code "21"} in base 4, two characters) under the 2025 bump and shard 1
 * of 4 under the 2024 one; {@code hash("p-2") = 193360874}, shard 2 of 4 under the 2024 bump.
 */
class ColocatedKeysTest {
  static final EntityConfig CONFIG = ConfigLoader.parse(ExampleConfigJson.person());
  static final List<String> CHILDREN =
      List.of("address", "bankAccount", "contactInfo", "employment");

  /** 2025-03-01, under the 2025 bump (two base-4 characters: 16 shards). */
  static final long IN_2025 = 1_740_787_200_000L;

  /** 2024-06-01, under the 2024 bump (one base-4 character: 4 shards). */
  static final long IN_2024 = 1_717_200_000_000L;

  /** 2023-01-01, before any bump: unsharded. */
  static final long IN_2023 = 1_672_531_200_000L;

  private final EntityManager manager = new EntityManager(CONFIG);

  @Test
  void referenceVectorsOfAPersonAndEachKindOfChild() {
    assertKeys("person", person("p-1", IN_2025), "person!21", "id#p-1");
    assertKeys(
        "address", child("address", "a-1", "p-1", IN_2025), "person!21", "id#p-1,address#a-1");
    assertKeys(
        "bankAccount",
        child("bankAccount", "b-1", "p-1", IN_2025),
        "person!21",
        "id#p-1,bankAccount#b-1");
    assertKeys(
        "contactInfo",
        child("contactInfo", "c-1", "p-1", IN_2025),
        "person!21",
        "id#p-1,contactInfo#c-1");
    assertKeys(
        "employment",
        child("employment", "e-1", "p-1", IN_2025),
        "person!21",
        "id#p-1,employment#e-1");

    assertKeys("person", person("p-2", IN_2024), "person!2", "id#p-2");
    assertKeys(
        "address", child("address", "a-2", "p-2", IN_2024), "person!2", "id#p-2,address#a-2");
    assertKeys("person", person("p-3", IN_2023), "person!", "id#p-3");
    assertKeys("address", child("address", "a-3", "p-3", IN_2023), "person!", "id#p-3,address#a-3");
  }

  @Test
  void aChildCarriesNoneOfItsParentsGeneratedProperties() {
    Map<String, Object> person = manager.addKeys("person", person("p-1", IN_2025));
    Map<String, Object> address =
        manager.addKeys("address", child("address", "a-1", "p-1", IN_2025));

    assertThat(person).containsKeys("firstNameRangeKey", "lastNameRangeKey");
    assertThat(address)
        .doesNotContainKeys("firstNameRangeKey", "lastNameRangeKey", "createdAt")
        .containsEntry("personId", "p-1");
  }

  /** A child's event alone gives the keys its parent's own item gives: it may arrive first. */
  @Test
  void aChildBeforeItsParentLandsWhereTheParentWill() {
    for (long createdAt : new long[] {IN_2023, IN_2024, IN_2025}) {
      for (String token : CHILDREN) {
        PrimaryKey childKey = manager.primaryKey(token, child(token, "x-1", "p-7", createdAt));
        PrimaryKey parentKey = manager.primaryKey("person", person("p-7", createdAt));

        assertThat(childKey.hashKey()).isEqualTo(parentKey.hashKey());
        assertThat(childKey.rangeKey()).startsWith(manager.childPrefix(token, "p-7"));
        ChildRange range = manager.childRange("person", "p-7");
        assertThat(range.from()).isEqualTo(parentKey.rangeKey());
        assertThat(range.contains(childKey.rangeKey())).isTrue();
        assertThat(range.contains(parentKey.rangeKey())).isTrue();
      }
    }
  }

  @Test
  void childRangeAndPrefixAreTheContractsStrings() {
    ChildRange range = manager.childRange("person", "p-1");
    assertThat(range.from()).isEqualTo("id#p-1");
    assertThat(range.childrenPrefix()).isEqualTo("id#p-1,");
    assertThat(range.to()).isEqualTo("id#p-1," + Character.toString(0x10FFFF));
    assertThat(manager.childPrefix("address", "p-1")).isEqualTo("id#p-1,address#");
    assertThat(range.contains("id#p-10")).as("another person whose id extends p-1").isFalse();
    assertThat(range.contains("id#p-1#x,address#a-1")).isFalse();
    assertThatThrownBy(() -> manager.childPrefix("person", "p-1"))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("'person' is not co-located");
  }

  @Test
  void entityOfReadsTheKeys() {
    for (String token : CHILDREN) {
      Map<String, Object> item = manager.addKeys(token, child(token, "x#1", "p-1", IN_2025));
      assertThat(manager.entityOf(item)).map(EntityDefinition::token).contains(token);
    }
    assertThat(manager.entityOf(manager.addKeys("person", person("p-1", IN_2023))))
        .map(EntityDefinition::token)
        .contains("person");
    assertThat(manager.entityOf(Map.of("hashKey", "person!21", "rangeKey", "id#p-1,nothing#x")))
        .isEmpty();
    assertThat(manager.entityOf(Map.of("hashKey", "planet!", "rangeKey", "id#p-1"))).isEmpty();
    assertThat(manager.entityOf(Map.of("rangeKey", "id#p-1"))).isEmpty();
  }

  @Test
  void aChildsKeyNeedsItsParentReferenceAndTimestamp() {
    Map<String, Object> noReference = child("address", "a-1", "p-1", IN_2025);
    noReference.remove("personId");
    Map<String, Object> noTimestamp = child("address", "a-1", "p-1", IN_2025);
    noTimestamp.remove("personCreatedAt");

    assertThatThrownBy(() -> manager.addKeys("address", noReference))
        .isInstanceOf(KeyException.class)
        .hasMessage(
            "missing parent reference 'personId' (address items live in their person's partition)");
    assertThatThrownBy(() -> manager.primaryKey("address", noTimestamp))
        .isInstanceOf(KeyException.class)
        .hasMessage(
            "missing parent timestamp property 'personCreatedAt' (the person's createdAt, needed to"
                + " choose its partition)")
        .extracting(e -> ((KeyException) e).property())
        .isEqualTo("personCreatedAt");
    assertThatThrownBy(() -> manager.candidatePrimaryKeys("address", "a-1"))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining(
            "address items live in their person's partition, which an id alone does not tell");
    assertThat(manager.candidatePrimaryKeys("person", "p-1"))
        .extracting(PrimaryKey::hashKey)
        .containsExactly("person!", "person!1", "person!21");
  }

  @Test
  void aChildsHashKeySpaceIsItsParents() {
    assertThat(manager.hashKeySpace("address", "hashKey", Map.of(), IN_2025, IN_2025))
        .isEqualTo(manager.hashKeySpace("person", "hashKey", Map.of(), IN_2025, IN_2025))
        .hasSize(16)
        .allMatch(key -> key.startsWith("person!"));
  }

  private void assertKeys(String token, Map<String, Object> item, String hashKey, String rangeKey) {
    Map<String, Object> keyed = manager.addKeys(token, item);
    assertThat(keyed)
        .as(token)
        .containsEntry("hashKey", hashKey)
        .containsEntry("rangeKey", rangeKey);
    assertThat(manager.primaryKey(token, item)).isEqualTo(new PrimaryKey(hashKey, rangeKey));
  }

  static Map<String, Object> person(String id, long createdAt) {
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("id", id);
    person.put("firstName", "Ada");
    person.put("lastName", "Lovelace");
    person.put("createdAt", createdAt);
    person.put("updatedAt", createdAt);
    return person;
  }

  static Map<String, Object> child(String token, String id, String personId, long createdAt) {
    Map<String, Object> child = new LinkedHashMap<>();
    child.put("id", id);
    child.put("personId", personId);
    child.put("personCreatedAt", createdAt);
    child.put("isPrimary", true);
    child.put("kind", token);
    return child;
  }
}
