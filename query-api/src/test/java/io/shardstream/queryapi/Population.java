package io.shardstream.queryapi;

import io.shardstream.core.testing.SeedUsers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random users as the table stores them, over the seed's three bump eras (unsharded, 4 and 16
 * shards) and at the bump edges, names from a tiny alphabet so that searches find many. Sort values
 * (created, updated, phone) repeat across shards, where the merger orders ties by userId, but never
 * inside one shard: DynamoDB Local returns ties inside one index partition in an order of its own,
 * not by table key (see the dynamo module's DynamoPartitionReaderIT), which would make the exact
 * order of such ties DynamoDB's.
 */
final class Population {
  static final List<Long> INSTANTS =
      List.of(
          SeedUsers.START,
          SeedUsers.BUMP_4 - 1,
          SeedUsers.BUMP_4,
          SeedUsers.BUMP_4 + 3_600_000L,
          SeedUsers.BUMP_16 - 1,
          SeedUsers.BUMP_16,
          SeedUsers.BUMP_16 + 86_400_000L,
          SeedUsers.END);
  static final List<String> BENEFICIARIES = List.of("b0", "b1", "b2");
  private static final String NAME_LETTERS = "aAbBéÉ";

  private Population() {}

  static List<Map<String, Object>> users(Random random, String idPrefix, int count) {
    Set<String> taken = new HashSet<>();
    List<Map<String, Object>> users = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long created = INSTANTS.get(random.nextInt(INSTANTS.size()));
      long age = random.nextInt(3) * 60_000L;
      String phone = random.nextInt(4) == 0 ? null : "1" + random.nextInt(3);
      Map<String, Object> user;
      do {
        user =
            SeedUsers.user(
                idPrefix + i,
                BENEFICIARIES.get(random.nextInt(3)),
                name(random),
                name(random) + (random.nextInt(5) == 0 ? "-" + name(random) : ""),
                phone,
                created,
                created + age);
        created++;
        phone = phone == null ? null : phone + random.nextInt(10);
      } while (!claim(taken, user));
      users.add(user);
    }
    return users;
  }

  private static String name(Random random) {
    StringBuilder name = new StringBuilder();
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      name.append(NAME_LETTERS.charAt(random.nextInt(NAME_LETTERS.length())));
    }
    return name.toString();
  }

  /** Claims the user's sort values in its shard, unless one is taken there already. */
  private static boolean claim(Set<String> taken, Map<String, Object> user) {
    List<String> keys = new ArrayList<>();
    for (String property : List.of("created", "updated", "phone")) {
      if (user.get(property) != null) {
        keys.add(user.get("hashKey") + " " + property + " " + user.get(property));
      }
    }
    if (keys.stream().anyMatch(taken::contains)) {
      return false;
    }
    taken.addAll(keys);
    return true;
  }
}
