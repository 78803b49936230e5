package io.shardstream.core.query;

import io.shardstream.core.config.ConfigLoader;
import io.shardstream.core.config.EntityConfig;
import io.shardstream.core.keys.EntityManager;
import io.shardstream.schemas.ExampleConfigs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** The seed config, users keyed by it, and paging helpers for the query tests. */
final class Users {
  static final EntityConfig CONFIG = ConfigLoader.parse(ExampleConfigs.userEmail());
  static final EntityManager MANAGER = new EntityManager(CONFIG);

  /** 2023-06-01: before the first bump (one unsharded partition). */
  static final long START = 1685577600000L;

  /** 2024-01-01: 4 shards from here. */
  static final long BUMP_4 = 1704067200000L;

  /** 2025-01-01: 16 shards from here. */
  static final long BUMP_16 = 1735689600000L;

  /** 2026-06-01. */
  static final long END = 1780272000000L;

  static final byte[] KEY = "test-cursor-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private Users() {}

  /** A user as the table stores it: with canonical names and every generated key. */
  static Map<String, Object> user(
      String userId,
      String beneficiaryId,
      String firstName,
      String lastName,
      String phone,
      long created,
      long updated) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("userId", userId);
    user.put("beneficiaryId", beneficiaryId);
    user.put("firstName", firstName);
    user.put("lastName", lastName);
    if (phone != null) {
      user.put("phone", phone);
    }
    user.put("created", created);
    user.put("updated", updated);
    return MANAGER.addKeys("user", user);
  }

  /** {@code count} users, names of 1 to 3 letters over {@code alphabet}, created in [from, to]. */
  static List<Map<String, Object>> random(
      long seed, int count, String alphabet, long from, long to) {
    Random random = new Random(seed);
    List<Map<String, Object>> users = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long created = from + (long) (random.nextDouble() * (to - from));
      users.add(
          user(
              "u" + i,
              "b" + random.nextInt(3),
              name(random, alphabet),
              name(random, alphabet),
              random.nextInt(4) == 0 ? null : "1" + random.nextInt(1000),
              created,
              created + random.nextInt(1_000_000)));
    }
    return users;
  }

  private static String name(Random random, String alphabet) {
    StringBuilder name = new StringBuilder();
    int length = 1 + random.nextInt(3);
    for (int i = 0; i < length; i++) {
      name.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return name.toString();
  }

  /** A name search over the two (unscoped) name indexes. */
  static SearchRequest.Builder nameSearch(String prefix) {
    return SearchRequest.builder("user")
        .index("firstName", new RangeCondition.Prefix(Map.of("firstNameCanonical", prefix)))
        .index("lastName", new RangeCondition.Prefix(Map.of("lastNameCanonical", prefix)));
  }

  /** Every page of a search, each cursor passed back as a string, as a client would. */
  /** {@code reader}, asking the merger never to read fewer than {@code minimumFetch} items. */
  static PartitionReader withMinimumFetch(PartitionReader reader, int minimumFetch) {
    return new PartitionReader() {
      @Override
      public PartitionPage read(PartitionQuery query, Optional<StartKey> start, int limit) {
        return reader.read(query, start, limit);
      }

      @Override
      public int minimumFetch() {
        return minimumFetch;
      }
    };
  }

  static List<SearchPage> allPages(
      Searcher searcher, SearchRequest request, List<Integer> limits, int maxPages) {
    List<SearchPage> pages = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      int limit = limits.get(pages.size() % limits.size());
      SearchPage page = searcher.search(request.withLimit(limit), cursor);
      pages.add(page);
      cursor = page.cursor();
      if (pages.size() > maxPages) {
        throw new AssertionError("more than " + maxPages + " pages");
      }
    } while (cursor.isPresent());
    return pages;
  }

  static List<Object> ids(List<Map<String, Object>> items) {
    return items.stream().map(i -> i.get("userId")).toList();
  }
}
