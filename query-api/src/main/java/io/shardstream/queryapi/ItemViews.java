package io.shardstream.queryapi;

import io.shardstream.core.config.AttributeDefinition;
import io.shardstream.core.config.AttributeType;
import io.shardstream.core.keys.EntityManager;
import java.util.Map;

/**
 * Items as clients see them: the entity's own properties, without the table's keys, the generated
 * index keys or the derived canonical properties, which are how the table is searched and nothing a
 * client stored; attributes declared {@code sensitive} masked unless the caller may reveal them.
 *
 * <p>The mask: a string longer than {@value #SHOWN_TAIL_AFTER} characters is {@value #MASK}
 * followed by its last {@value #SHOWN_TAIL} characters (enough to tell two accounts apart, too few
 * to use one); any other value (shorter strings, numbers, dates, booleans) is {@value #MASK} alone.
 */
final class ItemViews {
  static final String MASK = "•••";
  static final int SHOWN_TAIL = 4;
  static final int SHOWN_TAIL_AFTER = 8;

  private final EntityManager manager;

  ItemViews(EntityManager manager) {
    this.manager = manager;
  }

  Map<String, Object> view(String entity, Map<String, Object> item, Caller caller) {
    Map<String, Object> view = manager.removeKeys(entity, item);
    manager
        .config()
        .entity(entity)
        .ifPresent(
            e -> {
              e.canonicalize().keySet().forEach(view::remove);
              if (!caller.reveal()) {
                for (AttributeDefinition attribute : e.model().attributes().values()) {
                  if (attribute.sensitive() && view.get(attribute.name()) != null) {
                    view.put(attribute.name(), mask(attribute, view.get(attribute.name())));
                  }
                }
              }
            });
    return view;
  }

  static String mask(AttributeDefinition attribute, Object value) {
    if (attribute.type() == AttributeType.STRING
        && value instanceof String text
        && text.length() > SHOWN_TAIL_AFTER) {
      return MASK + text.substring(text.length() - SHOWN_TAIL);
    }
    return MASK;
  }
}
