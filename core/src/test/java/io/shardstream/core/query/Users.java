package io.shardstream.core.query;

import io.shardstream.core.testing.SeedUsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Random users of the seed config ({@link SeedUsers}), the cursor key and paging helpers. */
final class Users {
  static final byte[] KEY = "test-cursor-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private Users() {}

  /** {@code count} users, names of 1 to 3 letters over {@code alphabet}, created in [from, to]. */
  static List<Map<String, Object>> random(
      long seed, int count, String alphabet, long from, long to) {
    Random random = new Random(seed);
    List<Map<String, Object>> users = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long created = from + (long) (random.nextDouble() * (to - from));
      users.add(
          SeedUsers.user(
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

  /** Every page of a search, each cursor passed back as a string, as a client would. */
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
