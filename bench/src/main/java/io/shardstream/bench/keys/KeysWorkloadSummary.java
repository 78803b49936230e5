package io.shardstream.bench.keys;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.config.ShardBump;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * The workload of a {@code bench keys} run in words, for the report.
 *
 * @param config e.g. {@code user-email: entity user, 12 indexes, 4 generated properties, ...}
 */
public record KeysWorkloadSummary(int items, long seed, String config) {
  /** Both sides do this; the node script reproduces shardstream's canonicalization in JS. */
  public static final String WORK_PER_ITEM =
      "copy the raw user; derive firstNameCanonical and lastNameCanonical (NFKD, marks dropped,"
          + " lower-cased, non-word characters dropped: inside shardstream's addKeys, and in the"
          + " node script in JS inside the timed loop just before Entity Manager's addKeys); add"
          + " hashKey, rangeKey and the generated keys";

  public static final String SHARD_NOTE =
      "Entity Manager 6.14 takes the shard modulo "
          + "chars×radix where shardstream takes radix^chars, so hash keys agree only under 1-char "
          + "bumps; the work per item is the same.";
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  public static KeysWorkloadSummary of(
      int items, long seed, String configName, KeysWorkload workload) {
    return new KeysWorkloadSummary(
        items, seed, configName + ": " + describe(workload.config(), workload.entity()));
  }

  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "%,d users (seed %d), one JSON-lines file for " + "both sides; config %s",
        items,
        seed,
        config);
  }

  static String describe(EntityConfig config, EntityDefinition entity) {
    String bumps =
        entity.shardBumps().stream()
            .filter(bump -> bump.chars() > 0)
            .map(KeysWorkloadSummary::describe)
            .collect(Collectors.joining(", "));
    return "entity "
        + entity.token()
        + ", "
        + config.indexes().size()
        + " indexes, "
        + config.generatedProperties().size()
        + " generated properties, shard bumps "
        + (bumps.isEmpty() ? "none" : bumps);
  }

  private static String describe(ShardBump bump) {
    return "from "
        + DAY.format(Instant.ofEpochMilli(bump.timestamp()))
        + " "
        + bump.chars()
        + (bump.chars() == 1 ? " char" : " chars")
        + " base "
        + bump.radix();
  }
}
