package io.shardstream.queryapi;

import io.shardstream.core.keys.PrimaryKey;
import io.shardstream.core.query.InMemoryPartitionReader;
import io.shardstream.core.testing.SeedUsers;
import io.shardstream.service.HealthCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link QueryBackend} over a fixed list of stored items, for tests without DynamoDB. */
final class InMemoryBackend {
  private InMemoryBackend() {}

  static QueryBackend of(List<Map<String, Object>> items) {
    Map<PrimaryKey, Map<String, Object>> byKey = new HashMap<>();
    items.forEach(
        i -> byKey.put(new PrimaryKey((String) i.get("hashKey"), (String) i.get("rangeKey")), i));
    ItemLookup lookup =
        candidates -> {
          for (int i = candidates.size() - 1; i >= 0; i--) {
            Map<String, Object> item = byKey.get(candidates.get(i));
            if (item != null) {
              return Optional.of(item);
            }
          }
          return Optional.empty();
        };
    return new QueryBackend(
        SeedUsers.MANAGER,
        new InMemoryPartitionReader(SeedUsers.CONFIG, items, true),
        lookup,
        Runnable::run,
        () -> HealthCheck.Result.up("in memory"),
        () -> 0);
  }
}
