package io.shardstream.schemas.changes;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One table change the writer applied, as it publishes it on the change feed ({@code
 * topics.applied-changes}) after the write is durable. Small on purpose: it says what changed, not
 * the item (a consumer reads the item from the API, which masks what it must), so the feed carries
 * no attribute a key may not see. JSON ({@link AppliedChangeJson}), keyed by {@link #id()}, so one
 * item's changes stay in order on one partition.
 *
 * @param entity the entity's token (e.g. {@code user}, {@code address})
 * @param id the item's unique id
 * @param op {@link #UPSERT} or {@link #DELETE}
 * @param version the event version now in the table (a cascade delete keeps the child's)
 * @param parentEntity the parent entity of a child (e.g. {@code user} for an email); null for an
 *     entity without a parent
 * @param parentId the parent a child references; null without a parent, or for a child deleted
 *     before it was seen
 * @param binding the value of the config's key-binding property ({@code keyBinding}) for the
 *     instance, when the writer knows it; null otherwise
 * @param timestamp the item's timestamp property (its shard), epoch millis; null when unknown
 * @param hashKey the item's table hash key; null when unknown (an item never seen)
 * @param rangeKey the item's table range key; null when unknown
 * @param cause {@link #EVENT}, or the cascade's cause (e.g. {@code user-deleted})
 * @param eventId the change event's id; null for cascades
 * @param eventTime the timestamp of the Kafka record that caused the change, epoch millis
 * @param configVersion the entity configuration the keys were generated under
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppliedChange(
    String entity,
    String id,
    String op,
    long version,
    String parentEntity,
    String parentId,
    String binding,
    Long timestamp,
    String hashKey,
    String rangeKey,
    String cause,
    String eventId,
    long eventTime,
    String configVersion) {

  public static final String UPSERT = "upsert";
  public static final String DELETE = "delete";

  /** The change came from a change event (not a cascade). */
  public static final String EVENT = "event";

  public AppliedChange {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(cause, "cause");
    if (!op.equals(UPSERT) && !op.equals(DELETE)) {
      throw new IllegalArgumentException("op must be upsert or delete, got " + op);
    }
  }

  public boolean deleted() {
    return op.equals(DELETE);
  }
}
