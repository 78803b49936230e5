package io.shardstream.dynamo.write;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deterministic seed users spread over both shard bumps of the seed configuration. */
final class NumberedUsers {
  private static final List<String> FIRST =
      List.of("Ada", "José", "Zoë", "Grace", "Émile", "Ngozi", "Ana", "Søren");
  private static final List<String> LAST =
      List.of("Gómez-Juárez", "Lovelace", "O'Brien", "Hopper", "Müller", "Okafor", "Åberg");

  /** 2023-07-22; 13,000 s apart, 5,000 users reach 2025-08, past the 2024 and 2025 bumps. */
  private static final long FIRST_CREATED = 1_690_000_000_000L;

  private NumberedUsers() {}

  static Map<String, Object> user(int i) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("userId", String.format("u-%05d", i));
    user.put("beneficiaryId", "b-" + (i % 40));
    user.put("firstName", FIRST.get(i % FIRST.size()));
    user.put("lastName", LAST.get(i % LAST.size()));
    if (i % 3 != 0) {
      user.put("phone", String.format("1555%07d", i));
    }
    long created = FIRST_CREATED + i * 13_000_000L;
    user.put("created", created);
    user.put("updated", created + (i % 1000) * 1000L);
    return user;
  }
}
