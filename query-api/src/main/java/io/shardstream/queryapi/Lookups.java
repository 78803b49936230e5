package io.shardstream.queryapi;

import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.keys.KeyException;
import io.shardstream.core.keys.PrimaryKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users and emails by their unique id, with every candidate key read in one request. */
final class Lookups {
  private final EntityManager manager;
  private final ItemLookup lookup;

  Lookups(EntityManager manager, ItemLookup lookup) {
    this.manager = manager;
    this.lookup = lookup;
  }

  /** The stored user, or empty. */
  Optional<Map<String, Object>> user(String userId, String parameter) {
    return find(UserIndexes.ENTITY, userId, parameter);
  }

  /** The stored email, or empty. */
  Optional<Map<String, Object>> email(String email, String parameter) {
    return find(UserIndexes.EMAIL_ENTITY, email, parameter);
  }

  /**
   * The user, when this caller may see it: a user of another beneficiary is as absent as a user
   * that does not exist, so a bound key cannot even learn which ids exist.
   */
  Optional<Map<String, Object>> visibleUser(String userId, String parameter, Caller caller) {
    return user(userId, parameter).filter(u -> caller.maySee(u.get(UserIndexes.BENEFICIARY_ID)));
  }

  private Optional<Map<String, Object>> find(String entity, String id, String parameter) {
    List<PrimaryKey> candidates;
    try {
      candidates = manager.candidatePrimaryKeys(entity, id);
    } catch (KeyException e) {
      // No item can have this id (e.g. it holds the key delimiter): say so rather than 404.
      throw Problems.invalidParameter(parameter, e.getMessage());
    }
    return lookup.find(candidates);
  }
}
