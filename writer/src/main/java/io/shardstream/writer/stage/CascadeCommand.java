package io.shardstream.writer.stage;

import java.util.Objects;

/**
 * Parent stage → child stage (keyed by the child's id): delete the child if it still references
 * {@code parentId} at a version no newer than {@code upToVersion}. A newer claim is on its way to
 * the parent stage and is judged there on its own, so the bound keeps a cascade from deleting it.
 *
 * @param cause why: {@code <parent>-deleted} (e.g. {@code user-deleted}), {@link #CLAIM_REJECTED}
 *     or {@link #PARENT_MISMATCH}
 */
public record CascadeCommand(
    String entity, String id, String parentId, long upToVersion, String cause) {

  /** The claim reached the parent stage after its parent was deleted (dead-lettered there). */
  public static final String CLAIM_REJECTED = "claim-rejected";

  /**
   * A co-located child carried another parent timestamp than the live parent's: it was written to a
   * partition the parent is not in, so it is taken out again.
   */
  public static final String PARENT_MISMATCH = "parent-mismatch";

  public CascadeCommand {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(parentId, "parentId");
    Objects.requireNonNull(cause, "cause");
  }

  /** The cause of the cascade a parent's DELETE sends, e.g. {@code user-deleted}. */
  public static String parentDeleted(String parent) {
    return parent + "-deleted";
  }
}
