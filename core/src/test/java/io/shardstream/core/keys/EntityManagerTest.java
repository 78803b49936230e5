package io.shardstream.core.keys;

import static io.shardstream.core.keys.UnkeyedUsers.user;
import static io.shardstream.core.testing.SeedUsers.BUMP_16;
import static io.shardstream.core.testing.SeedUsers.BUMP_4;
import static io.shardstream.core.testing.SeedUsers.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityManagerTest {

  @Test
  void addsEveryKeyToAUser() {
    Map<String, Object> keyed = MANAGER.addKeys("user", user("u-1", BUMP_16 + 5));
    String suffix =
        ShardKey.suffix("u-1", MANAGER.config().entity("user").orElseThrow().bumpAt(BUMP_16 + 5));
    assertThat(suffix).hasSize(2);
    assertThat(keyed)
        .containsEntry("hashKey", "user!" + suffix)
        .containsEntry("rangeKey", "userId#u-1")
        .containsEntry("firstNameCanonical", "ada")
        .containsEntry("lastNameCanonical", "gomezjuarez")
        .containsEntry("userHashKey", "user!" + suffix + ",userId#u-1")
        .containsEntry("beneficiaryHashKey", "user!" + suffix + ",beneficiaryId#ben-1")
        .containsEntry(
            "firstNameRangeKey",
            "firstNameCanonical#ada,lastNameCanonical#gomezjuarez,created#" + (BUMP_16 + 5))
        .containsEntry(
            "lastNameRangeKey",
            "lastNameCanonical#gomezjuarez,firstNameCanonical#ada,created#" + (BUMP_16 + 5));
  }

  @Test
  void keysAreRecomputedNotKeptFromTheInput() {
    Map<String, Object> stale = MANAGER.addKeys("user", user("u-1", BUMP_16 + 5));
    stale.put("firstName", "Grace");
    assertThat(MANAGER.addKeys("user", stale).get("firstNameRangeKey").toString())
        .startsWith("firstNameCanonical#grace,");
  }

  @Test
  void removeKeysLeavesOnlyData() {
    Map<String, Object> keyed = MANAGER.addKeys("user", user("u-1", BUMP_4 + 5));
    assertThat(MANAGER.removeKeys("user", keyed))
        .doesNotContainKeys(
            "hashKey",
            "rangeKey",
            "userHashKey",
            "beneficiaryHashKey",
            "firstNameRangeKey",
            "lastNameRangeKey")
        .containsEntry("userId", "u-1")
        .containsEntry("firstNameCanonical", "ada");
  }

  @Test
  void primaryKeyAndCandidatesAcrossBumps() {
    Map<String, Object> item = user("u-1", BUMP_4 + 5);
    PrimaryKey key = MANAGER.primaryKey("user", item);
    assertThat(key.rangeKey()).isEqualTo("userId#u-1");
    assertThat(MANAGER.candidatePrimaryKeys("user", "u-1"))
        .extracting(PrimaryKey::hashKey)
        .containsExactly(
            "user!",
            "user!"
                + ShardKey.suffix(
                    "u-1", MANAGER.config().entity("user").orElseThrow().bumpAt(BUMP_4)),
            "user!"
                + ShardKey.suffix(
                    "u-1", MANAGER.config().entity("user").orElseThrow().bumpAt(BUMP_16)))
        .contains(key.hashKey());
  }

  @Test
  void generatedPropertiesDecodeBackToTheirElements() {
    Map<String, Object> keyed = MANAGER.addKeys("user", user("u-1", BUMP_4 + 5));
    assertThat(
            MANAGER.decodeGeneratedProperty(
                "firstNameRangeKey", (String) keyed.get("firstNameRangeKey")))
        .containsExactly(
            Map.entry("firstNameCanonical", "ada"),
            Map.entry("lastNameCanonical", "gomezjuarez"),
            Map.entry("created", BUMP_4 + 5));
    assertThat(MANAGER.decodeGeneratedProperty("userHashKey", (String) keyed.get("userHashKey")))
        .containsEntry("hashKey", keyed.get("hashKey"))
        .containsEntry("userId", "u-1");
    assertThatThrownBy(() -> MANAGER.decodeGeneratedProperty("firstNameRangeKey", "bogus#1"))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("firstNameRangeKey");
  }

  @Test
  void hashKeySpaceCoversEveryBumpInTheWindow() {
    assertThat(MANAGER.hashKeySpace("user", "hashKey", Map.of(), 0, BUMP_4 - 1))
        .containsExactly("user!");
    assertThat(MANAGER.hashKeySpace("user", "hashKey", Map.of(), BUMP_4, BUMP_16 - 1))
        .containsExactly("user!0", "user!1", "user!2", "user!3");
    assertThat(MANAGER.hashKeySpace("user", "hashKey", Map.of(), 0, Long.MAX_VALUE))
        .hasSize(1 + 4 + 16)
        .contains("user!", "user!3", "user!00", "user!33");
    assertThat(MANAGER.hashKeySpace("user", "hashKey", Map.of(), BUMP_16, BUMP_16 + 10))
        .hasSize(16)
        .allMatch(k -> k.matches("user![0-3]{2}"));
    assertThat(
            MANAGER.hashKeySpace(
                "user", "beneficiaryHashKey", Map.of("beneficiaryId", "b"), BUMP_4, BUMP_4))
        .containsExactly(
            "user!0,beneficiaryId#b",
            "user!1,beneficiaryId#b",
            "user!2,beneficiaryId#b",
            "user!3,beneficiaryId#b");
    assertThatThrownBy(() -> MANAGER.hashKeySpace("user", "beneficiaryHashKey", Map.of(), 0, 1))
        .hasMessageContaining("beneficiaryId");
  }

  @Test
  void everyItemLandsInsideTheHashKeySpaceOfItsWindow() {
    for (int i = 0; i < 2000; i++) {
      long created = BUMP_4 - 1_000_000 + i * 50_000_000L;
      String hashKey = MANAGER.primaryKey("user", user("id-" + i, created)).hashKey();
      assertThat(MANAGER.hashKeySpace("user", "hashKey", Map.of(), created, created))
          .contains(hashKey);
    }
  }

  @Test
  void missingOrMistypedPropertiesAreNamed() {
    Map<String, Object> noId = user("u", BUMP_4);
    noId.remove("userId");
    assertThatThrownBy(() -> MANAGER.addKeys("user", noId))
        .isInstanceOf(KeyException.class)
        .hasMessage("missing unique property 'userId'");
    Map<String, Object> noCreated = user("u", BUMP_4);
    noCreated.remove("created");
    assertThatThrownBy(() -> MANAGER.addKeys("user", noCreated))
        .hasMessageContaining("missing timestamp property 'created'");
    Map<String, Object> textCreated = user("u", BUMP_4);
    textCreated.put("created", "yesterday");
    assertThatThrownBy(() -> MANAGER.addKeys("user", textCreated))
        .isInstanceOfSatisfying(
            KeyException.class, e -> assertThat(e.property()).isEqualTo("created"));
    assertThatThrownBy(() -> MANAGER.addKeys("usr", user("u", 1)))
        .hasMessage("unknown entity 'usr' (known: email, user)");
  }

  @Test
  void keysLongerThanDynamoDbAllowsAreRejected() {
    Map<String, Object> longName = user("u", BUMP_4);
    longName.put("firstName", "a".repeat(1100));
    assertThatThrownBy(() -> MANAGER.addKeys("user", longName))
        .hasMessageContaining("firstNameRangeKey")
        .hasMessageContaining("1024");
  }
}
