package io.shardstream.queryapi;

import io.shardstream.queryapi.changes.ChangeBuffer;
import io.shardstream.schemas.changes.AppliedChange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which changes a caller may receive: all of them with an unbound key (or none needed); with a key
 * bound to a value of the config's key binding property, only changes of instances with that value
 * and of their children, as the searches and lookups confine it ({@link Lookups#visible}).
 *
 * <p>A change of an instance that carries the binding names it ({@link #binding}). A child's change
 * names its parent only, so the parent's binding is looked up (and remembered, in a bounded map
 * also fed by the parent changes that pass by). When it cannot be told (the parent is gone, say
 * after a cascade delete, or DynamoDB does not answer) the change is withheld from bound keys:
 * never shown to the wrong binding.
 */
final class ChangeVisibility {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeVisibility.class);
  private static final int REMEMBERED = 10_000;

  private final ActiveTable active;

  /** Binding value by "entity id" of a parent. */
  private final Map<String, String> bindings =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED;
        }
      };

  ChangeVisibility(ActiveTable active) {
    this.active = Objects.requireNonNull(active, "active");
  }

  boolean visible(ChangeBuffer.Delivery delivery, Caller caller) {
    AppliedChange change = delivery.change();
    if (change.binding() != null) {
      remember(change.entity(), change.id(), change.binding());
    }
    if (!caller.bound()) {
      return true;
    }
    String binding = change.binding();
    if (binding == null && change.parentId() != null) {
      binding = parentBinding(change.entity(), change.parentId());
    }
    return binding != null && caller.maySee(binding);
  }

  private String parentBinding(String entity, String parentId) {
    ServedTable served = active.current();
    Optional<String> parent =
        served
            .manager()
            .config()
            .entity(entity)
            .flatMap(e -> e.model().parent())
            .map(p -> p.entity());
    if (parent.isEmpty()) {
      return null;
    }
    synchronized (bindings) {
      String known = bindings.get(parent.get() + " " + parentId);
      if (known != null) {
        return known;
      }
    }
    try {
      Optional<String> found =
          served.lookups().bindingOf(parent.get(), parentId).map(Object::toString);
      found.ifPresent(b -> remember(parent.get(), parentId, b));
      return found.orElse(null);
    } catch (RuntimeException e) {
      LOG.warn(
          "change feed: cannot tell the key binding of {} {} ({}); its child's change is withheld"
              + " from bound keys",
          parent.get(),
          parentId,
          e.toString());
      return null;
    }
  }

  private void remember(String entity, String id, String binding) {
    synchronized (bindings) {
      bindings.put(entity + " " + id, binding);
    }
  }
}
