package io.shardstream.core.keys;

import static io.shardstream.core.keys.UnkeyedUsers.user;
import static io.shardstream.core.testing.SeedUsers.BUMP_4;
import static io.shardstream.core.testing.SeedUsers.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.ShardBump;
import io.shardstream.core.testing.SeedUsers;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per place where Entity Manager is wrong and shardstream is right (DESIGN §3). */
class ReferenceDefectsTest {
  private static final EntityConfig LEDGER =
      ConfigLoader.parse(
          """
          {"hashKey": "hashKey", "rangeKey": "rangeKey",
           "entities": {"entry": {"uniqueProperty": "entryId", "timestampProperty": "at",
                                  "shardBumps": [{"timestamp": 0, "charBits": 2, "chars": 2}]}},
           "generatedProperties": {
             "sharded": {"accountHashKey": ["account"]},
             "unsharded": {"amountRangeKey": ["amount", "cleared", "at"],
                           "balanceRangeKey": ["balance", "at"]}},
           "indexes": {"byAmount": {"hashKey": "accountHashKey", "rangeKey": "amountRangeKey"}},
           "propertyTranscodes": {"entryId": "int", "at": "timestamp", "account": "string",
                                  "amount": "int", "cleared": "boolean", "balance": "fix6"}}\
          """);
  private static final EntityManager LEDGER_KEYS = new EntityManager(LEDGER);

  /**
   * Reference writes raw values: int and boolean keys cannot be decoded and numbers do not sort.
   */
  @Test
  void transcodesApplyInsideGeneratedKeysAndDecodingRoundTrips() {
    Map<String, Object> keyed = LEDGER_KEYS.addKeys("entry", entry(7, "acc", -42, true, "-3.5"));
    assertThat(keyed.get("amountRangeKey"))
        .isEqualTo("amount#n9999999999999958|cleared#t|at#0000000001000");
    assertThat(keyed.get("rangeKey")).isEqualTo("entryId#p0000000000000007");
    assertThat(
            LEDGER_KEYS.decodeGeneratedProperty(
                "amountRangeKey", (String) keyed.get("amountRangeKey")))
        .containsExactly(
            Map.entry("amount", -42L), Map.entry("cleared", true), Map.entry("at", 1000L));
    assertThat(
            LEDGER_KEYS.decodeGeneratedProperty(
                "balanceRangeKey", (String) keyed.get("balanceRangeKey")))
        .containsEntry("balance", new BigDecimal("-3.500000"));
  }

  /** Reference encodes −5 as n + padded 5, so negatives sort in reverse. */
  @Test
  void negativeNumbersSortInsideKeys() {
    List<Integer> amounts = List.of(-100, -5, -4, 0, 3, 20, 1000);
    List<String> keys =
        amounts.stream()
            .map(
                a ->
                    (String)
                        LEDGER_KEYS
                            .addKeys("entry", entry(1, "acc", a, false, "0"))
                            .get("amountRangeKey"))
            .toList();
    assertThat(keys).isSorted();
  }

  /** Reference hashes the number itself, so every numeric id lands in one shard. */
  @Test
  void numericUniqueIdsSpreadOverEveryShard() {
    Set<String> hashKeys = new HashSet<>();
    for (int id = 0; id < 1000; id++) {
      String hashKey = LEDGER_KEYS.primaryKey("entry", entry(id, "acc", 1, true, "0")).hashKey();
      assertThat(hashKey)
          .isEqualTo("entry!" + ShardKey.suffix(Integer.toString(id), new ShardBump(0, 2, 2)));
      hashKeys.add(hashKey);
    }
    assertThat(hashKeys).hasSize(16);
  }

  /** Old reference builds used chars × radix shards, leaving shards empty for chars ≥ 2. */
  @Test
  void shardModulusIsRadixToThePowerOfChars() {
    Set<String> hashKeys = new HashSet<>();
    for (int i = 0; i < 5000; i++) {
      hashKeys.add(MANAGER.primaryKey("user", user("user-" + i, SeedUsers.BUMP_16 + i)).hashKey());
    }
    // charBits 2, chars 2: 4^2 = 16 shards, all used (chars × radix would give 8).
    assertThat(hashKeys)
        .hasSize(16)
        .containsExactlyInAnyOrderElementsOf(
            MANAGER.hashKeySpace(
                "user", "hashKey", Map.of(), SeedUsers.BUMP_16, SeedUsers.BUMP_16));
  }

  /** Reference 6.14 crashes on an empty shardBumps list. */
  @Test
  void emptyShardBumpsIsValidAndUnsharded() {
    EntityConfig config =
        ConfigLoader.parse(
            """
            {"hashKey": "pk", "rangeKey": "sk",
             "entities": {"t": {"uniqueProperty": "id", "timestampProperty": "at", "shardBumps": []}},
             "propertyTranscodes": {"id": "string", "at": "timestamp"}}\
            """);
    EntityManager manager = new EntityManager(config);
    assertThat(manager.addKeys("t", Map.of("id", "x", "at", 5L)))
        .containsEntry("pk", "t!")
        .containsEntry("sk", "id#x");
    assertThat(manager.hashKeySpace("t", "pk", Map.of(), 0, Long.MAX_VALUE)).containsExactly("t!");
  }

  /** Reference builds firstNameCanonical#ada|lastNameCanonical#|created#, which never matches. */
  @Test
  void searchPrefixStopsAtTheFirstMissingElement() {
    String prefix =
        MANAGER.searchPrefix("firstNameRangeKey", Map.of("firstNameCanonical", "ada"), true);
    assertThat(prefix).isEqualTo("firstNameCanonical#ada");
    String stored = (String) MANAGER.addKeys("user", user("u", BUMP_4)).get("firstNameRangeKey");
    assertThat(stored).startsWith(prefix);
    assertThat(
            MANAGER.searchPrefix("firstNameRangeKey", Map.of("firstNameCanonical", "ada"), false))
        .isEqualTo("firstNameCanonical#ada,");
    assertThat(
            MANAGER.searchPrefix(
                "firstNameRangeKey",
                Map.of("firstNameCanonical", "ada", "lastNameCanonical", "gomez"),
                true))
        .isEqualTo("firstNameCanonical#ada,lastNameCanonical#gomez");
    assertThat(
            MANAGER.searchPrefix(
                "firstNameRangeKey", Map.of("firstNameCanonical", "ada", "created", 5L), true))
        .as("created is skipped because lastNameCanonical, before it, is missing")
        .isEqualTo("firstNameCanonical#ada");
    assertThat(MANAGER.searchPrefix("firstNameRangeKey", Map.of(), true))
        .isEqualTo("firstNameCanonical#");
  }

  /** A value holding the key delimiter would make the key ambiguous: rejected, naming the field. */
  @Test
  void valuesContainingTheKeyDelimiterAreRejectedClearly() {
    Map<String, Object> user = user("evil,id", BUMP_4);
    assertThatThrownBy(() -> MANAGER.addKeys("user", user))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("'userId'")
        .hasMessageContaining("delimiter ','");
    Map<String, Object> email =
        new LinkedHashMap<>(Map.of("email", "a#b!c@x.com", "userId", "u", "created", BUMP_4));
    Map<String, Object> keyed = MANAGER.addKeys("email", email);
    // The value delimiter inside a value is unambiguous: splitting stops at the first one.
    assertThat(keyed.get("rangeKey")).isEqualTo("email#a#b!c@x.com");
    assertThat(MANAGER.decodeGeneratedProperty("userHashKey", (String) keyed.get("userHashKey")))
        .containsEntry("userId", "u");
  }

  /** Reference writes firstNameRangeKey on every email: a GSI write per email, a polluted index. */
  @Test
  void generatedPropertiesAreNotWrittenWhereTheyMeanNothing() {
    Map<String, Object> email =
        MANAGER.addKeys("email", Map.of("email", "a@x.com", "userId", "u", "created", BUMP_4));
    assertThat(email)
        .containsKeys("hashKey", "rangeKey", "userHashKey")
        .doesNotContainKeys("firstNameRangeKey", "lastNameRangeKey", "beneficiaryHashKey");
  }

  private static Map<String, Object> entry(
      long id, String account, int amount, boolean cleared, String balance) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("entryId", id);
    entry.put("account", account);
    entry.put("amount", amount);
    entry.put("cleared", cleared);
    entry.put("balance", new BigDecimal(balance));
    entry.put("at", 1000L);
    return entry;
  }
}
