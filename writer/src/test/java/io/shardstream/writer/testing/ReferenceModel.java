package io.shardstream.writer.testing;

import io.shardstream.core.keys.EntityManager;
import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.User;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.writer.metrics.EventOutcome;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The writer's rules, written as plainly as possible and applied one event at a time: the truth the
 * tests compare the writer against. Records made invalid on purpose carry their expected reason and
 * change nothing; for the others the model decides applied, stale, duplicate or a dead letter
 * (uniqueness, deleted user), and applies cascades at once.
 */
public final class ReferenceModel {
  /** What should become of one event. */
  public record Expected(EventOutcome outcome, String reason) {
    static Expected of(EventOutcome outcome) {
      return new Expected(outcome, null);
    }
  }

  record UserRef(long version, boolean deleted, User user) {}

  record EmailRef(long version, boolean deleted, String userId, long created) {}

  private final Map<String, UserRef> users = new HashMap<>();
  private final Map<String, EmailRef> emails = new HashMap<>();
  private long cascades;

  public Expected apply(Planned planned) {
    if (!planned.valid()) {
      return new Expected(EventOutcome.DEAD_LETTERED, planned.expectedReason());
    }
    return switch (planned.payload()) {
      case Planned.Payload.User user -> user(user.event());
      case Planned.Payload.Email email -> email(email.event());
      default -> throw new IllegalArgumentException("a valid record carries an event");
    };
  }

  private Expected user(UserChangeEvent event) {
    boolean upsert = event.getUser() != null;
    String id = upsert ? event.getUser().getUserId() : event.getUserKey().getUserId();
    UserRef current = users.get(id);
    EventOutcome gate = gate(current == null ? null : current.version(), event.getVersion());
    if (gate != EventOutcome.APPLIED) {
      return Expected.of(gate);
    }
    if (upsert) {
      users.put(id, new UserRef(event.getVersion(), false, event.getUser()));
    } else {
      users.put(id, new UserRef(event.getVersion(), true, null));
      emails.replaceAll(
          (address, email) -> {
            if (!email.deleted() && email.userId().equals(id)) {
              cascades++;
              return new EmailRef(email.version(), true, email.userId(), email.created());
            }
            return email;
          });
    }
    return Expected.of(EventOutcome.APPLIED);
  }

  private Expected email(EmailChangeEvent event) {
    boolean upsert = event.getEmail() != null;
    String address = upsert ? event.getEmail().getEmail() : event.getEmailKey().getEmail();
    EmailRef current = emails.get(address);
    EventOutcome gate = gate(current == null ? null : current.version(), event.getVersion());
    if (gate != EventOutcome.APPLIED) {
      return Expected.of(gate);
    }
    if (!upsert) {
      emails.put(
          address,
          new EmailRef(
              event.getVersion(),
              true,
              current == null ? null : current.userId(),
              current == null ? 0 : current.created()));
      return Expected.of(EventOutcome.APPLIED);
    }
    String userId = event.getEmail().getUserId();
    long created = event.getEmail().getCreated().toEpochMilli();
    if (current != null && !current.deleted() && !current.userId().equals(userId)) {
      return new Expected(EventOutcome.DEAD_LETTERED, "email-owned-by-other-user");
    }
    UserRef owner = users.get(userId);
    if (owner != null && owner.deleted()) {
      // Accepted by the email stage, refused by the user stage, then removed again.
      emails.put(address, new EmailRef(event.getVersion(), true, userId, created));
      cascades++;
      return new Expected(EventOutcome.DEAD_LETTERED, "user-deleted");
    }
    emails.put(address, new EmailRef(event.getVersion(), false, userId, created));
    return Expected.of(EventOutcome.APPLIED);
  }

  private static EventOutcome gate(Long current, long incoming) {
    if (current == null || incoming > current) {
      return EventOutcome.APPLIED;
    }
    return incoming == current ? EventOutcome.DUPLICATE : EventOutcome.STALE;
  }

  /** Emails deleted by cascades so far (user deleted, or claim refused for a deleted user). */
  public long cascades() {
    return cascades;
  }

  public boolean userLive(String userId) {
    UserRef user = users.get(userId);
    return user != null && !user.deleted();
  }

  public boolean userDeleted(String userId) {
    UserRef user = users.get(userId);
    return user != null && user.deleted();
  }

  public Long userVersion(String userId) {
    UserRef user = users.get(userId);
    return user == null ? null : user.version();
  }

  /** Every address with its state: owner, version, deleted. */
  public Map<String, EmailRef> emails() {
    return new TreeMap<>(emails);
  }

  /** The table the writer must leave: every live user and email with all its keys, by table key. */
  public Map<String, Map<String, Object>> expectedItems(EntityManager entities) {
    Map<String, Map<String, Object>> items = new TreeMap<>();
    users.forEach(
        (id, user) -> {
          if (!user.deleted()) {
            add(items, entities.addKeys("user", userItem(user.user())));
          }
        });
    emails.forEach(
        (address, email) -> {
          if (!email.deleted()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("email", address);
            item.put("userId", email.userId());
            item.put("created", email.created());
            add(items, entities.addKeys("email", item));
          }
        });
    return items;
  }

  /** The item as the writer should write it, built here independently of the writer's code. */
  static Map<String, Object> userItem(User user) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("userId", user.getUserId());
    item.put("beneficiaryId", user.getBeneficiaryId());
    item.put("firstName", user.getFirstName());
    item.put("lastName", user.getLastName());
    if (user.getPhone() != null) {
      item.put("phone", user.getPhone());
    }
    item.put("created", user.getCreated().toEpochMilli());
    item.put("updated", user.getUpdated().toEpochMilli());
    if (user.getLocale() != null) {
      item.put("locale", user.getLocale());
    }
    return item;
  }

  private static void add(Map<String, Map<String, Object>> items, Map<String, Object> item) {
    items.put(item.get("hashKey") + "|" + item.get("rangeKey"), item);
  }

  /** Expected outcome counts of the steps. */
  public static Map<EventOutcome, Long> outcomes(List<Scenario.Step> steps) {
    Map<EventOutcome, Long> counts = new java.util.EnumMap<>(EventOutcome.class);
    steps.forEach(step -> counts.merge(step.expected().outcome(), 1L, Long::sum));
    return counts;
  }
}
