package io.shardstream.writer.state;

import java.util.Map;

/**
 * What the writer knows of one instance of an entity (store {@code <token>-states}, keyed by its
 * unique id): the last applied version and whether it is deleted. A deleted instance keeps a
 * tombstone (its version and whatever was known of it), so a late older UPSERT is stale instead of
 * bringing it back, and a claim by a child of a deleted parent is refused.
 *
 * @param timestamp the entity's timestamp property (its shard); null when never seen
 * @param parentId the parent it references (children); null when none or never seen
 * @param parentTimestamp the parent timestamp a co-located child carries; null otherwise
 * @param item the validated state (declared attributes), kept by a child's stage, which writes its
 *     current state again ({@code EntityWrites.current}); null for other entities and when never
 *     seen live
 * @param binding the value of the config's key-binding property (its own or, for a child, unknown
 *     here); null when none
 * @param hashKey the table key of its item; null when never seen
 */
public record EntityState(
    long version,
    boolean deleted,
    String id,
    Long timestamp,
    String parentId,
    Long parentTimestamp,
    Map<String, Object> item,
    String binding,
    String hashKey,
    String rangeKey) {

  public EntityState {
    if (id == null) {
      // Stores of a writer from before the generic topology hold other records (EmailState...).
      throw new IllegalStateException(
          "a state without an id: written by a writer older than the generic topology? Rebuild"
              + " with `shardstream replay` (a new application id) or reset the application's"
              + " state (writer/README.md, \"Upgrading\")");
    }
  }

  public boolean live() {
    return !deleted;
  }

  /** Whether the instance is live and references {@code parentId}. */
  public boolean ownedBy(String parentId) {
    return live() && parentId.equals(this.parentId);
  }

  public boolean hasKey() {
    return hashKey != null && rangeKey != null;
  }

  /** A tombstone at {@code version} that keeps what {@code previous} knew, if anything. */
  public static EntityState tombstone(long version, String id, EntityState previous) {
    return previous == null
        ? new EntityState(version, true, id, null, null, null, null, null, null, null)
        : new EntityState(
            version,
            true,
            id,
            previous.timestamp,
            previous.parentId,
            previous.parentTimestamp,
            previous.item,
            previous.binding,
            previous.hashKey,
            previous.rangeKey);
  }

  /** The same state, deleted at the same version (a cascade: the instance's own events rule it). */
  public EntityState asDeleted() {
    return tombstone(version, id, this);
  }

  /** A tombstone that also knows the key and timestamp a DELETE event carried. */
  public EntityState withKnownKey(Long timestamp, String hashKey, String rangeKey) {
    return new EntityState(
        version,
        deleted,
        id,
        this.timestamp != null ? this.timestamp : timestamp,
        parentId,
        parentTimestamp,
        item,
        binding,
        this.hashKey != null ? this.hashKey : hashKey,
        this.rangeKey != null ? this.rangeKey : rangeKey);
  }
}
