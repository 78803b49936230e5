package io.shardstream.queryapi;

import io.shardstream.core.keys.EntityManager;
import java.util.Map;

/**
 * Items as clients see them: the entity's own properties, without the table's keys, the generated
 * index keys or the derived canonical properties, which are how the table is searched and nothing a
 * client stored.
 */
final class ItemViews {
  private final EntityManager manager;

  ItemViews(EntityManager manager) {
    this.manager = manager;
  }

  Map<String, Object> view(String entity, Map<String, Object> item) {
    Map<String, Object> view = manager.removeKeys(entity, item);
    manager.config().entity(entity).ifPresent(e -> e.canonicalize().keySet().forEach(view::remove));
    return view;
  }
}
