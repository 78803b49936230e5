package io.shardstream.bench.faults;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A walk of every page of {@code GET /v1/users} against the projection: the table's live users by
 * created, then userId, which is the order the API promises.
 *
 * @param lost a user of the projection the walk did not list
 * @param duplicated a user listed twice, or listed though the projection does not have it
 * @param stale a user listed at another place than the projection's order puts it, or a wrong
 *     answer (an error other than a refused connection or a 503, which clients retry)
 */
record ApiCheck(long lost, long duplicated, long stale) {

  static final ApiCheck NONE = new ApiCheck(0, 0, 0);

  /** The user ids of the projection's items, in the API's order. */
  static List<String> expectedOrder(Map<String, Map<String, Object>> items) {
    List<Map<String, Object>> users = new ArrayList<>();
    for (Map<String, Object> item : items.values()) {
      if (!item.containsKey("email")) {
        users.add(item);
      }
    }
    users.sort(
        (a, b) -> {
          int byCreated =
              Long.compare(
                  ((Number) a.get("created")).longValue(), ((Number) b.get("created")).longValue());
          return byCreated != 0
              ? byCreated
              : ((String) a.get("userId")).compareTo((String) b.get("userId"));
        });
    return users.stream().map(user -> (String) user.get("userId")).toList();
  }

  static ApiCheck compare(List<String> expected, List<String> walked, long wrongAnswers) {
    Set<String> expectedIds = new HashSet<>(expected);
    Set<String> seen = new HashSet<>();
    long duplicated = 0;
    for (String id : walked) {
      if (!seen.add(id) || !expectedIds.contains(id)) {
        duplicated++;
      }
    }
    long lost = expected.stream().filter(id -> !seen.contains(id)).count();
    long misplaced = 0;
    if (lost == 0 && duplicated == 0) {
      for (int i = 0; i < expected.size(); i++) {
        if (!expected.get(i).equals(walked.get(i))) {
          misplaced++;
        }
      }
    }
    return new ApiCheck(lost, duplicated, misplaced + wrongAnswers);
  }
}
