package io.shardstream.bench.items;

import java.util.LinkedHashMap;
import java.util.Map;

/** A raw user as a producer would send it: no keys and no canonical names yet. */
public record UserItem(
    String userId,
    String beneficiaryId,
    String firstName,
    String lastName,
    String phone,
    long created,
    long updated) {

  /** The item as the map {@code EntityManager.addKeys} takes (and Entity Manager's JSON shape). */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("userId", userId);
    map.put("beneficiaryId", beneficiaryId);
    map.put("firstName", firstName);
    map.put("lastName", lastName);
    map.put("phone", phone);
    map.put("created", created);
    map.put("updated", updated);
    return map;
  }
}
