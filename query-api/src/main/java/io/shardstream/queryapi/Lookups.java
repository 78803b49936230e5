package io.shardstream.queryapi;

import io.shardstream.core.keys.EntityManager;
import io.shardstream.core.keys.KeyException;
import io.shardstream.core.keys.PrimaryKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Items by their unique id, every candidate key read in one request, and whether a caller may see
 * them: a bound key ({@link Caller#binding()}) sees the instances whose binding property has its
 * value and the children of instances it sees; anything else is as absent as an id that does not
 * exist, so a bound key cannot even learn which ids exist.
 */
final class Lookups {
  private final EntityManager manager;
  private final ItemLookup lookup;
  private final ApiModel model;

  Lookups(EntityManager manager, ItemLookup lookup, ApiModel model) {
    this.manager = manager;
    this.lookup = lookup;
    this.model = model;
  }

  /**
   * The stored item, or empty.
   *
   * @param parameter the request parameter the id came from, for the 400 of an impossible id
   */
  Optional<Map<String, Object>> find(String entity, String id, String parameter) {
    List<PrimaryKey> candidates;
    try {
      candidates = manager.candidatePrimaryKeys(entity, id);
    } catch (KeyException e) {
      // No item can have this id (e.g. it holds the key delimiter): say so rather than 404.
      throw Problems.invalidParameter(parameter, e.getMessage());
    }
    return lookup.find(candidates);
  }

  /** The item when this caller may see it. */
  Optional<Map<String, Object>> visible(
      ApiEntity entity, String id, String parameter, Caller caller) {
    return find(entity.token(), id, parameter).filter(item -> visible(entity, item, caller));
  }

  /** Whether this caller may see a stored item of {@code entity}. */
  boolean visible(ApiEntity entity, Map<String, Object> item, Caller caller) {
    if (!caller.bound()) {
      return true;
    }
    Optional<String> binding = model.bindingProperty();
    if (binding.isPresent() && entity.carries(binding.get())) {
      return caller.maySee(item.get(binding.get()));
    }
    return entity
        .parent()
        .filter(p -> item.get(p.property()) != null)
        .map(
            p ->
                visible(
                        model.byToken(p.entity()),
                        String.valueOf(item.get(p.property())),
                        p.property(),
                        caller)
                    .isPresent())
        .orElse(false);
  }

  /** The binding value of an instance, for the change feed: its own, or its nearest parent's. */
  Optional<Object> bindingOf(String entity, String id) {
    Optional<String> binding = model.bindingProperty();
    if (binding.isEmpty()) {
      return Optional.empty();
    }
    ApiEntity api = model.byToken(entity);
    if (api.colocated()) {
      return Optional.empty();
    }
    Optional<Map<String, Object>> item = find(entity, id, api.idProperty());
    if (api.carries(binding.get())) {
      return item.map(i -> i.get(binding.get()));
    }
    return item.flatMap(
        i ->
            api.parent()
                .filter(p -> i.get(p.property()) != null)
                .flatMap(p -> bindingOf(p.entity(), String.valueOf(i.get(p.property())))));
  }
}
