package io.shardstream.bench.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardstream.bench.items.ItemsFile;
import io.shardstream.bench.items.UserItem;
import io.shardstream.bench.items.UserItemGenerator;
import io.shardstream.bench.jmh.JmhSettings;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.schemas.ExampleConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real node side on a few users and checks Entity Manager keyed them as shardstream does.
 * This needs node and npm (and the npm registry on first run): without them it fails with the
 * reason, as {@code bench keys} itself would.
 *
 * <p>The config is the seed without its 2-char shard bump: Entity Manager 6.14 takes the shard
 * modulo chars×radix, which equals shardstream's radix^chars only when chars is 1.
 */
class EntityManagerAgreementTest {
  private static final List<String> KEYS_THAT_MUST_MATCH =
      List.of(
          "hashKey",
          "rangeKey",
          "userHashKey",
          "beneficiaryHashKey",
          "firstNameRangeKey",
          "lastNameRangeKey",
          "firstNameCanonical",
          "lastNameCanonical");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void entityManagerKeysItemsAsShardstreamDoes(@TempDir Path dir) throws Exception {
    String config = oneCharBumpsConfig();
    List<Map<String, Object>> users =
        new UserItemGenerator(11).generate(200).stream().map(UserItem::toMap).toList();
    Path dump = dir.resolve("entity-manager-keyed.jsonl");
    JmhSettings quick = new JmhSettings(0, 0, 1, Duration.ofMillis(20));

    SideResult reference;
    try (KeysWorkload workload = KeysWorkload.create(config, "user", users)) {
      reference =
          new EntityManagerKeysRun(NodeTestFolders.ENTITY_MANAGER, quick, note -> {})
              .run(workload, dump);
    }

    assertThat(reference.runtime()).contains("@karmaniverous/entity-manager 6.14.0");
    assertThat(reference.rates().mean()).isPositive();
    List<Map<String, Object>> keyedByEntityManager = ItemsFile.read(dump);
    assertThat(keyedByEntityManager).hasSameSizeAs(users);
    EntityManager shardstream =
        new EntityManager(io.shardstream.core.config.ConfigLoader.parse(config));
    List<String> hashKeys = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      Map<String, Object> expected = shardstream.addKeys("user", users.get(i));
      Map<String, Object> actual = keyedByEntityManager.get(i);
      for (String key : KEYS_THAT_MUST_MATCH) {
        assertThat(actual.get(key)).as("%s of %s", key, users.get(i)).isEqualTo(expected.get(key));
      }
      hashKeys.add((String) expected.get("hashKey"));
    }
    // Unsharded before the bump (2023), one base-4 character from 2024 on.
    assertThat(hashKeys)
        .contains("user!")
        .anyMatch(k -> k.matches("user![0-3]"))
        .allMatch(k -> k.matches("user![0-3]?"));
  }

  /** The seed config with the user's bumps cut to one: 1 base-4 character from 2024 on. */
  private static String oneCharBumpsConfig() throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(ExampleConfigs.userEmail());
    ArrayNode bumps = ((ObjectNode) root.path("entities").path("user")).putArray("shardBumps");
    bumps
        .addObject()
        .put("timestamp", Instant.parse("2024-01-01T00:00:00Z").toEpochMilli())
        .put("charBits", 2)
        .put("chars", 1);
    return JSON.writeValueAsString(root);
  }
}
