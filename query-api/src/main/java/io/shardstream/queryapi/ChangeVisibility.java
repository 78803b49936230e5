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
 * bound to a beneficiary, only changes of that beneficiary's users and of their emails, as the
 * searches and lookups confine it ({@link Caller}).
 *
 * <p>A user change names its beneficiary. An email change names its owner only, so the owner's
 * beneficiary is looked up (and remembered, in a bounded map also fed by the user changes that pass
 * by). When it cannot be told (the owner is gone, say after a cascade delete, or DynamoDB does not
 * answer) the change is withheld from bound keys: never shown to the wrong beneficiary.
 */
final class ChangeVisibility {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeVisibility.class);
  private static final int REMEMBERED = 10_000;

  private final ActiveTable active;
  private final Map<String, String> beneficiaries =
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
    if (change.entity().equals(UserIndexes.ENTITY) && change.binding() != null) {
      remember(change.id(), change.binding());
    }
    if (caller.beneficiary().isEmpty()) {
      return true;
    }
    String beneficiary =
        change.entity().equals(UserIndexes.ENTITY) && change.binding() != null
            ? change.binding()
            : userOf(change) == null ? null : beneficiaryOf(userOf(change));
    return beneficiary != null && caller.maySee(beneficiary);
  }

  /** The user a change is about: the user itself, or an address's owner (its parent). */
  private static String userOf(AppliedChange change) {
    if (change.parentId() != null) {
      return change.parentId();
    }
    return change.entity().equals(UserIndexes.ENTITY) ? change.id() : null;
  }

  private String beneficiaryOf(String userId) {
    synchronized (beneficiaries) {
      String known = beneficiaries.get(userId);
      if (known != null) {
        return known;
      }
    }
    try {
      Optional<Object> found =
          active
              .current()
              .lookups()
              .user(userId, "userId")
              .map(user -> user.get(UserIndexes.BENEFICIARY_ID));
      found.ifPresent(beneficiary -> remember(userId, beneficiary.toString()));
      return found.map(Object::toString).orElse(null);
    } catch (RuntimeException e) {
      LOG.warn(
          "change feed: cannot tell the beneficiary of user {} ({}); its change is withheld from"
              + " keys bound to a beneficiary",
          userId,
          e.toString());
      return null;
    }
  }

  private void remember(String userId, String beneficiary) {
    synchronized (beneficiaries) {
      beneficiaries.put(userId, beneficiary);
    }
  }
}
