package io.shardstream.core.keys;

import io.shardstream.core.testing.SeedUsers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Users as services send them (no generated keys), for the key tests of {@link SeedUsers}' config.
 */
final class UnkeyedUsers {
  private UnkeyedUsers() {}

  static Map<String, Object> user(String userId, long created) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("userId", userId);
    user.put("beneficiaryId", "ben-1");
    user.put("firstName", "Ada");
    user.put("lastName", "Gómez-Juárez");
    user.put("phone", "15551234567");
    user.put("created", created);
    user.put("updated", created + 1000);
    return user;
  }
}
