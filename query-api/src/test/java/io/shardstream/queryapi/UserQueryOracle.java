package io.shardstream.queryapi;

import io.shardstream.core.canonical.Canonicalizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The brute-force answer to a {@code GET /v1/users} query: every stored user checked one by one
 * against the parameters' documented meaning, sorted by (sort value, table range key, index),
 * independent of the planner, the merger and DynamoDB.
 */
final class UserQueryOracle {
  private UserQueryOracle() {}

  /** One user's place in the result: under the index (0 first name, 1 last name) it sorts first. */
  private record Hit(Object value, String rangeKey, int index, String userId) {}

  private static final Comparator<Hit> ORDER =
      (a, b) -> {
        int c =
            a.value() instanceof Long x
                ? Long.compare(x, (Long) b.value())
                : bytes((String) a.value(), (String) b.value());
        if (c == 0) {
          c = bytes(a.rangeKey(), b.rangeKey());
        }
        return c != 0 ? c : Integer.compare(a.index(), b.index());
      };

  /** The user ids the query should return, in order, for a caller that may see everyone. */
  static List<String> expected(Map<String, String> query, List<Map<String, Object>> users) {
    String sort =
        Optional.ofNullable(query.get("sort"))
            .orElse(query.containsKey("name") ? "name" : "created");
    List<Hit> hits = new ArrayList<>();
    for (Map<String, Object> user : users) {
      if (!passes(query, user)) {
        continue;
      }
      Hit best = null;
      for (Hit hit : hits(query, sort, user)) {
        if (best == null || ORDER.compare(hit, best) < 0) {
          best = hit;
        }
      }
      if (best != null) {
        hits.add(best);
      }
    }
    hits.sort("desc".equals(query.get("order")) ? ORDER.reversed() : ORDER);
    return hits.stream().map(Hit::userId).toList();
  }

  private static boolean passes(Map<String, String> query, Map<String, Object> user) {
    long created = (Long) user.get("created");
    long updated = (Long) user.get("updated");
    String phone = (String) user.get("phone");
    return within(created, query.get("createdFrom"), query.get("createdTo"))
        && within(updated, query.get("updatedFrom"), query.get("updatedTo"))
        && (query.get("beneficiaryId") == null
            || query.get("beneficiaryId").equals(user.get("beneficiaryId")))
        && (query.get("phone") == null || phone != null && phone.startsWith(query.get("phone")));
  }

  private static boolean within(long value, String from, String to) {
    return (from == null || value >= Timestamps.parse(from, Timestamps.Bound.FROM))
        && (to == null || value <= Timestamps.parse(to, Timestamps.Bound.TO));
  }

  private static List<Hit> hits(Map<String, String> query, String sort, Map<String, Object> user) {
    String userId = (String) user.get("userId");
    String rangeKey = (String) user.get("rangeKey");
    return switch (sort) {
      case "created" -> List.of(new Hit(user.get("created"), rangeKey, 0, userId));
      case "updated" -> List.of(new Hit(user.get("updated"), rangeKey, 0, userId));
      case "phone" ->
          user.get("phone") == null
              ? List.of()
              : List.of(new Hit(user.get("phone"), rangeKey, 0, userId));
      default -> nameHits(query.get("name"), user, rangeKey, userId);
    };
  }

  /** Name hits: by the first-name index (0) and the last-name index (1), keys without prefix. */
  private static List<Hit> nameHits(
      String name, Map<String, Object> user, String rangeKey, String userId) {
    String first = (String) user.get("firstNameCanonical");
    String last = (String) user.get("lastNameCanonical");
    String byFirst = stripped((String) user.get("firstNameRangeKey"));
    String byLast = stripped((String) user.get("lastNameRangeKey"));
    if (name == null) {
      return List.of(new Hit(byLast, rangeKey, 0, userId));
    }
    List<String> words =
        Arrays.stream(name.trim().split("\\s+"))
            .map(Canonicalizer::canonicalize)
            .filter(w -> !w.isEmpty())
            .toList();
    String word = words.get(0);
    String rest = String.join("", words.subList(1, words.size()));
    List<Hit> hits = new ArrayList<>();
    boolean firstMatches =
        words.size() == 1 ? first.startsWith(word) : first.equals(word) && last.startsWith(rest);
    boolean lastMatches =
        words.size() == 1 ? last.startsWith(word) : last.equals(word) && first.startsWith(rest);
    if (firstMatches) {
      hits.add(new Hit(byFirst, rangeKey, 0, userId));
    }
    if (lastMatches) {
      hits.add(new Hit(byLast, rangeKey, 1, userId));
    }
    return hits;
  }

  private static String stripped(String generatedKey) {
    return generatedKey.substring(generatedKey.indexOf('#') + 1);
  }

  private static int bytes(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
